"""The public recipient list: anyone can read it, NIKs masked and names shortened."""

from __future__ import annotations

import datetime as dt

from plugins.social_aid.transparency.listing import shorten
from tests.social_aid.register_desk import programme_with_recipients


def test_names_are_shortened_as_the_village_chose() -> None:
    assert shorten("SITI AMINAH PUTRI", "first") == "SITI A. P."
    assert shorten("SITI AMINAH PUTRI", "initials") == "S. A. P."


async def test_a_visitor_sees_the_approved_list_with_niks_masked(kampung, desk) -> None:
    programme_id, residents = await programme_with_recipients(
        kampung, desk, [("SITI AMINAH", dt.date(1950, 1, 1))]
    )
    visitor = kampung.client()
    empty = await visitor.get(f"{desk.village.url}/bantuan/publik")
    assert empty.status_code == 200 and "Belum ada daftar penerima" in empty.text
    operator = await kampung.login("aid_operator", desk.village)
    url = (
        await operator.post(
            f"{desk.village.url}/bantuan/siklus", data={"programme": str(programme_id)}
        )
    ).headers["location"]
    await operator.post(url + "/aksi", data={"action": "submit"})
    head = await kampung.login("village_head", desk.village)
    assert (await head.post(url + "/aksi", data={"action": "approve"})).status_code == 303
    page = await visitor.get(f"{desk.village.url}/bantuan/publik")
    nik = residents[0]["nik"]
    assert "SITI A." in page.text and "SITI AMINAH" not in page.text
    assert nik not in page.text and nik[:6] + "••••••" + nik[-4:] in page.text
