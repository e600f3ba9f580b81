"""The regency queue shows open work oldest first with the buttons the viewer may use, and tells a
viewer who may not act why there are none; finished and cancelled requests wait behind a filter."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from plugins.population.services.queries import Filters
from plugins.population.services.regency_pages import QUEUE_ACTIONS
from plugins.population.services.views import REGENCY_ACTIONS
from plugins.population.tables import ServiceRequest


def listed_ids(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<a href="[^"]*/layanan/(\d+)">#\d+</a>', page)]


async def _aged(kampung, village, request_id: int, days: int) -> None:
    async with kampung.scope(village.code):
        await ServiceRequest.update(
            {ServiceRequest.submitted_at: datetime.now(UTC) - timedelta(days=days)}
        ).where(ServiceRequest.id == request_id)


async def test_regency_admin_is_told_why_the_queue_has_no_buttons(kampung, counter, people) -> None:
    person = await people.resident(counter.village, "WARGA ANTRE")
    request_id = await counter.submit(person["nik"], "v-1")
    await counter.walk(request_id, "lengkap", "teruskan")
    admin = await kampung.login("regency_admin")
    queue = await admin.get("/kabupaten/layanan")
    assert queue.status_code == 200 and "WARGA ANTRE" in queue.text
    assert "Anda melihat antrean sebagai Admin Kabupaten." in queue.text
    assert (
        "Tindakan Terima untuk diproses, Kembalikan ke desa, Selesai dilakukan oleh "
        "Petugas Kabupaten." in queue.text
    )
    assert "#aksi-" not in queue.text
    detail = await admin.get(f"/kabupaten/layanan/{request_id}")
    assert "Anda melihat permohonan ini sebagai Admin Kabupaten." in detail.text
    assert "Tindakan Terima untuk diproses, Kembalikan ke desa dilakukan oleh" in detail.text
    assert "/aksi/" not in detail.text


async def test_regency_officer_gets_the_buttons_for_each_request(counter, people) -> None:
    person = await people.resident(counter.village)
    waiting = await counter.submit(person["nik"], "b-1")
    await counter.walk(waiting, "lengkap", "teruskan")
    at_village = await counter.submit(person["nik"], "b-2")
    queue = await counter.officer.get("/kabupaten/layanan")
    assert f'href="/kabupaten/layanan/{waiting}#aksi-terima"' in queue.text
    assert f'href="/kabupaten/layanan/{waiting}#aksi-kembalikan_ke_desa"' in queue.text
    assert f"/kabupaten/layanan/{at_village}#aksi-" not in queue.text
    assert "Anda melihat antrean sebagai" not in queue.text
    detail = await counter.officer.get(f"/kabupaten/layanan/{waiting}")
    assert 'id="aksi-terima"' in detail.text
    village_step = await counter.officer.get(f"/kabupaten/layanan/{at_village}")
    assert "Tindakan Nyatakan lengkap, Kembalikan ke pemohon, Batalkan dilakukan oleh" in (
        village_step.text
    )


async def test_queue_shows_open_work_oldest_first_and_hides_finished(
    kampung, counter, people
) -> None:
    person = await people.resident(counter.village)
    newest = await counter.submit(person["nik"], "o-1")
    oldest = await counter.submit(person["nik"], "o-2")
    middle = await counter.submit(person["nik"], "o-3")
    cancelled = await counter.submit(person["nik"], "o-4")
    handed = await counter.submit(person["nik"], "o-5")
    ready = await counter.submit(person["nik"], "o-6")
    for request_id, days in ((oldest, 9), (middle, 5), (cancelled, 20), (handed, 30), (ready, 7)):
        await _aged(kampung, counter.village, request_id, days)
    await counter.walk(cancelled, "batalkan")
    await counter.walk(handed, "lengkap", "teruskan", "terima", "selesai", "serahkan")
    await counter.walk(ready, "lengkap", "teruskan", "terima", "selesai")
    queue = await counter.officer.get("/kabupaten/layanan")
    assert listed_ids(queue.text) == [oldest, ready, middle, newest]
    assert '<option value="terbuka" selected>Masih dikerjakan</option>' in queue.text
    done = await counter.officer.get("/kabupaten/layanan?tampil=selesai")
    assert listed_ids(done.text) == [handed, cancelled]
    assert '<option value="selesai" selected>' in done.text
    everything = await counter.officer.get("/kabupaten/layanan?tampil=semua")
    assert listed_ids(everything.text) == [handed, cancelled, oldest, ready, middle, newest]
    chosen = await counter.officer.get("/kabupaten/layanan?status=dibatalkan")
    assert listed_ids(chosen.text) == [cancelled]


async def test_village_list_also_hides_finished_requests_unless_asked(
    kampung, counter, people
) -> None:
    person = await people.resident(counter.village)
    open_one = await counter.submit(person["nik"], "l-1")
    cancelled = await counter.submit(person["nik"], "l-2")
    await counter.walk(cancelled, "batalkan")
    listing = await counter.operator.get(counter.village.url + "/layanan")
    assert listed_ids(listing.text) == [open_one]
    every = await counter.operator.get(counter.village.url + "/layanan?tampil=semua")
    assert sorted(listed_ids(every.text)) == sorted([open_one, cancelled])
    api = await counter.operator.get(counter.village.api + "/layanan")
    assert api.json()["total"] == 2


def test_the_choice_of_what_to_show_stays_in_the_page_links() -> None:
    assert Filters(show="selesai", page=2).query() == {"tampil": "selesai"}
    assert Filters(show="semua", kind="kia").query() == {"kind": "kia", "tampil": "semua"}
    assert Filters().query() == {}


def test_queue_offers_exactly_the_regency_actions() -> None:
    assert set(QUEUE_ACTIONS) == REGENCY_ACTIONS
