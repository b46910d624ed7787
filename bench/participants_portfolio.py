"""Benchmark: participants' portfolios at national scale (PostgreSQL).

A PLIE coordinates 20 prescriber organisations with 200 referents; N participants (half
referred to one facilitation structure), about 1.5 pathways each (40 % open, exits in every
category) and eligibility validations for 60 %. Timed through the real API in-process:
the coordinator's portfolio (first page, deep keyset page, filters), one referent's portfolio,
the coordinator's dashboard (SQL aggregation) and the facilitator's eligibility queue.
Run: `make bench` (needs LEVIER_TEST_POSTGRES_URL, defaults to the local server).
"""

from __future__ import annotations

import hashlib
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
ORGS, REFERENTS = 20, 200

LOAD = [
    # The structure, the PLIE and the prescribers it coordinates.
    """INSERT INTO organisations (id, created_at, updated_at, version, name, search_name, kind,
                                  active, ess)
       VALUES (md5('structure')::uuid, now(), now(), 1, 'Structure', 'structure',
               'facilitation_structure', true, false),
              (md5('plie')::uuid, now(), now(), 1, 'PLIE', 'plie', 'facilitation_structure',
               true, false)""",
    """INSERT INTO organisations (id, created_at, updated_at, version, name, search_name, kind,
                                  active, ess, coordinator_id)
       SELECT md5('org' || k)::uuid, now(), now(), 1, 'Prescripteur ' || k, 'prescripteur ' || k,
              'prescriber', true, false, md5('plie')::uuid
       FROM generate_series(0, :orgs - 1) AS k""",
    """INSERT INTO users (id, created_at, updated_at, version, email, full_name, search_name, role,
                          organisation_id, active, language, token_version)
       SELECT md5('ref' || k)::uuid, now(), now(), 1, 'ref' || k || '@example.org',
              'Référent ' || k, 'referent ' || k, 'referent', md5('org' || (k % :orgs))::uuid,
              true, 'fr', 1
       FROM generate_series(0, :referents - 1) AS k""",
    """INSERT INTO users (id, created_at, updated_at, version, email, full_name, search_name, role,
                          organisation_id, active, language, token_version)
       VALUES (md5('coordinator')::uuid, now(), now(), 1, 'coord@example.org', 'Coordination',
               'coordination', 'referent', md5('plie')::uuid, true, 'fr', 1),
              (md5('facilitator')::uuid, now(), now(), 1, 'fac@example.org', 'Facilitation',
               'facilitation', 'facilitator', md5('structure')::uuid, true, 'fr', 1)""",
    """INSERT INTO participants (id, created_at, updated_at, version, organisation_id,
                                 referent_id, structure_id, last_name, first_names, search_name,
                                 identity_key, birth_date, gender, qpv, notes, restricted,
                                 last_activity_on)
       SELECT md5('p' || i)::uuid, now(), now(), 1, md5('org' || ((i % :referents) % :orgs))::uuid,
              md5('ref' || (i % :referents))::uuid,
              CASE WHEN i % 2 = 0 THEN md5('structure')::uuid END,
              'Nom' || md5(i::text), 'Prénom', 'nom' || md5(i::text) || ' prenom',
              'nom' || md5(i::text) || '|prenom', date '1970-01-01' + (i % 15000),
              CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, i % 3 = 0, '', false,
              current_date - (i % 700)
       FROM generate_series(1, :rows) AS i""",
    # One pathway each: 40 % open, the others exited in each category in turn…
    """INSERT INTO pathways (id, created_at, updated_at, version, participant_id, organisation_id,
                             referent_id, entry_date, objective_rome_codes, exit_date,
                             exit_situation, exit_category, exit_notes)
       SELECT md5('pw' || i)::uuid, now(), now(), 1, md5('p' || i)::uuid,
              md5('org' || ((i % :referents) % :orgs))::uuid, md5('ref' || (i % :referents))::uuid,
              current_date - 400, '[]',
              CASE WHEN i % 5 < 2 THEN NULL ELSE current_date - 30 END,
              CASE WHEN i % 5 < 2 THEN NULL ELSE 'other' END,
              CASE WHEN i % 5 < 2 THEN NULL ELSE (ARRAY['lasting_employment',
                   'transitional_employment', 'positive_exit', 'other_exit',
                   'neutralised'])[1 + i % 5] END, ''
       FROM generate_series(1, :rows) AS i""",
    # … and an earlier, exited one for half of them.
    """INSERT INTO pathways (id, created_at, updated_at, version, participant_id, organisation_id,
                             referent_id, entry_date, objective_rome_codes, exit_date,
                             exit_situation, exit_category, exit_notes)
       SELECT md5('old' || i)::uuid, now(), now(), 1, md5('p' || i)::uuid,
              md5('org' || ((i % :referents) % :orgs))::uuid, md5('ref' || (i % :referents))::uuid,
              current_date - 1500, '[]', current_date - 1000, 'no_news', 'other_exit', ''
       FROM generate_series(1, :rows, 2) AS i""",
    """INSERT INTO eligibility_validations (id, created_at, updated_at, version, participant_id,
                                            structure_id, criterion, validated_on, valid_until)
       SELECT md5('e' || i)::uuid, now(), now(), 1, md5('p' || i)::uuid, md5('structure')::uuid,
              (ARRAY['long_term_jobseeker', 'qpv_resident', 'senior_jobseeker'])[1 + i % 3],
              current_date - 100, current_date + 600
       FROM generate_series(1, :rows) AS i WHERE i % 5 < 3""",
]


