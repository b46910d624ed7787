from __future__ import annotations


class TestTerritories:
    async def test_regions_and_departments_of_a_region(self, client):
        regions = (await client.get("/api/v1/territories/regions")).json()
        assert {
            "level": "region",
            "code": "24",
            "name": "Centre-Val de Loire",
            "department_code": None,
            "region_code": None,
        } in regions
        departments = (
            await client.get("/api/v1/territories/departments", params={"region": "24"})
        ).json()
        assert [d["code"] for d in departments] == ["18", "28", "36", "37", "41", "45"]

    async def test_communes_by_department_are_paginated(self, client):
        first = (
            await client.get(
                "/api/v1/territories/communes", params={"department": "37", "limit": 100}
            )
        ).json()
        assert len(first["items"]) == 100 and first["next_cursor"]
        second = (
            await client.get(
                "/api/v1/territories/communes",
                params={"department": "37", "limit": 100, "cursor": first["next_cursor"]},
            )
        ).json()
        codes = [c["code"] for c in first["items"] + second["items"]]
        assert codes == sorted(codes) and len(set(codes)) == len(codes)
        assert all(code.startswith("37") for code in codes)

    async def test_commune_search_by_postal_code_and_accentless_name(self, client):
        by_postal = (
            await client.get("/api/v1/territories/communes", params={"q": "37300"})
        ).json()["items"]
        assert "Joué-lès-Tours" in [c["name"] for c in by_postal]
        by_name = (
            await client.get("/api/v1/territories/communes", params={"q": "joue les"})
        ).json()["items"]
        assert by_name[0]["name"] == "Joué-lès-Tours"

    async def test_search_ranks_exact_names_first_across_levels(self, client):
        results = (await client.get("/api/v1/territories/search", params={"q": "tours"})).json()
        assert results[0] == {
            "level": "commune",
            "code": "37261",
            "name": "Tours",
            "department_code": "37",
            "region_code": "24",
        }
        assert (await client.get("/api/v1/territories/search", params={"q": "37"})).json()[0][
            "level"
        ] == "department"

    async def test_municipal_arrondissements_are_known(self, client):
        results = (await client.get("/api/v1/territories/search", params={"q": "75101"})).json()
        assert results[0]["name"] == "Paris 1er Arrondissement"
