"""The right-of-access PDF is readable by the person it is about: French labels and values,
dates as dd/mm/yyyy, no internal identifier or field name; the JSON keeps the machine form."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from pypdf import PdfReader

from levier.participants.access_export import LABELS_FILE
from tests.participants.test_pathways import pathway_of, post

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FRONTEND_FR = Path(__file__).resolve().parents[3] / "frontend" / "src" / "i18n" / "fr.json"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


class TestAccessExport:
    async def test_the_pdf_speaks_french_and_hides_identifiers(self, client, auth, network, alice):
        await client.post(
            f"/api/v1/participants/{alice.id}/eligibility",
            json={"criterion": "long_term_jobseeker", "validated_on": "2026-01-12"},
            headers=auth(network.facilitator),
        )
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export",
            params={"format": "pdf"},
            headers=auth(network.nadia),
        )
        assert response.status_code == 200
        text = pdf_text(response.content)
        for expected in (
            "Données détenues sur Alice Marie Dupré",
            "Date de naissance",
            "Femme",
            "Réside dans un quartier prioritaire (QPV) : non",
            "Demandeur d'emploi de longue durée",
            "Validé le : 12/01/2026",
            "Valable jusqu'au : 11/01/2028",
            "Entrée le",
            "Qui a consulté ou modifié ces données",
            "Création",
        ):
            assert expected in text, (expected, text[:2000])
        for leaked in ("birth_date", "gender", "female", "False", "qpv :", "long_term_jobseeker"):
            assert leaked not in text, leaked
        assert not UUID.search(text), UUID.search(text)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text)

    async def test_numbers_read_the_french_way(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        for hours, start in (("17.5", "2025-05-05"), ("35", "2025-06-02")):
            step = {
                "kind": "employment",
                "start_date": start,
                "contract_kind": "cdd",
                "employer": "Bâtir SA",
                "hours_per_week": hours,
            }
            response = await post(client, auth, network.nadia, alice, pathway, "steps", step)
            assert response.status_code == 201, response.text
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export",
            params={"format": "pdf"},
            headers=auth(network.nadia),
        )
        text = pdf_text(response.content)
        assert "17,5" in text and "35" in text, text[-1500:]
        assert "17.50" not in text and "35.00" not in text

    async def test_the_json_keeps_the_machine_form(self, client, auth, network, alice):
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export", headers=auth(network.nadia)
        )
        person = response.json()["participant"]
        assert person["gender"] == "female" and person["qpv"] is False
        assert person["id"] == str(alice.id)


class TestLabels:
    def test_the_vocabularies_match_the_web_app(self):
        """The PDF names values as the interface does (one vocabulary, checked here)."""
        ours = json.loads(LABELS_FILE.read_text(encoding="utf-8"))
        app = json.loads(FRONTEND_FR.read_text(encoding="utf-8"))
        for section in (
            "genders",
            "criteria",
            "evidenceTypes",
            "incomeKinds",
            "opinionSources",
            "stepKinds",
            "contractKinds",
            "exitSituations",
            "exitCategories",
        ):
            assert ours[section] == app[section], section