async def load(url: str) -> None:
    engine = create_engine(url)
    parameters = {"rows": ROWS, "orgs": ORGS, "referents": REFERENTS}
    async with engine.begin() as connection:
        for statement in LOAD:
            await connection.execute(text(statement), parameters)
        await connection.execute(text("ANALYZE"))
    await engine.dispose()


async def run(url: str) -> None:
    await load(url)
    settings = Settings(database_url=url, frontend_dist=Path("/nonexistent"))
    app = create_app(settings)

    async def bearer(name: str) -> dict[str, str]:
        user_id = uuid.UUID(hashlib.md5(name.encode()).hexdigest())  # noqa: S324 - as SQL md5()::uuid
        return await signed_in(app.state.engine, settings, user_id)

    coordinator, referent, facilitator = (
        await bearer("coordinator"),
        await bearer("ref7"),
        await bearer("facilitator"),
    )
    cursor = await deep_cursor(app.state.engine, "participants", 0.75, ROWS)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://bench"
    ) as client:

        def get(path: str, headers: dict[str, str], **params: object):
            async def call() -> None:
                response = await client.get(path, params=params, headers=headers)
                assert response.status_code == 200, response.text

            return call

        deep_page = get("/api/v1/participants", coordinator, limit=50, cursor=cursor)
        await deep_page()  # warm-up
        results = {
            "coordinator: first page (limit 50)": await timed(
                get("/api/v1/participants", coordinator, limit=50)
            ),
            "coordinator: page at 75 % depth (keyset cursor)": await timed(deep_page),
            "coordinator: open pathways only": await timed(
                get("/api/v1/participants", coordinator, limit=50, pathway="open")
            ),
            "coordinator: exit category lasting_employment": await timed(
                get(
                    "/api/v1/participants",
                    coordinator,
                    limit=50,
                    exit_category="lasting_employment",
                )
            ),
            "referent: own portfolio (1 000 people)": await timed(
                get("/api/v1/participants", referent, limit=50)
            ),
            "coordinator: dashboard (/participants/stats)": await timed(
                get("/api/v1/participants/stats", coordinator)
            ),
            "facilitator: eligibility queue": await timed(
                get("/api/v1/participants/eligibility-queue", facilitator, limit=50)
            ),
        }
        tracemalloc.start()
        await deep_page()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    await app.state.engine.dispose()
    report(
        f"participants: {ROWS:,} people, {REFERENTS} referents in {ORGS} organisations",
        results,
    )
    print(f"  peak Python memory for one deep page: {peak / 1024:.0f} KiB")


def main() -> None:
    on_throwaway_database(run)


if __name__ == "__main__":
    main()
