from __future__ import annotations

from sqlalchemy import func, select

from levier.organisations.models import Organisation
from tests.factories import make_user


class TestHarness:
    async def test_health_answers_through_the_real_stack(self, client):
        response = await client.get("/api/v1/health")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok"}

    async def test_monitors_may_probe_health_and_docs_with_head(self, client):
        for path in ("/api/v1/health", "/api/docs"):
            response = await client.head(path)
            assert response.status_code == 200, path
            assert response.content == b"", path

    async def test_each_test_starts_from_an_empty_database(self, session):
        await make_user(session)
        count = (await session.execute(select(func.count()).select_from(Organisation))).scalar()
        assert count == 1

    async def test_previous_test_data_was_rolled_back(self, session):
        count = (await session.execute(select(func.count()).select_from(Organisation))).scalar()
        assert count == 0
