from __future__ import annotations

import pytest

pytestmark = pytest.mark.parametrize("kampung_plugins", [()])


async def test_village_operator_sees_own_dashboard(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    response = await client.get(village.url + "/")
    assert response.status_code == 200, response.text
    assert village.name in response.text
