"""Every link a page shows is one its viewer may open.

Browsing the demo as each of its roles (and as a citizen), every link followed from a page must
answer: a link to a 403 or a 404 is a dead button to the person holding the phone, like the
dashboard's "Modul aktif → Lihat semua" was to an operator before widget links were checked.
"""

from __future__ import annotations

import httpx
import pytest
from demo_browsing import build, citizen, crawl, staff

from core.testing.harness import Harness

PAGES_PER_USER = 60


@pytest.fixture
def kampung_plugins() -> None:
    return None


def refused(response: httpx.Response) -> bool:
    """A 403 or 404, an error, or a redirect to a sign-in page the viewer already passed."""
    signed_out = response.history and response.url.path in ("/masuk", "/warga/masuk")
    return response.status_code in (403, 404) or response.status_code >= 500 or bool(signed_out)


async def dead_links(client: httpx.AsyncClient, *start: str) -> list[str]:
    return [
        f"{visit.referrer} → {visit.path}: {visit.response.status_code} {visit.response.url.path}"
        async for visit in crawl(client, *start, pages=PAGES_PER_USER, downloads=True)
        if refused(visit.response)
    ]


async def test_no_role_of_the_demo_is_shown_a_link_it_may_not_open(kampung: Harness) -> None:
    demo = await build(kampung)
    problems: dict[str, list[str]] = {}
    for login in demo.logins:
        if login.secret:  # a citizen's PIN: the portal, below
            continue
        client = await staff(kampung, login.username)
        if found := await dead_links(client, login.home):
            problems[login.username] = found
    if found := await dead_links(await citizen(kampung, demo), demo.village_home + "/warga"):
        problems["citizen"] = found
    report = [f"{who}: {line}" for who, lines in problems.items() for line in lines]
    assert problems == {}, "\n".join(report)
