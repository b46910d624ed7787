"""Monthly hours from a CSV: the month's template, a dry run reporting each line in the file's
own terms, and an all-or-nothing apply that declares, corrects or keeps each month."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import time_machine

from tests.core.test_query_count import counting
from tests.fulfilment.test_hours import URL, declare, etag, hire, stored

# A write and the table it writes to.
WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)", re.IGNORECASE)


async def send(client, headers, content: str, apply: bool = False):
    return await client.post(
        f"{URL}/import",
        params={"apply": "true"} if apply else None,
        files={"file": ("heures.csv", content.encode("utf-8"), "text/csv")},
        headers=headers,
    )


class TestTemplate:
    async def test_the_month_to_fill_names_each_running_assignment(self, client, auth, world):
        assignment = await hire(client, auth, world)
        got = await client.get(
            f"{URL}/template", params={"month": "2025-02"}, headers=auth(world.employer)
        )
        assert got.status_code == 200, got.text
        assert got.headers["content-type"].startswith("text/csv")
        assert 'filename="heures-2025-02.csv"' in got.headers["content-disposition"]
        # A byte order mark first, so that Excel reads "Dupré" as UTF-8.
        assert got.content.startswith(b"\xef\xbb\xbf" + b"mission;")
        lines = got.text.removeprefix("\ufeff").splitlines()
        assert lines[0] == "mission;nom;prenoms;lot;mois;heures;note"
        assert lines[1:] == [f"{assignment};Dupré;Alice;{world.lot.number};2025-02;;"]
        await declare(client, auth(world.employer), assignment, hours="60.5", note="Pluie")
        again = await client.get(
            f"{URL}/template", params={"month": "2025-02"}, headers=auth(world.employer)
        )
        assert (
            again.text.splitlines()[1]
            == f"{assignment};Dupré;Alice;{world.lot.number};2025-02;60,50;Pluie"
        )
        # The facilitator names the employer; another enterprise's template is empty.
        needs = await client.get(
            f"{URL}/template", params={"month": "2025-02"}, headers=auth(world.facilitator)
        )
        assert needs.status_code == 422 and needs.json()["errors"][0]["field"] == "employer_id"
        named = await client.get(
            f"{URL}/template",
            params={"month": "2025-02", "employer_id": str(world.builder.id)},
            headers=auth(world.facilitator),
        )
        assert len(named.text.splitlines()) == 2
        other = await client.get(
            f"{URL}/template", params={"month": "2025-02"}, headers=auth(world.stranger)
        )
        assert other.text.removeprefix("\ufeff").splitlines() == [
            "mission;nom;prenoms;lot;mois;heures;note"
        ]


class TestImport:
    async def test_dry_run_then_apply_then_the_same_file_again(self, client, auth, session, world):
        assignment = await hire(client, auth, world)
        headers = auth(world.employer)
        content = f"mission;mois;heures;note\n{assignment};2025-02;60,5;Deux jours de pluie\n"
        dry = await send(client, headers, content)
        assert dry.status_code == 200, dry.text
        assert dry.json() | {"errors": []} == {
            "rows": 1,
            "valid": 1,
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "applied": False,
            "file_errors": [],
            "errors": [],
        }
        assert await stored(session) == 0
        applied = await send(client, headers, content, apply=True)
        assert applied.status_code == 200, applied.text
        assert (applied.json()["created"], applied.json()["applied"]) == (1, True)
        listed = (await client.get(URL, headers=headers)).json()["items"]
        assert [(d["month"], d["hours"], d["note"], d["status"]) for d in listed] == [
            ("2025-02", "60.50", "Deux jours de pluie", "declared")
        ]
        same = await send(client, headers, content, apply=True)
        assert (same.json()["unchanged"], same.json()["created"]) == (1, 0)
        corrected = await send(client, headers, content.replace("60,5", "58"), apply=True)
        assert corrected.json()["updated"] == 1
        assert (await client.get(URL, headers=headers)).json()["items"][0]["hours"] == "58.00"
        # Once validated, the month counts: the file cannot change it.
        declaration = (await client.get(URL, headers=headers)).json()["items"][0]
        facilitator = auth(world.facilitator)
        validated = await client.post(
            f"{URL}/{declaration['id']}/validate",
            headers=facilitator | {"If-Match": await etag(client, facilitator, declaration)},
        )
        assert validated.status_code == 200
        refused = await send(client, headers, content.replace("60,5", "70"), apply=True)
        assert refused.status_code == 422
        assert refused.json()["code"] == "import_rejected"
        line = refused.json()["report"]["errors"][0]
        assert line["line"] == 2 and line["errors"][0]["code"] == "import_hours_validated"
        assert line["errors"][0]["column"] == "heures"
        assert (await client.get(URL, headers=headers)).json()["items"][0]["hours"] == "58.00"

    async def test_a_person_named_instead_of_the_assignment(self, client, auth, world):
        await hire(client, auth, world)
        headers = auth(world.employer)
        found = await send(client, headers, "nom;prenoms;mois;heures\nDUPRE;alice;02/2025;12\n")
        assert found.json()["valid"] == 1, found.text
        unknown = await send(client, headers, "nom;prenoms;mois;heures\nMartin;Léa;02/2025;12\n")
        error = unknown.json()["errors"][0]["errors"][0]
        assert (error["code"], error["column"], error["value"]) == (
            "import_hours_person_unknown",
            "nom",
            "Martin",
        )
        assert error["message"].startswith("« nom » (Martin) : Aucune de vos missions")
        nameless = await send(client, headers, "mois;heures\n2025-02;12\n")
        assert nameless.json()["errors"][0]["errors"][0]["code"] == "import_hours_person_missing"

    async def test_the_month_as_a_spreadsheet_saves_it(self, client, auth, world):
        """A spreadsheet opening the template turns 2025-02 into a day, and saves it back as
        01/02/2025, févr.-25 or the like: each still names February."""
        await hire(client, auth, world)
        headers = auth(world.employer)
        for typed in (
            "01/02/2025",
            "2025-02-01",
            "févr.-25",
            "févr. 2025",
            "février 2025",
            "Feb-25",
        ):
            found = await send(
                client, headers, f"nom;prenoms;mois;heures\nDUPRE;alice;{typed};12\n"
            )
            assert found.json()["valid"] == 1, (typed, found.text)
        refused = await send(client, headers, "nom;prenoms;mois;heures\nDUPRE;alice;13/2025;12\n")
        assert "mois" in {error["column"] for error in refused.json()["errors"][0]["errors"]}

    async def test_every_error_of_every_line_and_nothing_written(
        self, client, auth, session, world
    ):
        assignment = await hire(client, auth, world)
        content = (
            "mission;mois;heures\n"
            f"{assignment};2025-02;35\n"
            f"{assignment};2025-01;10\n"
            f"{assignment};2025-13;abc\n"
            f"{assignment};2025-02;36\n"
        )
        refused = await send(client, auth(world.employer), content, apply=True)
        assert refused.status_code == 422, refused.text
        report = refused.json()["report"]
        assert (report["rows"], report["valid"], report["applied"]) == (4, 1, False)
        codes = {
            line["line"]: sorted(e["code"] for e in line["errors"]) for line in report["errors"]
        }
        assert codes[3] == ["hours_month_outside_assignment"]
        assert [line["line"] for line in report["errors"]] == [3, 4, 5]
        assert codes[4] == ["field_type", "import_month_unreadable"]
        month, hours = report["errors"][1]["errors"]
        assert month["message"] == (
            "« mois » (2025-13) : Un mois s'écrit AAAA-MM ou MM/AAAA, "
            "par exemple 2026-11 ou 11/2026."
        )
        assert hours["column"] == "heures" and hours["value"] == "abc"
        assert hours["message"] == (
            "« heures » (abc) : Un nombre est attendu : les heures du mois en chiffres, "
            "par exemple 151,67 ou 35."
        )
        assert report["errors"][2]["errors"][0]["message"] == (
            "« mois » (2025-02) : Même mission et même mois qu'à la ligne 2."
        )
        assert await stored(session) == 0
        over = await send(
            client, auth(world.employer), f"mission;mois;heures\n{assignment};02/2025;250\n"
        )
        error = over.json()["errors"][0]["errors"][0]
        assert error["code"] == "hours_over_ceiling" and error["column"] == "heures"
        assert error["message"] == "« heures » (250) : Au plus 210 heures par mois et par personne."

    async def test_only_the_employer_of_record_and_a_readable_file(self, client, auth, world):
        assignment = await hire(client, auth, world)
        content = f"mission;mois;heures\n{assignment};2025-02;35\n"
        other = await send(client, auth(world.stranger), content)
        assert other.json()["errors"][0]["errors"][0]["code"] == "hours_assignment_unknown"
        assert (await send(client, auth(world.facilitator), content)).status_code == 403
        assert (await send(client, auth(world.referent), content)).status_code == 403
        missing = await send(client, auth(world.employer), "mission;mois\nx;2025-02\n")
        assert missing.json()["file_errors"] == ["Colonnes obligatoires absentes : heures."]


class TestCost:
    async def test_a_longer_file_costs_only_its_writes(self, client, auth, engine, world):
        """The file's assignments, declarations, ceilings and tenders' statuses are read once
        for the whole file: a 10-line file reads what a 2-line one does, and writes each
        line's declaration with its audit and outbox entries (a dry run writes, then rolls
        back)."""
        with time_machine.travel(date(2025, 12, 5), tick=True):
            assignment = await hire(client, auth, world, planned_end_date="2026-06-30")
            headers = auth(world.employer)
            waiting = await declare(client, headers, assignment, month="2025-02", hours="10")
            assert waiting.status_code == 201, waiting.text
            reads = []
            for months in (2, 10):  # February corrected, then one new month a line
                lines = [f"{assignment};2025-{month:02d};35" for month in range(2, 2 + months)]
                content = "mission;mois;heures\n" + "\n".join(lines) + "\n"
                with counting(engine) as statements:
                    dry = await send(client, headers, content)
                assert dry.status_code == 200, dry.text
                assert (dry.json()["valid"], dry.json()["updated"]) == (months, 1), dry.text
                reads.append(sum(1 for s in statements if WRITE.match(s) is None))
                written = Counter(match[2] for s in statements if (match := WRITE.match(s)))
                each = {"hours_declarations": months, "audit_events": months}
                assert written == each | {"outbox_events": months}, written
        assert reads[0] == reads[1], reads


class TestUnreadableFiles:
    async def test_a_workbook_random_bytes_or_an_empty_file_say_why(self, client, auth, world):
        headers = auth(world.employer)
        cases = {
            bytes(range(256)) * 8: "import_not_text",
            b"PK\x03\x04\x14\x00\x06\x00" + b"xl/workbook.xml" * 20: "import_not_text",
            b"": "import_empty",
            b"\xef\xbb\xbf\n\n": "import_empty",
        }
        for content, code in cases.items():
            for apply in (False, True):
                response = await client.post(
                    f"{URL}/import",
                    params={"apply": "true"} if apply else None,
                    files={"file": ("heures.csv", content, "text/csv")},
                    headers=headers,
                )
                assert response.status_code == 422, (content[:10], response.text)
                [error] = response.json()["errors"]
                assert (error["field"], error["code"]) == ("file", code), error
        junk = await client.post(
            f"{URL}/import",
            files={"file": ("heures.xlsx", bytes(range(256)), "text/csv")},
            headers=headers | {"Accept-Language": "en"},
        )
        assert "not a CSV text file" in junk.json()["errors"][0]["message"]
        assert "“CSV UTF-8”" in junk.json()["errors"][0]["message"]
