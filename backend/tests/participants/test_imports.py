"""CSV import: dry run with a report per row, all-or-nothing apply, encodings and separators."""

from __future__ import annotations

GOOD = (
    "nom;prenoms;date_naissance;sexe;code_commune;qpv;courriel\n"
    "Lefèvre;Zoé;03/05/1998;F;37261;oui;zoe@example.org\n"
    "Mbappé;Kylian;1999-12-20;H;37122;non;\n"
)


async def upload(client, auth, user, content: bytes, apply=False, structure=None, headers=None):
    data = {"structure_id": str(structure.id)} if structure else {}
    return await client.post(
        "/api/v1/participants/import",
        params={"apply": "true"} if apply else {},
        files={"file": ("participants.csv", content, "text/csv")},
        data=data,
        headers=auth(user) | (headers or {}),
    )


async def portfolio(client, auth, user) -> list[str]:
    listing = await client.get("/api/v1/participants", headers=auth(user))
    return [p["last_name"] for p in listing.json()["items"]]


class TestImport:
    async def test_dry_run_writes_nothing_then_apply_creates_all(self, client, auth, network):
        dry = await upload(client, auth, network.nadia, GOOD.encode())
        assert dry.status_code == 200, dry.text
        assert dry.json() | {"errors": []} == {
            "rows": 2,
            "valid": 2,
            "created": 0,
            "applied": False,
            "file_errors": [],
            "errors": [],
        }
        assert await portfolio(client, auth, network.nadia) == []
        applied = await upload(
            client, auth, network.nadia, GOOD.encode(), apply=True, structure=network.structure
        )
        assert applied.status_code == 200, applied.text
        assert applied.json()["created"] == 2
        assert await portfolio(client, auth, network.nadia) == ["Lefèvre", "Mbappé"]
        facilitator_view = await portfolio(client, auth, network.facilitator)
        assert facilitator_view == ["Lefèvre", "Mbappé"]

    async def test_windows_1252_with_commas(self, client, auth, network):
        content = GOOD.replace(";", ",").encode("cp1252")
        response = await upload(client, auth, network.nadia, content, apply=True)
        assert response.status_code == 200, response.text
        assert await portfolio(client, auth, network.nadia) == ["Lefèvre", "Mbappé"]

    async def test_each_bad_row_is_reported_and_nothing_is_half_imported(
        self, client, auth, network
    ):
        content = (
            GOOD
            + "Durand;Paul;31/02/1990;H;37261;non;\n"
            + "Petit;Jeanne;01/01/1985;F;99999;oui;\n"
            + "lefevre;zoe;1998-05-03;F;37261;oui;\n"
        ).encode()
        dry = await upload(client, auth, network.nadia, content)
        report = dry.json()
        assert (report["rows"], report["valid"]) == (5, 2)
        by_line = {row["line"]: row["errors"][0] for row in report["errors"]}
        assert by_line[4]["field"] == "birth_date"
        assert (by_line[5]["field"], by_line[5]["code"]) == ("commune_code", "insee_code_invalid")
        assert by_line[6]["code"] == "import_duplicate_row" and "2" in by_line[6]["message"]
        applied = await upload(client, auth, network.nadia, content, apply=True)
        assert applied.status_code == 422
        assert applied.json()["code"] == "import_rejected"
        assert len(applied.json()["report"]["errors"]) == 3
        assert await portfolio(client, auth, network.nadia) == []

    async def test_an_unreadable_qpv_says_what_to_write(self, client, auth, network):
        content = (GOOD + "Durand;Paul;03/05/1990;H;37261;peut-être;\n").encode()
        [row] = (await upload(client, auth, network.nadia, content)).json()["errors"]
        assert row["errors"][0]["field"] == "qpv"
        assert row["errors"][0]["message"].endswith("écrivez oui ou non (ou 1 / 0).")

    async def test_missing_and_unknown_columns(self, client, auth, network):
        response = await upload(
            client, auth, network.nadia, b"nom;prenoms;nir\nA;B;1850575123456\n"
        )
        assert response.status_code == 200
        errors = response.json()["file_errors"]
        assert any("nir" in e for e in errors)
        assert any("date_naissance" in e for e in errors)  # named as a French file names it

    async def test_english_messages(self, client, auth, network):
        content = b"last_name,first_names,birth_date,gender\nDoe,Jane,2090-01-01,female\n"
        response = await client.post(
            "/api/v1/participants/import",
            files={"file": ("p.csv", content, "text/csv")},
            headers=auth(network.nadia) | {"Accept-Language": "en"},
        )
        [row] = response.json()["errors"]
        assert row["errors"][0]["message"] == (
            "« birth_date » (2090-01-01) : The birth date cannot be in the future."
        )


