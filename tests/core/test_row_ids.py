"""An id in a path that no row can have is "not found", never a database error."""

from __future__ import annotations

import pytest
from litestar import get
from litestar.exceptions import NotFoundException
from plugin_samples import plugin

from core.auth.tables import User
from core.web.guards import ROW_ID_MAX, public


@get("/pengguna/{user_id:int}", guards=[public], include_in_schema=False)
async def user_name(user_id: int) -> str:
    row = await User.select(User.username).where(User.id == user_id).first()
    if row is None:
        raise NotFoundException()
    return str(row["username"])


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ()


@pytest.fixture
def kampung_extra_plugins():
    return [plugin("lookup", kampung_public_routes=lambda: [user_name])]


@pytest.mark.parametrize("row_id", [ROW_ID_MAX + 1, 2**63, 10**40, 0, -1])
async def test_an_id_out_of_the_columns_range_is_404(kampung, row_id: int) -> None:
    response = await kampung.client().get(f"/pengguna/{row_id}")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text


async def test_an_id_in_range_still_reaches_the_handler(kampung) -> None:
    name = await kampung.user("regency_admin", kampung.settings.regency_code)
    async with kampung.scope():
        row = await User.select(User.id).where(User.username == name).first()
    answer = await kampung.client().get(f"/pengguna/{row['id']}")
    assert answer.status_code == 200 and answer.text == name
    assert (await kampung.client().get(f"/pengguna/{ROW_ID_MAX}")).status_code == 404
