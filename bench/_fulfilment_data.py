"""The fulfilment benchmark's data set, generated in SQL: structures, buyers, operations,
enterprises, tenders and clause lots with their awards, participants, assignments and hours
(see fulfilment_scale.py for the sizes). Every id is md5-derived: each run builds the same."""

from __future__ import annotations

import hashlib
import time
import uuid

import asyncpg
from sqlalchemy.engine import make_url

STRUCTURES, BUYERS, OPERATIONS, ENTERPRISES = 250, 5_000, 5_000, 50_000
FRESH = 40  # assignments without hours, for the write path (one month each per call)


def md5_uuid(value: str) -> uuid.UUID:
    """As SQL's md5(value)::uuid."""
    return uuid.UUID(hashlib.md5(value.encode()).hexdigest())  # noqa: S324 - ids, not secrets


ORGANISATIONS = """
INSERT INTO organisations (id, created_at, updated_at, version, name, search_name, kind,
                           active, ess, enterprise_kind)
SELECT md5('s' || k)::uuid, now(), now(), 1, 'Structure ' || k, 'structure ' || k,
       'facilitation_structure', true, false, NULL FROM generate_series(0, :structures - 1) k
UNION ALL
SELECT md5('b' || k)::uuid, now(), now(), 1, 'Acheteur ' || k, 'acheteur ' || k, 'buyer',
       true, false, NULL FROM generate_series(0, :buyers - 1) k
UNION ALL
SELECT md5('e' || k)::uuid, now(), now(), 1, 'Entreprise ' || k, 'entreprise ' || k,
       'enterprise', true, false,
       coalesce((ARRAY['EI', 'ETTI', 'EA', 'ACI'])[1 + k % 40], 'ordinary')
FROM generate_series(0, :enterprises - 1) k
"""
USERS = """
INSERT INTO users (id, created_at, updated_at, version, email, full_name, search_name, role,
                   organisation_id, active, language, token_version)
SELECT md5('fac' || k)::uuid, now(), now(), 1, 'fac' || k || '@example.org', 'Facilitation ' || k,
       'facilitation ' || k, 'facilitator', md5('s' || k)::uuid, true, 'fr', 1
FROM generate_series(0, :structures - 1) k
UNION ALL
SELECT md5('ent' || k)::uuid, now(), now(), 1, 'ent' || k || '@example.org', 'Entreprise ' || k,
       'entreprise ' || k, 'enterprise', md5('e' || k)::uuid, true, 'fr', 1
FROM generate_series(0, 9) k
"""
OPERATIONS_SQL = """
INSERT INTO operations (id, created_at, updated_at, version, structure_id, name, search_name,
                        description, target_kind, target_value)
SELECT md5('o' || k)::uuid, now(), now(), 1, md5('s' || (k % :structures))::uuid,
       'Opération ' || k, 'operation ' || k, '', 'hours', 50000
FROM generate_series(0, :operations - 1) k
"""
# Tender t: structure t % S, buyer t % B (a buyer of that structure: S divides B), in
# operation t % O for half of them (t / O even), lots 4t … 4t + 3.
TENDERS = """
INSERT INTO tenders (id, created_at, updated_at, version, structure_id, buyer_id, operation_id,
                     reference, object, search_text, procedure, nature, ccag, price_form,
                     techniques, cpv_code, place_level, place_code, place_name, status)
SELECT md5('t' || t)::uuid, now(), now(), 1, md5('s' || (t % :structures))::uuid,
       md5('b' || (t % :buyers))::uuid,
       CASE WHEN (t / :operations) % 2 = 0 THEN md5('o' || (t % :operations))::uuid END,
       'M' || lpad(t::text, 8, '0'), 'Travaux ' || t, 'travaux ' || t, 'open', 'works', 'works',
       'unit', '[]', '45000000', 'department', '75', 'Paris', 'in_execution'
FROM generate_series(0, :lots / 4 - 1) t
"""
LOTS = """
INSERT INTO lots (id, created_at, updated_at, version, tender_id, number, title, trade, cpv_code,
                  estimated_amount, duration_months, calculation_method, labour_share,
                  computed_hours, hours_frozen)
SELECT md5('l' || i)::uuid, now(), now(), 1, md5('t' || (i / 4))::uuid, 1 + i % 4, 'Lot ' || i,
       'gros oeuvre', '45000000', 100000 + (i % 50) * 10000, 12 + i % 24, 'generic', 0.4,
       500 + i % 1500, false
FROM generate_series(0, :lots - 1) i
"""
AWARDS = """
INSERT INTO lot_awards (id, created_at, updated_at, version, lot_id, awarded_amount,
                        notification_date, consortium_type)
SELECT md5('aw' || i)::uuid, now(), now(), 1, md5('l' || i)::uuid, 100000 + (i % 50) * 10000,
       current_date - 180 - i % 700, 'none'
FROM generate_series(0, :lots - 1) i
"""
MEMBERS = """
INSERT INTO lot_award_members (award_id, enterprise_id, is_mandatary)
SELECT md5('aw' || i)::uuid, md5('e' || ((i::bigint * 7919) % :enterprises))::uuid, true
FROM generate_series(0, :lots - 1) i
"""
PARTICIPANTS = """
INSERT INTO participants (id, created_at, updated_at, version, organisation_id, referent_id,
                          structure_id, last_name, first_names, search_name, identity_key,
                          birth_date, gender, qpv, notes, restricted, last_activity_on)
SELECT md5('p' || i)::uuid, now(), now(), 1, md5('s' || (i % :structures))::uuid,
       md5('fac' || (i % :structures))::uuid, md5('s' || (i % :structures))::uuid,
       'Nom' || i, 'Prénom', 'nom' || i || ' prenom', 'nom' || i || '|prenom',
       date '1965-01-01' + (i % 14000), CASE WHEN i % 3 = 0 THEN 'female' ELSE 'male' END,
       i % 4 = 0, '', false, current_date
FROM generate_series(0, :lots - 1) i
"""
# Two assignments a lot (j = 2i, 2i + 1), its host the lot's awardee; the employer of record
# the awardee (direct hire), an ETTI (temporary work), an SIAE (subcontracting) or none
# (training); they start at the award's notification.
ASSIGNMENTS = """
INSERT INTO assignments (id, created_at, updated_at, version, structure_id, tender_id, lot_id,
                         participant_id, host_id, employer_id, mode, start_date, hours_per_week,
                         job_title, end_note)
SELECT md5('a' || (2 * i + k))::uuid, now(), now(), 1, md5('s' || ((i / 4) % :structures))::uuid,
       md5('t' || (i / 4))::uuid, md5('l' || i)::uuid,
       md5('p' || ((2 * i + k) * 7 % :lots))::uuid,
       md5('e' || ((i::bigint * 7919) % :enterprises))::uuid,
       CASE (2 * i + k) % 8
           WHEN 6 THEN md5('e' || (1 + 40 * ((i + k) % (:enterprises / 40))))::uuid
           WHEN 5 THEN md5('e' || (40 * ((i + k) % (:enterprises / 40))))::uuid
           WHEN 7 THEN NULL
           ELSE md5('e' || ((i::bigint * 7919) % :enterprises))::uuid END,
       CASE (2 * i + k) % 8 WHEN 6 THEN 'temporary_work' WHEN 5 THEN 'subcontracting'
           WHEN 7 THEN 'training' ELSE 'direct_hire' END,
       current_date - 180 - i % 700, 35, 'Maçon', ''
FROM generate_series(0, :lots - 1) i, generate_series(0, 1) k
"""
HOURS = """
INSERT INTO hours_declarations (id, created_at, updated_at, version, assignment_id, structure_id,
                                lot_id, employer_id, participant_id, month, hours, note, status,
                                declared_at, rejection_reason)
SELECT md5(a.id::text || m)::uuid, now(), now(), 1, a.id, a.structure_id, a.lot_id,
       coalesce(a.employer_id, a.host_id), a.participant_id,
       (date_trunc('month', a.start_date) + m * interval '1 month')::date,
       20 + (abs(hashtext(a.id::text)) + m * 13) % 140, '',
       CASE WHEN (abs(hashtext(a.id::text)) + m) % 10 < 7 THEN 'validated'
            WHEN (abs(hashtext(a.id::text)) + m) % 10 < 9 THEN 'declared'
            ELSE 'rejected' END,
       now(), ''
FROM assignments a, generate_series(0, 4) m
"""
# Assignments without hours for the write path, on lot 0 (structure 0, awardee e0).
FRESH_SQL = """
INSERT INTO assignments (id, created_at, updated_at, version, structure_id, tender_id, lot_id,
                         participant_id, host_id, employer_id, mode, start_date, hours_per_week,
                         job_title, end_note)
SELECT md5('fresh' || k)::uuid, now(), now(), 1, md5('s0')::uuid, md5('t0')::uuid,
       md5('l0')::uuid, md5('p' || k)::uuid, md5('e0')::uuid, md5('e0')::uuid, 'direct_hire',
       current_date - 1200, 35, 'Maçon', ''
FROM generate_series(0, :fresh - 1) k
"""
STEPS = [
    ("organisations and users", [ORGANISATIONS, USERS, OPERATIONS_SQL]),
    ("tenders, lots, awards", [TENDERS, LOTS, AWARDS, MEMBERS]),
    ("participants and assignments", [PARTICIPANTS, ASSIGNMENTS, FRESH_SQL]),
    ("hours declarations", [HOURS]),
]
BIG_TABLES = ("hours_declarations", "assignments", "participants", "lots", "lot_awards")


