"""A request's page speaks in words and local time: names for accounts, "Warga (pemohon)" for the
citizen, field labels for what a step carried, "3 dari 4" for a rating, never UTC or codes."""

from __future__ import annotations

from datetime import UTC, datetime

from core.localtime import local_clock
from plugins.population.services.queries import load_request
from plugins.population.services.requests import take_action
from plugins.population.tables import ServiceRequest, ServiceStep


async def test_history_shows_names_labels_and_ratings_not_codes(kampung, counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "h-1")
    await counter.walk(request_id, "lengkap", "teruskan", "terima", "selesai", "serahkan")
    async with kampung.scope(counter.village.code):
        row = await load_request(counter.village.code, request_id)
        await take_action(
            kampung.kernel, row, "nilai", {"nilai": "3"}, f"warga:{person['id']}", datetime.now(UTC)
        )
    page = await counter.operator.get(counter.url(request_id))
    text = page.text
    assert "Nomor dokumen: 3527-LT-0001" in text
    assert "Nilai: 3 dari 4" in text
    assert "Warga (pemohon)" in text
    assert "Village-Operator-" in text and "Regency-Officer-" in text
    assert "Dokumen asli dilihat: Kartu Keluarga (KK)" in text
    assert "<dt>Penilaian</dt><dd>3 dari 4</dd>" in text
    for code in ("warga:", "nomor_dokumen", "nilai: 3", "asli_dilihat:"):
        assert code not in text, code


async def test_times_on_the_request_page_are_local_never_utc(kampung, counter, people) -> None:
    person = await people.resident(counter.village)
    request_id = await counter.submit(person["nik"], "h-2")
    evening = datetime(2026, 1, 15, 12, 10, tzinfo=UTC)
    await counter.walk(request_id, "lengkap")
    async with kampung.scope(counter.village.code):
        await ServiceRequest.update({ServiceRequest.submitted_at: evening}).where(
            ServiceRequest.id == request_id
        )
        step = await ServiceStep.select(ServiceStep.at).where(ServiceStep.request == request_id)
    page = await counter.operator.get(counter.url(request_id))
    assert f"<dd>{local_clock(evening)}</dd>" in page.text
    assert local_clock(step[0]["at"]) in page.text
    assert "15-01-2026 12:10" not in page.text
    assert step[0]["at"].astimezone(UTC).strftime("%d-%m-%Y %H:%M ·") not in page.text


async def test_kind_details_are_shown_as_words_and_local_dates(counter, people) -> None:
    mother = await people.resident(counter.village, "IBU")
    request_id = await counter.submit(
        mother["nik"],
        "h-3",
        "akta_kelahiran",
        nama_anak="Bayi Mungil",
        jenis_kelamin_anak="2",
        tanggal_lahir_anak="2026-01-02",
    )
    page = await counter.operator.get(counter.url(request_id))
    assert "<dt>Jenis kelamin anak</dt><dd>Perempuan</dd>" in page.text
    assert "<dt>Tanggal lahir anak</dt><dd>02-01-2026</dd>" in page.text
    assert "2026-01-02" not in page.text
