"""People read a letter type's title and a status's label, never the stored code."""

from __future__ import annotations

NIK = "3527014506900001"
USAHA = {
    "keperluan": "pinjaman modal",
    "usaha.nama": "Warung Berkah",
    "usaha.jenis": "Toko kelontong",
    "usaha.alamat": "Jalan Raya Desa",
    "usaha.sejak": "2019",
}


async def test_the_api_and_the_list_show_the_type_title_and_status_label(
    kampung, add_resident, draft
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    letter_id = (await draft(operator, village, NIK, kind="usaha", fields=USAHA)).json()["id"]

    item = (await operator.get(f"{village.api}/surat")).json()["items"][0]
    assert (item["kind"], item["kind_title"]) == ("usaha", "Surat Keterangan Usaha")
    assert item["status_label"] == "Draf"
    detail = (await operator.get(f"{village.api}/surat/{letter_id}")).json()
    assert detail["kind_title"] == "Surat Keterangan Usaha"

    page = await operator.get(f"{village.url}/surat")
    assert "Surat Keterangan Usaha" in page.text
    assert ">usaha<" not in page.text