async def load(url: str, lots: int) -> None:
    """The data set, with the big tables' secondary indexes built after their rows and
    foreign-key triggers off while loading (the rows are consistent by construction)."""
    server = make_url(url)
    connection = await asyncpg.connect(
        host=server.host, port=server.port or 5432, user=server.username, database=server.database
    )
    try:
        await connection.execute("SET session_replication_role = replica")
        await connection.execute("SET maintenance_work_mem = '1GB'")
        indexes = await connection.fetch(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = ANY($1::text[])"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            list(BIG_TABLES),
        )
        for index in indexes:
            await connection.execute(f'DROP INDEX "{index["indexname"]}"')
        parameters = {
            "lots": lots,
            "structures": STRUCTURES,
            "buyers": BUYERS,
            "operations": OPERATIONS,
            "enterprises": ENTERPRISES,
            "fresh": FRESH,
        }
        for label, statements in STEPS:
            start = time.perf_counter()
            for statement in statements:
                sql = statement
                for name, value in parameters.items():
                    sql = sql.replace(f":{name}", str(value))
                await connection.execute(sql)
            print(f"  loaded {label} in {time.perf_counter() - start:.0f} s", flush=True)
        start = time.perf_counter()
        for index in indexes:
            await connection.execute(index["indexdef"])
        await connection.execute("VACUUM ANALYZE")
        print(f"  indexes and ANALYZE in {time.perf_counter() - start:.0f} s", flush=True)
    finally:
        await connection.close()
