"""The database server ending a connection in the middle of a request, as it does when it shuts
down: the client is not told "saved" but 503 with Retry-After (never a bare 500), and the pool
heals by itself.

bench/faults.py stops a real server under load; this is the fast, single-request version of it.
"""

from __future__ import annotations

import pytest
from litestar import get
from plugin_samples import plugin

from core.kernel import Kernel
from core.testing.databases import backend
from core.web.guards import public

pytestmark = pytest.mark.skipif(
    backend() != "postgresql", reason="only a PostgreSQL server ends a connection"
)


@get("/putus", guards=[public], include_in_schema=False)
async def cut_off(kernel: Kernel) -> str:
    """Ends this request's connection from another one and answers as if all went well, so the
    failure comes at COMMIT, after the handler's answer is already written and held back."""
    backend_pid = (await kernel.engine.run_ddl("SELECT pg_backend_pid() AS pid"))[0]["pid"]
    async with kernel.engine.pool.acquire() as other:
        await other.execute("SELECT pg_terminate_backend($1, 5000)", backend_pid)
    return "tersimpan"


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ()


@pytest.fixture
def kampung_extra_plugins():
    return [plugin("cutter", kampung_public_routes=lambda: [cut_off])]


async def test_connection_ended_before_commit_answers_503_and_the_pool_heals(kampung) -> None:
    client = kampung.client(headers={"accept": "application/json"})
    for _ in range(12):  # more than the pool's 10 connections: each one comes back
        response = await client.get("/putus")
        assert response.status_code == 503
        assert response.headers["retry-after"]
        assert response.json()["detail"].startswith("Basis data sedang tidak dapat dihubungi")
    assert (await client.get("/masuk")).status_code == 200
