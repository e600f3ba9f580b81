"""Issuing letters: numbers per type and year, concurrent signatures, real PDF signatures, and a
failed signing that leaves nothing behind."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from core.signing import LocalSigner, verify_pdf
from core.tenancy.tables import Village
from plugins.population.letters import service, store
from plugins.population.letters.numbering import roman_month
from plugins.population.tables import LetterCounter

NIK = "3527014506900001"


def _today() -> datetime:
    return datetime.now(UTC).astimezone(ZoneInfo("Asia/Jakarta"))


async def _checked_letter(kampung, village, draft, act, operator, secretary, kind="domisili"):
    fields = {"keperluan": "x"} if kind != "tidak_mampu" else {"keperluan": "beasiswa"}
    letter_id = (await draft(operator, village, NIK, kind=kind, fields=fields)).json()["id"]
    assert (await act(secretary, village, letter_id, "periksa")).status_code == 200
    return letter_id


async def test_numbers_follow_the_village_pattern_and_count_per_type_and_year(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    today = _today()
    async with kampung.scope(village.code):
        await LetterCounter.insert(
            LetterCounter(
                village_code=village.code, kind="domisili", year=today.year - 1, last_number=41
            )
        )
    numbers = []
    for kind in ("domisili", "domisili", "tidak_mampu"):
        letter_id = await _checked_letter(kampung, village, draft, act, operator, secretary, kind)
        signed = await act(head, village, letter_id, "tandatangani")
        assert signed.status_code == 200
        numbers.append(signed.json()["number"])
    suffix = f"/{village.code[-4:]}/{roman_month(today.month)}/{today.year}"
    assert numbers == [f"470/001{suffix}", f"470/002{suffix}", f"401/001{suffix}"]

    async with kampung.scope(village.code):
        await Village.update(
            {Village.settings: {"letter_number_pattern": "[nomor]/[kode_surat]/DS/[tahun]"}}
        ).where(Village.code == village.code)
    letter_id = await _checked_letter(kampung, village, draft, act, operator, secretary)
    signed = await act(head, village, letter_id, "tandatangani")
    assert signed.json()["number"] == f"003/470/DS/{today.year}"


async def test_concurrent_signatures_get_distinct_consecutive_numbers(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    letters = [
        await _checked_letter(kampung, village, draft, act, operator, secretary) for _ in range(5)
    ]
    heads = [await kampung.login("village_head", village) for _ in letters]

    responses = await asyncio.gather(
        *(
            act(head, village, letter_id, "tandatangani")
            for head, letter_id in zip(heads, letters, strict=True)
        )
    )

    assert [r.status_code for r in responses] == [200] * 5
    sequence = sorted(int(r.json()["number"].split("/")[1]) for r in responses)
    assert sequence == [1, 2, 3, 4, 5]
    files = list(store.letters_dir(kampung.settings.data_path, village.code).glob("*.pdf"))
    assert len(files) == 5


async def test_signed_pdf_carries_a_signature_that_verifies_against_the_instance_authority(
    kampung, add_resident, draft, act
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = await _checked_letter(kampung, village, draft, act, operator, secretary)
    assert (await operator.get(f"{village.url}/surat/{letter_id}/pdf")).status_code == 404
    signed = (await act(head, village, letter_id, "tandatangani")).json()

    download = await operator.get(f"{village.url}/surat/{letter_id}/pdf")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment;")
    root = LocalSigner(kampung.settings.data_path / "signing").trust_root()
    report = await verify_pdf(download.content, [root])
    assert report.genuine
    assert report.signed_hash == signed["pdf_sha256"]
    assert report.signer_name == signed["signed_by"].title()
    assert download.content.count(b"Domisili") > 0
    tampered = download.content.replace(b"Domisili", b"Domisilx")
    assert not (await verify_pdf(tampered, [root])).genuine


async def test_failed_storage_consumes_no_number_and_leaves_no_file(
    kampung, add_resident, draft, act, monkeypatch
):
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = await _checked_letter(kampung, village, draft, act, operator, secretary)

    def disk_full(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", disk_full)
    failed = await act(head, village, letter_id, "tandatangani")
    assert failed.status_code == 500
    assert "nomornya tidak terpakai" in failed.json()["detail"]
    letter = (await operator.get(f"{village.api}/surat/{letter_id}")).json()
    assert (letter["status"], letter["number"], letter["pdf_sha256"]) == ("diperiksa", "", "")
    assert len(letter["steps"]) == 1
    directory = store.letters_dir(kampung.settings.data_path, village.code)
    assert list(directory.iterdir()) == []

    monkeypatch.undo()
    signed = await act(head, village, letter_id, "tandatangani")
    assert signed.json()["number"].split("/")[1] == "001"


async def test_a_pdf_stored_for_a_signature_that_is_not_recorded_is_removed(
    kampung, add_resident, draft, act, monkeypatch
):
    """The PDF is written before the signature step is recorded; if recording fails, the
    transaction rolls back and takes the file with it."""
    village = await kampung.village()
    await add_resident(village, NIK)
    operator = await kampung.login("village_operator", village)
    secretary = await kampung.login("village_secretary", village)
    head = await kampung.login("village_head", village)
    letter_id = await _checked_letter(kampung, village, draft, act, operator, secretary)

    async def audit_down(*_: object, **__: object) -> None:
        raise RuntimeError("audit chain unavailable")

    monkeypatch.setattr(service, "_record_step", audit_down)
    failed = await act(head, village, letter_id, "tandatangani")
    assert failed.status_code == 500
    directory = store.letters_dir(kampung.settings.data_path, village.code)
    assert list(directory.glob("*.pdf")) == []
    letter = (await operator.get(f"{village.api}/surat/{letter_id}")).json()
    assert (letter["status"], letter["number"]) == ("diperiksa", "")
