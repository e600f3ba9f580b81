from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import EventSubscriber
from plugins.population.services.kinds import get_kind
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import Family, LifeEvent, Resident, ServiceRequest, ServiceStep

REGENCY = {"terima", "kembalikan_ke_desa", "selesai"}
PAYLOAD = {
    "kembalikan": {"alasan": "KK belum dilampirkan"},
    "kembalikan_ke_desa": {"alasan": "Foto buram"},
    "selesai": {"nomor_dokumen": "3527-LT-01012026-0001"},
    "nilai": {"nilai": "4", "komentar": "Cepat"},
    "batalkan": {"konfirmasi": "ya"},
}


def originals_seen(kind: str) -> dict[str, list[str]]:
    """What `lengkap` carries for a request without files: every required original was seen."""
    return {"asli_dilihat": [d.key for d in get_kind(kind).documents if d.required]}


class Desk:
    """The village operator and the regency officer working one village's requests over HTTP."""

    def __init__(self, kampung, village, operator, officer) -> None:
        self.kampung, self.village, self.operator, self.officer = (
            kampung,
            village,
            operator,
            officer,
        )
        self.kinds: dict[int, str] = {}

    async def submit(self, nik: str, key: str, kind: str = "ktp_el", **extra: str) -> int:
        data = {
            "kind": kind,
            "idempotency_key": key,
            "nik": nik,
            "applicant_name": "Pemohon",
            **extra,
        }
        response = await self.operator.post(self.village.api + "/layanan", json=data)
        assert response.status_code == 201, response.text
        self.kinds[response.json()["id"]] = kind
        return response.json()["id"]

    async def act(self, request_id: int, action: str, payload: dict | None = None):
        data = PAYLOAD.get(action, {}) if payload is None else payload
        if action == "lengkap" and payload is None:
            data = originals_seen(self.kinds[request_id])
        if action in REGENCY:
            url = f"/kabupaten/layanan/{request_id}/aksi/{action}"
            return await self.officer.post(url, data=data)
        return await self.operator.post(
            self.village.url + f"/layanan/{request_id}/aksi/{action}", data=data
        )

    async def status(self, request_id: int) -> str:
        async with self.kampung.scope(self.village.code):
            row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
            steps = (
                await ServiceStep.select()
                .where(ServiceStep.request == request_id)
                .order_by(ServiceStep.id)
            )
        assert REQUEST_LIFECYCLE.derive(s["action"] for s in steps) == row["status"]
        return row["status"]


