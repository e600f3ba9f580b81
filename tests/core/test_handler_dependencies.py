"""Handlers declare `tenant`, `principal` and `kernel` by name and get them from the core."""

from __future__ import annotations

import pytest
from litestar import get
from plugin_samples import GREETING, greeter, plugin

from core.auth.principal import Principal
from core.kernel import Kernel
from core.tenancy.context import Tenant
from core.web.guards import public, requires


@get("/siapa", guards=[requires(GREETING)], include_in_schema=False)
async def who(tenant: Tenant, principal: Principal, kernel: Kernel) -> dict[str, str]:
    return {
        "village": tenant.code,
        "user": principal.username,
        "regency": kernel.settings.regency_code,
    }


@get("/terbuka-untuk-staf", guards=[public], include_in_schema=False)
async def staff_only_by_dependency(principal: Principal) -> str:
    return principal.username


@pytest.fixture
def kampung_extra_plugins():
    asker = plugin(
        "asker",
        requires_=("greeter",),
        kampung_village_routes=lambda: [who],
        kampung_public_routes=lambda: [staff_only_by_dependency],
    )
    return [greeter(), asker]


async def test_a_handler_gets_the_tenant_the_principal_and_the_kernel(kampung) -> None:
    village = await kampung.village(0)
    username = await kampung.user("village_operator", village.code)
    client = await kampung.login_as(username)
    answer = await client.get(village.url + "/siapa")
    assert answer.status_code == 200
    assert answer.json() == {"village": village.code, "user": username, "regency": "35.27"}


async def test_a_principal_dependency_sends_a_visitor_to_sign_in(kampung) -> None:
    answer = await kampung.client().get("/terbuka-untuk-staf")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/masuk")
