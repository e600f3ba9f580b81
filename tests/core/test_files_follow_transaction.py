"""Files stored beside a transaction's rows go when the transaction does not commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from litestar import Response, post
from plugin_samples import plugin

from core.db import remove_on_rollback, tenant_transaction
from core.kernel import Kernel
from core.testing.harness import csrf_ready
from core.web.guards import public


class Refused(Exception):
    pass


@post("/unggah/{outcome:str}", guards=[public], include_in_schema=False)
async def upload(kernel: Kernel, outcome: str) -> Response[str]:
    """Stores a file, then answers 201 (committed) or 422 (the request's changes are undone)."""
    stored = _stored(kernel)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"%PDF")
    remove_on_rollback(stored)
    return Response("", status_code=201 if outcome == "simpan" else 422)


def _stored(kernel: Kernel) -> Path:
    return kernel.settings.data_path / "upload.pdf"


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ()


@pytest.fixture
def kampung_extra_plugins():
    return [plugin("uploader", kampung_public_routes=lambda: [upload])]


@pytest.mark.parametrize(
    ("outcome", "status", "kept"), [("simpan", 201, True), ("tolak", 422, False)]
)
async def test_a_request_that_fails_takes_its_files_with_it(kampung, outcome, status, kept) -> None:
    client = kampung.client()
    await csrf_ready(client)
    answer = await client.post(f"/unggah/{outcome}")
    assert answer.status_code == status
    assert _stored(kampung.kernel).exists() is kept


async def test_a_file_of_a_rolled_back_transaction_is_removed(kampung, tmp_path) -> None:
    stored = tmp_path / "upload.pdf"
    with pytest.raises(Refused):
        async with tenant_transaction(kampung.kernel.engine, kampung.settings.regency_code):
            stored.write_bytes(b"%PDF")
            remove_on_rollback(stored)
            raise Refused
    assert not stored.exists()


async def test_a_file_of_a_committed_transaction_stays(kampung, tmp_path) -> None:
    stored = tmp_path / "upload.pdf"
    async with tenant_transaction(kampung.kernel.engine, kampung.settings.regency_code):
        stored.write_bytes(b"%PDF")
        remove_on_rollback(stored)
    assert stored.exists()


async def test_the_outermost_transaction_decides(kampung, tmp_path) -> None:
    """An inner block that fails inside a transaction that still commits keeps its file."""
    stored = tmp_path / "upload.pdf"
    engine, regency = kampung.kernel.engine, kampung.settings.regency_code
    async with tenant_transaction(engine, regency):
        with pytest.raises(Refused):
            async with tenant_transaction(engine, regency):
                stored.write_bytes(b"%PDF")
                remove_on_rollback(stored)
                raise Refused
    assert stored.exists()


def test_outside_a_transaction_nothing_is_removed(tmp_path) -> None:
    stored = tmp_path / "upload.pdf"
    stored.write_bytes(b"%PDF")
    remove_on_rollback(stored)
    assert stored.exists()
