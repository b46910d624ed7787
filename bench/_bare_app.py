"""The yardstick of bench/request_cost.py: a bare Starlette + asyncpg endpoint reading the
same participant row as Levier's detail read, with no authentication, scope or ORM."""

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


app = Starlette(routes=[Route("/participants/{id}", participant)], lifespan=lifespan)
