"""On SQLite a page view that must write (its disclosure, the session) after another process
committed is refused at once ("database is locked"); the request context runs it once more,
holding the write lock from the start, instead of answering 500."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from core.web import transaction


@pytest.fixture
def locked_once(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Arms `record_request` to refuse like SQLite does, once; the paths it was called for."""
    real = transaction.record_request

    def arm() -> list[str]:
        calls: list[str] = []

        async def refusing(scope, status):  # type: ignore[no-untyped-def]
            calls.append(scope["path"])
            if len(calls) == 1:
                raise sqlite3.OperationalError("database is locked")
            await real(scope, status)

        monkeypatch.setattr(transaction, "record_request", refusing)
        return calls

    return arm


async def test_a_read_refused_by_the_lock_is_run_again(kampung, locked_once) -> None:
    if kampung.kernel.engine.engine_type != "sqlite":
        pytest.skip("PostgreSQL has no lock upgrade to refuse")
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    calls = locked_once()

    page = await operator.get(village.url)

    assert page.status_code == 200
    assert calls == [village.url, village.url]


async def test_a_write_is_not_run_twice(kampung, locked_once) -> None:
    if kampung.kernel.engine.engine_type != "sqlite":
        pytest.skip("PostgreSQL has no lock upgrade to refuse")
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    calls = locked_once()

    sent = await operator.post("/-/lang", data={"lang": "en"})

    assert sent.status_code >= 500
    assert calls == ["/-/lang"]
