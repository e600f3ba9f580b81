"""A running test instance: the app over HTTP, its kernel, and helpers for villages and users."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, cast

import httpx
from litestar import Litestar

from core.auth.accounts import create_account
from core.auth.csrf import CSRF_COOKIE
from core.config import Settings
from core.db.scope import tenant_transaction
from core.jobs import job_status, make_worker, store
from core.jobs.store import JobStatus
from core.kernel import Kernel
from core.tenancy.enablement import set_plugin
from core.tenancy.onboarding import onboard
from core.tenancy.tables import District, Village

TEST_PASSWORD = "kampung-test-password"
BASE_URL = "http://testserver.local"
_usernames = itertools.count(1)


@dataclass(frozen=True, slots=True)
class VillageRef:
    code: str
    slug: str
    name: str
    district_code: str

    @property
    def url(self) -> str:
        return f"/desa/{self.slug}"

    @property
    def api(self) -> str:
        return f"/api/v1/desa/{self.slug}"


class Harness:
    def __init__(self, app: Litestar, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.kernel: Kernel = app.state.kernel

    def client(self, **kwargs: Any) -> httpx.AsyncClient:
        """An anonymous browser; it keeps cookies like a real one.

        Once it sends the CSRF token as htmx does (see `csrf_ready`), it sends the new one after
        a sign-in replaced it, as a browser reads it from the page it is sent to next.
        """
        # Litestar types its ASGI call with TypedDict scopes and events, httpx with plain
        # mappings; both are the same protocol at runtime, so only the types disagree.
        app = cast(Any, self.app)
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE_URL, **kwargs
        )

        async def follow_new_csrf_token(response: httpx.Response) -> None:
            token = response.cookies.get(CSRF_COOKIE)
            if token and "x-csrf-token" in client.headers:
                client.headers["x-csrf-token"] = token

        client.event_hooks["response"].append(follow_new_csrf_token)
        return client

    @asynccontextmanager
    async def scope(self, code: str | None = None) -> AsyncIterator[None]:
        """A transaction that sees one scope's rows (the regency's by default)."""
        async with tenant_transaction(self.kernel.engine, code or self.settings.regency_code):
            yield

    async def village(
        self, index: int = 0, *, plugins: list[str] | None = None, onboarded: bool = True
    ) -> VillageRef:
        """The index-th village of the test regency, onboarded with plugins switched on."""
        row = (await Village.select().order_by(Village.code).offset(index).limit(1))[0]
        if onboarded:
            async with self.scope():
                await onboard(self.kernel, row["code"], actor="test")
            async with self.scope(row["code"]):
                for plugin in plugins if plugins is not None else self.kernel.registry.names:
                    if plugin != "core":
                        await set_plugin(self.kernel.registry, row["code"], plugin, True, "test")
        return VillageRef(row["code"], row["slug"], row["name"], row["district_code"])

    async def district_slug(self, code: str) -> str:
        row = await District.select(District.slug).where(District.code == code).first()
        assert row is not None, f"district {code} is not in the test regency"
        return row["slug"]

    async def user(self, role: str, scope: str, username: str | None = None) -> str:
        name = username or f"{role.replace('_', '-')}-{next(_usernames)}"
        async with self.scope():
            await create_account(name, name.title(), TEST_PASSWORD, [(role, scope)])
        return name

    async def login(self, role: str, scope: str | VillageRef | None = None) -> httpx.AsyncClient:
        """A browser signed in as a new user holding `role` in `scope`."""
        code = scope.code if isinstance(scope, VillageRef) else scope or self.settings.regency_code
        username = await self.user(role, code)
        return await self.login_as(username)

    async def run_jobs(self, name: str, timeout: float = 30) -> list[JobStatus]:
        """Run a worker, as `kampung worker` does, until every job named `name` queued so far has
        finished (done or failed); their statuses, oldest first."""
        engine = self.kernel.engine
        rows = await store.run(
            engine, f"SELECT id FROM {store.TABLE} WHERE name = {{}} ORDER BY id", name
        )
        ids = [int(row["id"]) for row in rows]
        worker = make_worker(self.kernel, 1)
        running = asyncio.create_task(worker.run())
        try:
            async with asyncio.timeout(timeout):
                while True:
                    found = [await job_status(self.kernel, job_id) for job_id in ids]
                    if all(status is not None and status.finished for status in found):
                        return [status for status in found if status is not None]
                    await asyncio.sleep(0.05)
        finally:
            worker.stop()
            await running

    async def login_as(self, username: str, password: str = TEST_PASSWORD) -> httpx.AsyncClient:
        client = self.client()
        response = await sign_in(client, username, password)
        if response.status_code != 303:
            raise AssertionError(
                f"sign-in of {username} failed: {response.status_code} {response.text[:300]}"
            )
        return client


async def csrf_ready(client: httpx.AsyncClient) -> str:
    """Fetch a page so the client holds a CSRF cookie, and send it as htmx does."""
    if CSRF_COOKIE not in client.cookies:
        await client.get("/masuk")
    token = client.cookies[CSRF_COOKIE]
    client.headers["x-csrf-token"] = token
    return token


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    await csrf_ready(client)
    return await client.post("/masuk", data={"username": username, "password": password})