class TestMalformedFiles:
    """Whatever the file holds, the answer is a report, never a server error."""

    async def test_line_ends_of_every_kind(self, client, auth, network):
        for ending in ("\r", "\r\n", "\n"):
            content = GOOD.replace("\n", ending).encode()
            response = await upload(client, auth, network.nadia, content)
            assert response.status_code == 200, (repr(ending), response.text)
            assert (response.json()["rows"], response.json()["valid"]) == (2, 2), repr(ending)

    async def test_a_line_reported_by_its_number_in_the_file(self, client, auth, network):
        content = GOOD.replace("\n", "\r").replace("37122", "99999").encode()
        [row] = (await upload(client, auth, network.nadia, content)).json()["errors"]
        assert row["line"] == 3

    async def test_binary_or_empty_files_are_refused_saying_why(self, client, auth, network):
        cases = {
            b"\x00\x01\x02\xff\xfe" * 100: "import_not_text",
            b"PK\x03\x04" + b"workbook" * 50: "import_not_text",
            bytes(range(256)) * 4: "import_not_text",
            b"": "import_empty",
            b"\xef\xbb\xbf\r\r\r": "import_empty",
        }
        for content, code in cases.items():
            for language, words in (("fr", "« CSV UTF-8 »"), ("en", "“CSV UTF-8”")):
                response = await upload(
                    client, auth, network.nadia, content, headers={"Accept-Language": language}
                )
                assert response.status_code == 422, (content[:20], response.text)
                [error] = response.json()["errors"]
                assert (error["field"], error["code"]) == ("file", code), error
                if code == "import_not_text":
                    assert words in error["message"], error

    async def test_broken_files_get_a_report(self, client, auth, network):
        cases = [
            b'nom;prenoms;date_naissance;sexe\n"Martin;L\xc3\xa9a;01/01/1990;F\n',
            b"nom;prenoms;date_naissance;sexe\n" + b"x;" * 5000 + b"\n",
        ]
        for content in cases:
            response = await upload(client, auth, network.nadia, content)
            assert response.status_code == 200, (content[:20], response.text)
            report = response.json()
            assert report["file_errors"] or report["errors"] or report["rows"] == 0

    async def test_control_characters_in_a_cell_are_a_row_error(self, client, auth, network):
        content = GOOD.replace("Zoé", "Zo\x00é").replace("Kylian", "Ky\x1blian").encode()
        report = (await upload(client, auth, network.nadia, content)).json()
        assert {(row["line"], row["errors"][0]["code"]) for row in report["errors"]} == {
            (2, "control_character"),
            (3, "control_character"),
        }


class TestReportInTheFilesTerms:
    async def test_every_error_of_every_row_named_as_the_file_names_it(self, client, auth, network):
        content = (
            b"nom;prenoms;date_naissance;sexe;code_commune\n"
            b"Durand;Paul;2030-01-01;H;99999\n"  # two rules of the API on one line
            b"Petit;Jeanne;31/02/1990;X;37261\n"  # a day not in the calendar, an unknown sex
            b"Roux;Anne;le 3 mai;F;Tours\n"  # no date at all, a commune by its name
        )
        report = (await upload(client, auth, network.nadia, content)).json()
        by_line = {row["line"]: row["errors"] for row in report["errors"]}
        assert {(e["column"], e["code"]) for e in by_line[2]} == {
            ("date_naissance", "birth_date_future"),
            ("code_commune", "insee_code_invalid"),
        }
        assert {(e["column"], e["code"], e["value"]) for e in by_line[3]} == {
            ("date_naissance", "import_date_not_in_calendar", "31/02/1990"),
            ("sexe", "import_gender_unknown", "X"),
        }
        assert {(e["column"], e["code"]) for e in by_line[4]} == {
            ("date_naissance", "import_date_unreadable"),
            ("code_commune", "field_invalid"),
        }
        messages = " ".join(e["message"] for row in by_line.values() for e in row)
        assert "« sexe » (X)" in messages and "JJ/MM/AAAA" in messages
        assert "n'existe pas dans le calendrier" in messages
        assert "« code_commune » (Tours) : Le code INSEE de la commune est attendu" in messages
        for internal in ("birth_date", "'female'", "gender", "commune_code"):
            assert internal not in messages, internal

    async def test_missing_columns_are_named_as_a_file_would_name_them(self, client, auth, network):
        report = (await upload(client, auth, network.nadia, b"nom;prenoms\nA;B\n")).json()
        [problem] = report["file_errors"]
        assert "date_naissance" in problem and "sexe" in problem and "birth_date" not in problem
