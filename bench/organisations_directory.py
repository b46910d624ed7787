"""Benchmark: the organisation directory at national scale (PostgreSQL).

Loads N organisations into a throwaway database, then times through the real API
(ASGI, services, SQL) the first page, a page deep in the list (keyset cursor), a
contains-search (trigram index) and, for comparison, the same deep page by OFFSET.
Run: `make bench` (needs LEVIER_TEST_POSTGRES_URL, defaults to the local server).
"""

from __future__ import annotations

import os
import sys
import tracemalloc
import uuid
from pathlib import Path

import httpx
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import deep_cursor, on_throwaway_database, report, signed_in, timed
from levier.core.config import Settings
from levier.core.db import create_engine
from levier.main import create_app

ROWS = int(os.environ.get("BENCH_ROWS", "200000"))


async def load(url: str) -> uuid.UUID:
    """N organisations with varied names, one admin; returns the admin's id."""
    engine = create_engine(url)
    admin_id = uuid.uuid4()
    async with engine.begin() as connection:
        await connection.execute(
            text(
                """
                INSERT INTO organisations (id, created_at, updated_at, version, name, search_name,
                                           kind, siret, active)
                SELECT md5(i::text)::uuid, now(), now(), 1,
                       'Organisation ' || md5(i::text), 'organisation ' || md5(i::text),
                       (ARRAY['buyer','enterprise','prescriber','network'])[1 + i % 4],
                       NULL, i % 10 <> 0
                FROM generate_series(1, :rows) AS i
                """
            ),
            {"rows": ROWS},
        )
        await connection.execute(
            text(
                """
                INSERT INTO organisations (id, created_at, updated_at, version, name, search_name,
                                           kind, active)
                VALUES (:id, now(), now(), 1, 'Bench structure', 'bench structure',
                        'facilitation_structure', true)
                """
            ),
            {"id": uuid.uuid4()},
        )
        structure = (
            await connection.execute(
                text("SELECT id FROM organisations WHERE name = 'Bench structure'")
            )
        ).scalar()
        await connection.execute(
            text(
                """
                INSERT INTO users (id, created_at, updated_at, version, email, full_name,
                                   search_name, role, organisation_id, active, language,
                                   token_version)
                VALUES (:id, now(), now(), 1, 'bench@example.org', 'Bench', 'bench', 'admin',
                        :org, true, 'fr', 1)
                """
            ),
            {"id": admin_id, "org": structure},
        )
        await connection.execute(text("ANALYZE"))
    await engine.dispose()
    return admin_id


async def run(url: str) -> None:
    admin_id = await load(url)
    settings = Settings(database_url=url, frontend_dist=Path("/nonexistent"))
    app = create_app(settings)
    engine = app.state.engine
    headers = await signed_in(engine, settings, admin_id)
    cursor = await deep_cursor(engine, "organisations", 0.75, ROWS)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://bench"
    ) as client:

        async def first_page():
            r = await client.get("/api/v1/organisations?limit=50", headers=headers)
            assert r.status_code == 200 and len(r.json()["items"]) == 50

        async def deep_page():
            r = await client.get(
                "/api/v1/organisations",
                params={"limit": 50, "cursor": cursor},
                headers=headers,
            )
            assert r.status_code == 200 and len(r.json()["items"]) == 50

        async def search():
            r = await client.get(
                "/api/v1/organisations",
                params={"q": "abc1", "limit": 50},
                headers=headers,
            )
            assert r.status_code == 200

        async def offset_sql():
            async with engine.connect() as connection:
                await connection.execute(
                    text(
                        "SELECT * FROM organisations ORDER BY search_name, id OFFSET :n LIMIT 50"
                    ),
                    {"n": int(ROWS * 0.75)},
                )

        await first_page()  # warm-up
        results = {
            "first page (API, limit 50)": await timed(first_page),
            "page at 75 % depth (API, keyset cursor)": await timed(deep_page),
            "contains-search 'abc1' (API, trigram index)": await timed(search),
            "page at 75 % depth (raw SQL, OFFSET, for comparison)": await timed(
                offset_sql
            ),
        }
        tracemalloc.start()
        await deep_page()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    await engine.dispose()
    report(f"organisations: {ROWS:,} rows", results)
    print(f"  peak Python memory for one deep page: {peak / 1024:.0f} KiB")


def main() -> None:
    on_throwaway_database(run)


if __name__ == "__main__":
    main()
