"""The yardsticks of bench/request_cost.py: bare Starlette + asyncpg endpoints with no
authentication, scope or ORM. One reads the same participant row as Levier's detail read;
the other runs the very statements of a portfolio page (the principal and the page, in one
transaction, given by request_cost.py) and answers their rows as JSON, so that the list is
also compared with the same work behind the same HTTP floor."""

from __future__ import annotations

import os
import uuid
from contextlib import asynccontextmanager

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DSN = os.environ["BENCH_DSN"]


@asynccontextmanager
async def lifespan(app: Starlette):
    app.state.pool = await asyncpg.create_pool(DSN, min_size=4, max_size=10)
    yield
    await app.state.pool.close()


async def participant(request: Request) -> JSONResponse:
    row = await request.app.state.pool.fetchrow(
        "SELECT * FROM participants WHERE id = $1", uuid.UUID(request.path_params["id"])
    )
    return JSONResponse({key: str(value) for key, value in dict(row).items()})


async def page(request: Request) -> JSONResponse:
    referent = uuid.UUID(request.query_params["referent"])
    session = uuid.UUID(request.query_params["session"])
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.fetchrow(os.environ["BENCH_PRINCIPAL_SQL"], referent, session)
        rows = await connection.fetch(os.environ["BENCH_PAGE_SQL"], referent)
    items = [{str(index): str(value) for index, value in enumerate(row)} for row in rows[:50]]
    return JSONResponse({"items": items, "next_page": None})


app = Starlette(
    routes=[Route("/participants/{id}", participant), Route("/participants", page)],
    lifespan=lifespan,
)
