"""The icon browsers ask for by themselves: `/favicon.ico`, beside pages that name their icons."""

from __future__ import annotations

import pytest

from core.web.templating import DEFAULT_THEME

ICO_MAGIC = b"\x00\x00\x01\x00"
"""The first four bytes of every Windows icon file."""


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ()


async def test_favicon_ico_is_served_at_the_root_without_signing_in(kampung) -> None:
    answer = await kampung.client().get("/favicon.ico")
    assert answer.status_code == 200
    assert answer.content.startswith(ICO_MAGIC)
    assert answer.content == (DEFAULT_THEME.parent / "static" / "favicon.ico").read_bytes()
    assert answer.headers["content-type"].startswith(("image/vnd.microsoft.icon", "image/x-icon"))
    assert "max-age" in answer.headers["cache-control"]


async def test_favicon_ico_answers_a_head_request(kampung) -> None:
    answer = await kampung.client().head("/favicon.ico")
    assert answer.status_code == 200
    assert answer.content == b""