@pytest.fixture
async def desk(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    officer = await kampung.login("regency_officer")
    return Desk(kampung, village, operator, officer)


def path_to(state: str) -> list[str]:
    """A shortest list of actions from the initial state to ``state``."""
    frontier = [(REQUEST_LIFECYCLE.initial, [])]
    seen = {REQUEST_LIFECYCLE.initial}
    while frontier:
        current, actions = frontier.pop(0)
        if current == state:
            return actions
        for (source, action), target in REQUEST_LIFECYCLE.transitions.items():
            if source == current and target not in seen:
                seen.add(target)
                frontier.append((target, [*actions, action]))
    raise AssertionError(state)


async def test_every_transition_works_over_http_and_status_matches_history(desk, people) -> None:
    person = await people.resident(desk.village)
    for index, ((source, action), target) in enumerate(REQUEST_LIFECYCLE.transitions.items()):
        request_id = await desk.submit(person["nik"], f"t-{index}")
        for step in path_to(source):
            assert (await desk.act(request_id, step)).status_code == 303
        response = await desk.act(request_id, action)
        assert response.status_code == 303, (source, action, response.text[:500])
        assert await desk.status(request_id) == target


async def test_refused_transitions_answer_409_with_indonesian_message(desk, people) -> None:
    person = await people.resident(desk.village)
    request_id = await desk.submit(person["nik"], "r-1")
    refused = await desk.act(request_id, "teruskan")
    assert refused.status_code == 409
    assert (
        "Aksi &#39;Teruskan ke Disdukcapil&#39; tidak boleh dari status &#39;Diajukan&#39;."
        in refused.text
    )
    assert (await desk.act(request_id, "terima")).status_code == 409
    api = await desk.operator.post(desk.village.api + f"/layanan/{request_id}/aksi/serahkan")
    assert api.status_code == 409
    assert api.json()["detail"] == "Aksi 'Serahkan ke pemohon' tidak boleh dari status 'Diajukan'."
    assert await desk.status(request_id) == "diajukan"


async def test_action_without_required_reason_is_refused_with_field_error(desk, people) -> None:
    person = await people.resident(desk.village)
    request_id = await desk.submit(person["nik"], "p-1")
    response = await desk.act(request_id, "kembalikan", {"alasan": "  "})
    assert response.status_code == 422
    assert "Alasan wajib diisi." in response.text
    assert await desk.status(request_id) == "diajukan"


async def test_operator_cannot_take_regency_actions(desk, people) -> None:
    person = await people.resident(desk.village)
    request_id = await desk.submit(person["nik"], "o-1")
    for step in ("lengkap", "teruskan"):
        await desk.act(request_id, step)
    on_village = await desk.operator.post(desk.village.url + f"/layanan/{request_id}/aksi/terima")
    on_regency = await desk.operator.post(f"/kabupaten/layanan/{request_id}/aksi/terima")
    assert on_village.status_code == 403
    assert on_regency.status_code == 403
    village_action = await desk.officer.post(f"/kabupaten/layanan/{request_id}/aksi/serahkan")
    assert village_action.status_code == 403
    assert await desk.status(request_id) == "diteruskan"


async def test_operator_cannot_see_or_act_on_another_villages_request(
    kampung, desk, people
) -> None:
    other = await kampung.village(1)
    stranger = await people.resident(other)
    other_operator = await kampung.login("village_operator", other)
    response = await other_operator.post(
        other.api + "/layanan",
        json={"kind": "kia", "idempotency_key": "x", "nik": stranger["nik"], "applicant_name": "A"},
    )
    foreign = response.json()["id"]
    operator, village = desk.operator, desk.village
    assert (await operator.get(village.url + f"/layanan/{foreign}")).status_code == 404
    assert (await operator.get(village.api + f"/layanan/{foreign}")).status_code == 404
    assert (
        await operator.post(village.url + f"/layanan/{foreign}/aksi/lengkap")
    ).status_code == 404
    assert (
        await operator.post(village.api + f"/layanan/{foreign}/aksi/lengkap")
    ).status_code == 404
    assert (await operator.get(other.url + f"/layanan/{foreign}")).status_code in (403, 404)
    listing = await operator.get(village.api + "/layanan")
    assert listing.json()["total"] == 0


async def test_regency_officer_sees_queue_across_villages(kampung, desk, people) -> None:
    other = await kampung.village(1)
    here = await people.resident(desk.village, "WARGA SATU")
    there = await people.resident(other, "WARGA DUA")
    await desk.submit(here["nik"], "q-1")
    other_operator = await kampung.login("village_operator", other)
    await other_operator.post(
        other.api + "/layanan",
        json={
            "kind": "akta_kematian",
            "idempotency_key": "q-2",
            "nik": there["nik"],
            "applicant_name": "A",
            "tanggal_kematian": "2026-01-05",
        },
    )
    queue = await desk.officer.get("/kabupaten/layanan")
    assert queue.status_code == 200
    assert "WARGA SATU" in queue.text and "WARGA DUA" in queue.text
    only_other = await desk.officer.get(
        f"/kabupaten/layanan?village={other.code}&kind=akta_kematian"
    )
    assert "WARGA DUA" in only_other.text and "WARGA SATU" not in only_other.text
    old = await desk.officer.get("/kabupaten/layanan?min_age=3")
    assert "WARGA SATU" not in old.text
    summary = await desk.officer.get("/kabupaten/layanan/ringkasan")
    assert summary.status_code == 200 and other.name in summary.text
    assert (await desk.operator.get("/kabupaten/layanan")).status_code == 403


async def test_finished_death_certificate_marks_resident_dead_and_publishes_event(
    kampung, desk, people
) -> None:
    family = await people.family(desk.village)
    person = await people.resident(desk.village, "ALMARHUM", family=family, sex=1)
    request_id = await desk.submit(
        person["nik"], "d-1", "akta_kematian", tanggal_kematian="2026-01-05"
    )
    for step in ("lengkap", "teruskan", "terima"):
        await desk.act(request_id, step)
    events = []

    async def remember(event, kernel) -> None:
        events.append(event)

    kampung.kernel.events._subscribers["population.resident_died"].append(
        EventSubscriber("population.resident_died", remember)
    )
    response = await desk.act(request_id, "selesai", {"nomor_dokumen": "3527-KM-05012026-0007"})
    assert response.status_code == 303
    async with kampung.scope(desk.village.code):
        resident = await Resident.select().where(Resident.id == person["id"]).first()
        death = await LifeEvent.select().where(LifeEvent.resident == person["id"]).first()
    assert resident["status"] == 2
    assert death["kind"] == 2 and death["event_date"].isoformat() == "2026-01-05"
    assert [e.payload for e in events] == [
        {
            "resident_id": person["id"],
            "nik": person["nik"],
            "event_id": death["id"],
            "event_date": "2026-01-05",
        }
    ]


async def test_failing_subscriber_rolls_back_the_finished_step(kampung, desk, people) -> None:
    person = await people.resident(desk.village)
    request_id = await desk.submit(
        person["nik"], "d-2", "akta_kematian", tanggal_kematian="2026-01-05"
    )
    for step in ("lengkap", "teruskan", "terima"):
        await desk.act(request_id, step)

    async def explode(event, kernel) -> None:
        raise RuntimeError("aid plugin down")

    kampung.kernel.events._subscribers["population.resident_died"].append(
        EventSubscriber("population.resident_died", explode)
    )
    response = await desk.act(request_id, "selesai", {"nomor_dokumen": "AKTA-1"})
    assert response.status_code == 500
    assert await desk.status(request_id) == "diproses"
    async with kampung.scope(desk.village.code):
        assert (await Resident.select().where(Resident.id == person["id"]).first())["status"] == 1


async def test_finished_kk_request_puts_new_number_on_family(desk, people) -> None:
    family = await people.family(desk.village)
    person = await people.resident(desk.village, family=family)
    request_id = await desk.submit(person["nik"], "kk-1", "kk_perubahan")
    for step in ("lengkap", "teruskan", "terima"):
        await desk.act(request_id, step)
    bad = await desk.act(request_id, "selesai", {"nomor_dokumen": "12345"})
    assert bad.status_code == 422 and "Nomor KK harus terdiri dari 16 digit angka." in bad.text
    assert (
        await desk.act(request_id, "selesai", {"nomor_dokumen": "3527010501260009"})
    ).status_code == 303
    async with desk.kampung.scope(desk.village.code):
        row = await Family.select().where(Family.id == family).first()
    assert row["kk_number"] == "3527010501260009"


async def test_finished_birth_certificate_adds_the_newborn_once(desk, people) -> None:
    family = await people.family(desk.village)
    mother = await people.resident(desk.village, "IBU", family=family)
    request_id = await desk.submit(
        mother["nik"],
        "b-1",
        "akta_kelahiran",
        nama_anak="Bayi Mungil",
        jenis_kelamin_anak="2",
        tanggal_lahir_anak="2026-01-02",
    )
    for step in ("lengkap", "teruskan", "terima"):
        await desk.act(request_id, step)
    assert (await desk.act(request_id, "selesai", {"nomor_dokumen": "AL-1"})).status_code == 303
    async with desk.kampung.scope(desk.village.code):
        babies = await Resident.select().where(Resident.name_key == "bayi mungil")
    assert len(babies) == 1
    assert (
        babies[0]["family"] == family
        and babies[0]["nik_temporary"]
        and babies[0]["mother_nik"] == mother["nik"]
    )


async def test_age_is_counted_in_working_days(desk, people) -> None:
    person = await people.resident(desk.village)
    request_id = await desk.submit(person["nik"], "a-1")
    friday = datetime(2026, 1, 16, 2, 0, tzinfo=UTC)
    async with desk.kampung.scope(desk.village.code):
        await ServiceRequest.update({ServiceRequest.submitted_at: friday}).where(
            ServiceRequest.id == request_id
        )
    detail = await desk.operator.get(desk.village.api + f"/layanan/{request_id}")
    from core.workdays import working_days_between

    expected = working_days_between(friday.date(), (datetime.now(UTC) + timedelta(hours=7)).date())
    assert detail.json()["age_working_days"] == expected
    from plugins.population.services.age import request_age

    monday = datetime(2026, 1, 19, 2, 0, tzinfo=UTC)
    assert request_age(friday, monday) == 1
    late_friday_wib = datetime(2026, 1, 16, 18, 0, tzinfo=UTC)  # Saturday 01:00 WIB
    assert request_age(late_friday_wib, monday) == 1


async def test_dashboards_and_village_list_show_open_requests(desk, people) -> None:
    person = await people.resident(desk.village, "WARGA DASBOR")
    await desk.submit(person["nik"], "w-1", "kia")
    village_home = await desk.operator.get(desk.village.url + "/")
    assert "Permohonan layanan terbuka" in village_home.text
    listing = await desk.operator.get(desk.village.url + "/layanan?kind=kia&status=diajukan")
    assert listing.status_code == 200 and "WARGA DASBOR" in listing.text
    none = await desk.operator.get(desk.village.url + "/layanan?status=siap")
    assert "WARGA DASBOR" not in none.text
    regency_home = await desk.officer.get("/kabupaten")
    assert "Antrean layanan kependudukan" in regency_home.text
