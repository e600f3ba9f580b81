"""The printed resident sheet and family card view: what they print, on which paper, for whom,
and their place in the access trail."""

from __future__ import annotations

from conftest import pdf_pages, pdf_text

from core.localtime import local_today
from plugins.population.register.events import record_event

KK = "3527010101260001"


async def test_biodata_prints_the_residents_register_entry(kampung, books_village) -> None:
    village = await books_village()
    await village.family(KK)
    resident = await village.resident(1, name="Siti Aminah", kk_number=KK, phone="081234567890")
    client = await kampung.login("village_operator", village.village)

    response = await client.get(f"{village.village.url}/penduduk/{resident}/biodata.pdf")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    shown = " ".join(pdf_text(response.content))
    for words in (
        "BIODATA PENDUDUK",
        "NIK 3527015405900001",
        "Siti Aminah",
        "14-05-1990",
        "Perempuan",
        "Mengurus Rumah Tangga",
        KK,
        "Kepala Keluarga",
        "Abdullah",
        "Kepala Desa",
    ):
        assert words in shown, words


async def test_biodata_is_in_the_access_trail_and_the_audit_log(kampung, books_village) -> None:
    village = await books_village()
    resident = await village.resident(1)
    client = await kampung.login("village_head", village.village)

    await client.get(f"{village.village.url}/penduduk/{resident}/biodata.pdf")

    [entry] = await village.disclosures("population.biodata.pdf")
    assert f"|resident:{resident}|#3527015405900001|" in entry["subjects"]


async def test_biodata_of_another_village_is_not_found(kampung, books_village) -> None:
    ours = await books_village(0)
    theirs = await books_village(1)
    stranger = await theirs.resident(1)
    client = await kampung.login("village_operator", ours.village)

    response = await client.get(f"{ours.village.url}/penduduk/{stranger}/biodata.pdf")

    assert response.status_code == 404


async def test_a_paper_size_that_does_not_exist_is_refused_by_name(kampung, books_village) -> None:
    village = await books_village()
    resident = await village.resident(1)
    client = await kampung.login("village_operator", village.village)

    response = await client.get(
        f"{village.village.url}/penduduk/{resident}/biodata.pdf", params={"kertas": "legal"}
    )

    assert response.status_code == 422
    assert "Ukuran kertas harus A4 atau F4." in response.text


async def test_family_card_lists_living_members_in_the_kk_layout(kampung, books_village) -> None:
    village = await books_village()
    family = await village.family(KK)
    await village.resident(1, name="Pak Kepala", kk_number=KK, sex="1", nik="3527011405900001")
    await village.resident(2, name="Bu Istri", kk_number=KK, relationship="3")
    gone = await village.resident(3, name="Mbah Wafat", kk_number=KK, relationship="7")
    today = local_today()
    async with kampung.scope(village.village.code):
        await record_event(
            kampung.kernel, village.village.code, "t", gone, 2, today, today, {"cause": 1}
        )
    client = await kampung.login("village_operator", village.village)

    response = await client.get(
        f"{village.village.url}/keluarga/{family}/kk.pdf", params={"kertas": "F4"}
    )

    assert response.status_code == 200
    shown = " ".join(pdf_text(response.content))
    assert "KARTU KELUARGA" in shown and f"No. {KK}" in shown
    assert "Pak Kepala" in shown and "Bu Istri" in shown and "Mbah Wafat" not in shown
    assert "STATUS HUBUNGAN DALAM KELUARGA" in shown and "Istri" in shown
    box = [float(v) for v in pdf_pages(response.content)[0]["/MediaBox"]]
    assert box[2] > box[3], "the family card is printed landscape"
    [entry] = await village.disclosures("population.family_card.pdf")
    assert f"|family:{family}|#{KK}|" in entry["subjects"]
