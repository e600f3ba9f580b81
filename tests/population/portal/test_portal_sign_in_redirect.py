from __future__ import annotations


async def test_signed_out_visitor_of_citizen_pages_is_sent_to_the_citizen_sign_in(kampung) -> None:
    village = await kampung.village()
    response = await kampung.client().get(village.url + "/warga")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/warga/masuk")


async def test_signed_out_visitor_of_staff_pages_is_sent_to_the_staff_sign_in(kampung) -> None:
    village = await kampung.village()
    response = await kampung.client().get(village.url + "/penduduk")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/masuk")
