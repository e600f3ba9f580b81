"""A write without an idempotency key, sent twice (a double click, a retry), takes effect once.

Every non-GET route of the core and of the population plugin is listed here (the other plugins
run the same check on themselves through `core.testing.contract`), either with a repeat that is
sent and judged or with the reason it is left out. A repeat is judged by the village's rows (and
the regency's, for regency routes): after the second request they are exactly as the first one
left them, so no second step, event, family, account or user appears and nothing is set twice.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import unescape
from io import BytesIO
from typing import Any

import httpx
import pytest
from PIL import Image

from bench.reliability.attacks import village_hashes
from bench.reliability.office import Office, open_office, person
from core.auth.tables import RoleGrant
from core.localtime import local_today
from core.testing.harness import TEST_PASSWORD
from plugins.population.households.tables import Household
from plugins.population.letters.tables import LetterSignatory
from plugins.population.letters.workflow import LETTER_LIFECYCLE
from plugins.population.register.events import record_event
from plugins.population.register.status import MOVE_IN
from plugins.population.services.workflow import REQUEST_LIFECYCLE
from plugins.population.tables import (
    CitizenAccount,
    Family,
    Letter,
    Resident,
    ServiceRequest,
)

REGENCY_ACTIONS = {"terima", "kembalikan_ke_desa", "selesai"}
PAYLOAD = {
    "kembalikan": {"alasan": "Berkas belum lengkap"},
    "kembalikan_ke_desa": {"alasan": "Foto buram"},
    "selesai": {"nomor_dokumen": "3527-LT-01012026-0001"},
    "nilai": {"nilai": "4", "komentar": "Cepat"},
    "lengkap": {"asli_dilihat": ["akta_kelahiran", "kk_orang_tua", "ktp_el_orang_tua"]},
    "batalkan": {"konfirmasi": "ya"},
}
"""What each action's form sends besides the token: a reason, the originals seen at the
counter (a `kia` request's required documents), a confirmation."""
LETTER_ROLE = {
    "periksa": "village_secretary",
    "kembalikan": "village_secretary",
    "tandatangani": "village_head",
    "batalkan": "village_operator",
}
LETTER_PAYLOAD = {
    "kembalikan": {"alasan": "Perbaiki alamat"},
    "tandatangani": {"kata_sandi": TEST_PASSWORD},
}
BOOKKEEPING = frozenset({"version", "updated_at", "updated_by"})
"""A repeat that sets what is already set may bump these; it must not change anything else."""
KEYED = "takes an idempotency key: test_idempotency.py"
RESET = "each reset issues a new temporary password, shown once; the last one shown is valid"
AREAS_KEYED = "takes an idempotency key (tests/population/areas/test_area_pages.py)"
MAP_KEYED = "takes an idempotency key (tests/population/village_map/test_map_pages.py)"
SAME_AGAIN = "sets what is already set; the plugin contract's write-twice test sends its sample"
NOT_REPEATED = {
    ("POST", "/masuk"): "signing in makes a session, not a record",
    ("POST", "/keluar"): "signing out twice is signing out",
    ("POST", "/warga/masuk"): "signing in makes a session, not a record",
    ("POST", "/warga/keluar"): "signing out twice is signing out",
    ("POST", "/-/lang"): "sets a cookie only",
    ("POST", "/akun/kata-sandi"): "the repeat is asked for the old password, which just changed",
    ("POST", "/desa/{village_slug:str}/pengguna/{user_id:int}/kata-sandi"): RESET,
    ("POST", "/kabupaten/pengguna/{user_id:int}/kata-sandi"): RESET,
    ("POST", "/desa/{village_slug:str}/penduduk/baru"): KEYED,
    ("POST", "/api/v1/desa/{village_slug:str}/penduduk"): KEYED,
    ("POST", "/desa/{village_slug:str}/layanan/baru"): KEYED,
    ("POST", "/api/v1/desa/{village_slug:str}/layanan"): KEYED,
    ("POST", "/desa/{village_slug:str}/warga/layanan/baru"): KEYED,
    ("POST", "/desa/{village_slug:str}/surat/baru"): KEYED,
    ("POST", "/desa/{village_slug:str}/warga/surat/minta"): (
        "takes an idempotency key (tests/population/letters/test_letter_citizen_requests.py)"
    ),
    ("POST", "/desa/{village_slug:str}/warga/layanan/{request_id:int}/ajukan-ulang"): (
        "refused once resubmitted; tests/population/portal/test_resubmit.py sends it twice"
    ),
    ("POST", "/api/v1/desa/{village_slug:str}/surat"): KEYED,
    ("POST", "/desa/{village_slug:str}/impor"): "an upload is a draft batch; the importer's specs",
    ("POST", "/desa/{village_slug:str}/impor/{batch_id:int}/jalankan"): "the importer's specs",
    ("POST", "/desa/{village_slug:str}/wilayah"): AREAS_KEYED,
    ("POST", "/desa/{village_slug:str}/wilayah/{area_id:int}/nama"): SAME_AGAIN,
    ("POST", "/desa/{village_slug:str}/wilayah/{area_id:int}/kepala"): SAME_AGAIN,
    ("POST", "/desa/{village_slug:str}/wilayah/{area_id:int}/hapus"): AREAS_KEYED,
    ("POST", "/desa/{village_slug:str}/wilayah/impor"): (
        "adds only the areas still missing (tests/population/areas/test_area_pages.py)"
    ),
    ("POST", "/desa/{village_slug:str}/peta/titik"): MAP_KEYED,
    ("POST", "/desa/{village_slug:str}/peta/unggah"): MAP_KEYED,
    ("POST", "/desa/{village_slug:str}/peta/{feature_id:int}/hapus"): SAME_AGAIN,
    ("POST", "/kabupaten/token-api"): (
        "its secret is shown once, so a repeat cannot return the first answer; a second token is "
        "listed beside the first and can be revoked (tests/core/test_api_tokens.py)"
    ),
    ("POST", "/kabupaten/token-api/{token_id:int}/cabut"): (
        "revoking a revoked token keeps its first revocation (tests/core/test_api_tokens.py)"
    ),
}


NOTE = {"pengantar_rt_rw": ("pengantar.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
Send = Callable[[], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class Repeat:
    """One write to send twice: the route it covers and how to set it up."""

    method: str
    template: str
    prepare: Callable[[Office], Awaitable[Send]]
    label: str = ""
    ignore: frozenset[str] = frozenset()
    """Columns a repeat may change besides the bookkeeping ones (see `BOOKKEEPING`)."""


async def _request_at(office: Office, state: str, *, citizen: bool = False) -> int:
    """A new service request walked to `state` by the village and the regency office."""
    body = {
        "kind": "kia",
        "nik": person(office.first)["nik"],
        "applicant_name": "Pemohon",
        "idempotency_key": secrets.token_hex(16),
    }
    if citizen:
        sent = await office.clients["citizen"].post(
            office.village.url + "/warga/layanan/baru",
            data={**body, "member": str(office.residents[0])},
            files=NOTE,
        )
        assert sent.status_code == 303, re.findall(r"(?s)<main.*</main>", sent.text)[0][:1500]
        async with office.kampung.scope(office.village.code):
            row = (
                await ServiceRequest.select(ServiceRequest.id)
                .order_by(ServiceRequest.id, ascending=False)
                .first()
            )
        request_id = row["id"]
    else:
        created = await office.clients["village_operator"].post(
            office.village.api + "/layanan", json=body
        )
        assert created.status_code == 201, created.text
        request_id = created.json()["id"]
    for action in _path(REQUEST_LIFECYCLE, state):
        response = await _request_action(office, request_id, action, "page")
        assert response.status_code == 303, (action, response.text[:300])
    return request_id


def _request_action(office: Office, request_id: int, action: str, via: str) -> Awaitable:
    data = PAYLOAD.get(action, {})
    if action in REGENCY_ACTIONS:
        url = f"/kabupaten/layanan/{request_id}/aksi/{action}"
        return office.clients["regency_officer"].post(url, data=data)
    if via == "api":
        url = f"{office.village.api}/layanan/{request_id}/aksi/{action}"
        return office.clients["village_operator"].post(url, json=data)
    url = f"{office.village.url}/layanan/{request_id}/aksi/{action}"
    return office.clients["village_operator"].post(url, data=data)


async def _letter_at(office: Office, state: str) -> int:
    created = await office.clients["village_operator"].post(
        office.village.api + "/surat",
        json={
            "kind": "domisili",
            "nik": person(office.first)["nik"],
            "fields": {"keperluan": "bekerja"},
            "idempotency_key": secrets.token_hex(16),
        },
    )
    assert created.status_code == 201, created.text
    letter_id = created.json()["id"]
    for action in _path(LETTER_LIFECYCLE, state):
        response = await _letter_action(office, letter_id, action, "api")
        assert response.status_code == 200, (action, response.text[:300])
    return letter_id


def _letter_action(office: Office, letter_id: int, action: str, via: str) -> Awaitable:
    client = office.clients[LETTER_ROLE[action]]
    data = LETTER_PAYLOAD.get(action, {})
    if via == "api":
        return client.post(f"{office.village.api}/surat/{letter_id}/aksi/{action}", json=data)
    return client.post(f"{office.village.url}/surat/{letter_id}/aksi/{action}", data=data)


def _path(lifecycle: Any, state: str) -> list[str]:
    """A shortest list of actions from the initial state to `state`."""
    frontier: list[tuple[str, list[str]]] = [(lifecycle.initial, [])]
    seen = {lifecycle.initial}
    while frontier:
        current, actions = frontier.pop(0)
        if current == state:
            return actions
        for (source, action), target in lifecycle.transitions.items():
            if source == current and target not in seen:
                seen.add(target)
                frontier.append((target, [*actions, action]))
    raise AssertionError(f"{state} cannot be reached")


def request_repeats() -> list[Repeat]:
    found = []
    for (state, action), _ in sorted(REQUEST_LIFECYCLE.transitions.items()):
        vias = ["regency"] if action in REGENCY_ACTIONS else ["page", "api"]
        for via in vias:

            async def prepare(office: Office, state=state, action=action, via=via) -> Send:
                request_id = await _request_at(office, state)
                return lambda: _request_action(office, request_id, action, via)

            template = {
                "regency": "/kabupaten/layanan/{request_id:int}/aksi/{action:str}",
                "page": "/desa/{village_slug:str}/layanan/{request_id:int}/aksi/{action:str}",
                "api": "/api/v1/desa/{village_slug:str}/layanan/{request_id:int}/aksi/{action:str}",
            }[via]
            found.append(Repeat("POST", template, prepare, f"{state} -{action}-> ({via})"))
    return found


def letter_repeats() -> list[Repeat]:
    found = []
    for (state, action), _ in sorted(LETTER_LIFECYCLE.transitions.items()):
        for via in ("page", "api"):

            async def prepare(office: Office, state=state, action=action, via=via) -> Send:
                letter_id = await _letter_at(office, state)
                return lambda: _letter_action(office, letter_id, action, via)

            template = (
                "/desa/{village_slug:str}/surat/{letter_id:int}/aksi/{action:str}"
                if via == "page"
                else "/api/v1/desa/{village_slug:str}/surat/{letter_id:int}/aksi/{action:str}"
            )
            found.append(Repeat("POST", template, prepare, f"letter {state} -{action}-> ({via})"))
    return found


def _post(office: Office, role: str, url: str, data: dict[str, Any]) -> Send:
    return lambda: office.clients[role].post(url, data=data)


async def _new_family(office: Office) -> Send:
    data = {"kk_number": "3527011201209999", "address": "Jalan Melati 2", "rw": "1", "rt": "1"}
    return _post(office, "village_operator", office.village.url + "/keluarga/baru", data)


async def _loner(office: Office) -> dict[str, Any]:
    """A resident without a family, registered by API."""
    body = {**person(next(office.serials)), "idempotency_key": secrets.token_hex(16)}
    created = await office.clients["village_operator"].post(
        office.village.api + "/penduduk", json=body
    )
    assert created.status_code == 201, created.text
    return {"id": created.json()["id"], "nik": body["nik"]}


async def _add_member(office: Office) -> Send:
    loner = await _loner(office)
    url = f"{office.village.url}/keluarga/{office.family_id}/anggota"
    return _post(office, "village_operator", url, {"nik": loner["nik"], "relationship": "3"})


async def _change_head(office: Office) -> Send:
    url = f"{office.village.url}/keluarga/{office.family_id}/kepala"
    data = {"new_head": str(office.residents[1]), "old_head_relationship": "9"}
    return _post(office, "village_operator", url, data)


async def _split(office: Office) -> Send:
    loner = await _loner(office)
    joined = await office.clients["village_operator"].post(
        f"{office.village.url}/keluarga/{office.family_id}/anggota",
        data={"nik": loner["nik"], "relationship": "3"},
    )
    assert joined.status_code == 303, joined.text[:300]
    url = f"{office.village.url}/keluarga/{office.family_id}/pecah"
    member = str(loner["id"])
    data = {"members": member, "head": member, "kk_number": "3527011201208888"}
    return _post(office, "village_operator", url, data)


async def _edit_resident(office: Office) -> Send:
    resident_id = office.residents[1]
    async with office.kampung.scope(office.village.code):
        row = await Resident.select(Resident.version).where(Resident.id == resident_id).first()
    values = person(office.first + 1, name="Warga Uji Diubah", nik_checked="1")
    values["version"] = row["version"]
    url = f"{office.village.url}/penduduk/{resident_id}/ubah"
    return _post(office, "village_operator", url, {k: str(v) for k, v in values.items()})


async def _record_event(office: Office) -> Send:
    loner = await _loner(office)
    url = f"{office.village.url}/penduduk/{loner['id']}/peristiwa"
    form = await office.clients["village_operator"].get(url + "/baru")
    key = re.search(r'name="idempotency_key" value="([^"]+)"', form.text)
    assert key is not None, "the event form carries no idempotency key"
    today = local_today().isoformat()
    data = {"kind": str(MOVE_IN), "event_date": today, "report_date": today, "origin": "Sampang"}
    return _post(office, "village_operator", url, {**data, "idempotency_key": key.group(1)})


async def _correct_event(office: Office) -> Send:
    loner = await _loner(office)
    today = local_today()
    async with office.kampung.scope(office.village.code):
        event_id = await record_event(
            office.kampung.kernel, office.village.code, "test", loner["id"], MOVE_IN, today, today
        )
    url = f"{office.village.url}/penduduk/{loner['id']}/peristiwa/{event_id}/koreksi"
    return _post(office, "village_operator", url, {"reason": "Salah catat"})


async def _settings(office: Office) -> Send:
    data = {"display_name": "Desa Uji", "primary_colour": "#225522"}
    return _post(office, "village_admin", office.village.url + "/pengaturan", data)


async def _logo(office: Office) -> Send:
    picture = BytesIO()
    Image.new("RGB", (64, 64), "green").save(picture, "PNG")
    files = {"logo": ("logo.png", picture.getvalue(), "image/png")}
    url = office.village.url + "/pengaturan/logo"
    return lambda: office.clients["village_admin"].post(url, files=files)


async def _switch_plugin(office: Office) -> Send:
    url = office.village.url + "/pengaturan/modul/population"
    return _post(office, "village_admin", url, {"enabled": "1"})


def _new_user(role: str, where: Callable[[Office], str], user_role: str) -> Any:
    async def prepare(office: Office) -> Send:
        name = f"petugas-{secrets.token_hex(3)}"
        data = {"username": name, "display_name": "Petugas", "role": user_role}
        data["password"] = "sandi-yang-cukup-panjang-1"
        return _post(office, role, where(office) + "/pengguna", data)

    return prepare


def _user_status(role: str, where: Callable[[Office], str], scope: Callable[[Office], str]) -> Any:
    async def prepare(office: Office) -> Send:
        await office.kampung.user(
            "village_operator" if role == "village_admin" else "regency_officer", scope(office)
        )
        async with office.kampung.scope():
            grant = (
                await RoleGrant.select(RoleGrant.user)
                .where(RoleGrant.scope_code == scope(office))
                .order_by(RoleGrant.id, ascending=False)
                .first()
            )
        url = f"{where(office)}/pengguna/{grant['user']}/status"
        return _post(office, role, url, {"active": "0"})

    return prepare


async def _onboard(office: Office) -> Send:
    neighbour = await office.kampung.village(7, onboarded=False)
    url = f"/kabupaten/desa/{neighbour.code}/integrasi"
    return _post(office, "regency_admin", url, {"onboarded": "1"})


async def _template(office: Office) -> Send:
    page = await office.clients["village_admin"].get(office.village.url + "/surat/templat/domisili")
    assert page.status_code == 200, page.text[:300]
    body = unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page.text, re.S).group(1))
    url = office.village.url + "/surat/templat/domisili"
    return _post(office, "village_admin", url, {"body": body.strip() + "\n\nCatatan desa."})


async def _issue_account(office: Office) -> Send:
    url = office.village.url + "/warga-akun"
    return _post(office, "village_operator", url, {"nik": person(office.first + 1)["nik"]})


async def _change_pin(office: Office) -> Send:
    data = {"current_pin": "582914", "pin": "731946", "pin_confirm": "731946"}
    return _post(office, "citizen", "/warga/ganti-pin", data)


async def _rate(office: Office) -> Send:
    request_id = await _request_at(office, "diserahkan", citizen=True)
    url = f"{office.village.url}/warga/layanan/{request_id}/nilai"
    return _post(office, "citizen", url, {"nilai": "4", "komentar": "Cepat"})


async def _letter_requested(office: Office) -> int:
    """A letter a citizen asked for on the portal, waiting for the operator's draft."""
    sent = await office.clients["citizen"].post(
        office.village.url + "/warga/surat/minta",
        data={
            "member": str(office.residents[0]),
            "kind": "domisili",
            "keperluan": "daftar sekolah",
            "idempotency_key": secrets.token_hex(16),
        },
    )
    assert sent.status_code == 303, sent.text[:300]
    async with office.kampung.scope(office.village.code):
        row = await Letter.select(Letter.id).order_by(Letter.id, ascending=False).first()
    return int(row["id"])


async def _draft_requested(office: Office) -> Send:
    url = f"{office.village.url}/surat/{await _letter_requested(office)}/draf"
    return _post(office, "village_operator", url, {"keperluan": "daftar sekolah", "paper": "A4"})


async def _decline_requested(office: Office) -> Send:
    url = f"{office.village.url}/surat/{await _letter_requested(office)}/tolak"
    return _post(office, "village_operator", url, {"alasan": "Belum ada surat pengantar RT"})


SIGNATORY = {"name": "Siti Rahma", "nip": "", "position": "Sekretaris Desa", "active": "1"}


async def _add_signatory(office: Office) -> Send:
    url = office.village.url + "/surat/penanda-tangan"
    return _post(office, "village_admin", url, SIGNATORY)


async def _change_signatory(office: Office) -> Send:
    url = office.village.url + "/surat/penanda-tangan"
    added = await office.clients["village_admin"].post(url, data={**SIGNATORY, "name": "Budi"})
    assert added.status_code == 303, added.text[:300]
    async with office.kampung.scope(office.village.code):
        row = (
            await LetterSignatory.select(LetterSignatory.id)
            .where(LetterSignatory.name == "Budi")
            .first()
        )
    return _post(office, "village_admin", f"{url}/{row['id']}", {**SIGNATORY, "name": "Budi S."})


async def _household(office: Office) -> tuple[int, dict[str, Any]]:
    """A household headed by a new resident without a family card, and that head."""
    head = await _loner(office)
    sent = await office.clients["village_operator"].post(
        office.village.url + "/rumah-tangga/baru",
        data={"head_nik": head["nik"], "idempotency_key": secrets.token_hex(16)},
    )
    assert sent.status_code == 303, sent.text[:300]
    async with office.kampung.scope(office.village.code):
        row = await Household.select(Household.id).order_by(Household.id, ascending=False).first()
    return int(row["id"]), head


async def _new_household(office: Office) -> Send:
    head = await _loner(office)
    data = {"head_nik": head["nik"], "idempotency_key": secrets.token_hex(16)}
    return _post(office, "village_operator", office.village.url + "/rumah-tangga/baru", data)


async def _household_member(office: Office) -> Send:
    household_id, _ = await _household(office)
    url = f"{office.village.url}/rumah-tangga/{household_id}/anggota"
    return _post(office, "village_operator", url, {"nik": (await _loner(office))["nik"]})


async def _household_family(office: Office) -> Send:
    household_id, _ = await _household(office)
    async with office.kampung.scope(office.village.code):
        family = await Family.select(Family.kk_number).where(Family.id == office.family_id).first()
    url = f"{office.village.url}/rumah-tangga/{household_id}/kk"
    return _post(office, "village_operator", url, {"kk_number": family["kk_number"]})


async def _household_leave(office: Office) -> Send:
    household_id, _ = await _household(office)
    member = await _loner(office)
    base = f"{office.village.url}/rumah-tangga/{household_id}"
    joined = await office.clients["village_operator"].post(
        base + "/anggota", data={"nik": member["nik"]}
    )
    assert joined.status_code == 303, joined.text[:300]
    return _post(office, "village_operator", f"{base}/anggota/{member['id']}/keluar", {})


async def _household_head(office: Office) -> Send:
    household_id, _ = await _household(office)
    member = await _loner(office)
    base = f"{office.village.url}/rumah-tangga/{household_id}"
    joined = await office.clients["village_operator"].post(
        base + "/anggota", data={"nik": member["nik"]}
    )
    assert joined.status_code == 303, joined.text[:300]
    return _post(office, "village_operator", base + "/kepala", {"new_head": str(member["id"])})


async def _household_dissolve(office: Office) -> Send:
    household_id, _ = await _household(office)
    url = f"{office.village.url}/rumah-tangga/{household_id}/bubar"
    return _post(office, "village_operator", url, {})


def _picture() -> bytes:
    out = BytesIO()
    Image.new("RGB", (64, 64), "olive").save(out, "JPEG")
    return out.getvalue()


async def _photo(office: Office) -> Send:
    url = f"{office.village.url}/penduduk/{office.residents[0]}/foto"
    files = {"foto": ("foto.jpg", _picture(), "image/jpeg")}
    data = {"idempotency_key": secrets.token_hex(16)}
    return lambda: office.clients["village_operator"].post(url, data=data, files=files)


MAIL = {
    "tanggal": "2026-11-30",
    "nomor_surat": "140/12/2026",
    "tanggal_surat": "2026-11-28",
    "pihak": "Kecamatan Omben",
    "perihal": "Undangan rapat",
}


async def _mail(office: Office) -> Send:
    url = office.village.url + "/arsip-surat/masuk/baru"
    return _post(
        office, "village_operator", url, {**MAIL, "idempotency_key": secrets.token_hex(16)}
    )


async def _mail_correction(office: Office) -> Send:
    sent = await office.clients["village_operator"].post(
        office.village.url + "/arsip-surat/masuk/baru",
        data={**MAIL, "idempotency_key": secrets.token_hex(16)},
    )
    assert sent.status_code == 303, sent.text[:300]
    url = office.village.url + sent.headers["location"].removeprefix(office.village.url)
    return _post(office, "village_operator", url, {**MAIL, "perihal": "Rapat", "alasan": "Salah"})


SLUG = "/desa/{village_slug:str}"
HOUSEHOLD = SLUG + "/rumah-tangga/{household_id:int}"
REPEATS = [
    Repeat("POST", SLUG + "/penduduk/{resident_id:int}/foto", _photo),
    Repeat("POST", SLUG + "/arsip-surat/{direction:str}/baru", _mail),
    Repeat("POST", SLUG + "/arsip-surat/{direction:str}/{entry_id:int}", _mail_correction),
    Repeat("POST", SLUG + "/rumah-tangga/baru", _new_household),
    Repeat("POST", HOUSEHOLD + "/anggota", _household_member),
    Repeat("POST", HOUSEHOLD + "/kk", _household_family),
    Repeat("POST", HOUSEHOLD + "/anggota/{resident_id:int}/keluar", _household_leave),
    Repeat("POST", HOUSEHOLD + "/kepala", _household_head),
    Repeat("POST", HOUSEHOLD + "/bubar", _household_dissolve),
    Repeat("POST", SLUG + "/surat/{letter_id:int}/draf", _draft_requested),
    Repeat("POST", SLUG + "/surat/{letter_id:int}/tolak", _decline_requested),
    Repeat("POST", SLUG + "/keluarga/baru", _new_family),
    Repeat("POST", SLUG + "/keluarga/{family_id:int}/anggota", _add_member),
    Repeat("POST", SLUG + "/keluarga/{family_id:int}/kepala", _change_head),
    Repeat("POST", SLUG + "/keluarga/{family_id:int}/pecah", _split),
    Repeat("POST", SLUG + "/penduduk/{resident_id:int}/ubah", _edit_resident),
    Repeat("POST", SLUG + "/penduduk/{resident_id:int}/peristiwa", _record_event),
    Repeat(
        "POST",
        SLUG + "/penduduk/{resident_id:int}/peristiwa/{event_id:int}/koreksi",
        _correct_event,
    ),
    Repeat("POST", SLUG + "/pengaturan", _settings),
    Repeat("POST", SLUG + "/pengaturan/logo", _logo),
    Repeat("POST", SLUG + "/pengaturan/modul/{plugin:str}", _switch_plugin),
    Repeat(
        "POST",
        SLUG + "/pengguna",
        _new_user("village_admin", lambda o: o.village.url, "village_operator"),
    ),
    Repeat(
        "POST",
        SLUG + "/pengguna/{user_id:int}/status",
        _user_status("village_admin", lambda o: o.village.url, lambda o: o.village.code),
    ),
    Repeat(
        "POST",
        "/kabupaten/pengguna",
        _new_user("regency_admin", lambda o: "/kabupaten", "regency_officer"),
    ),
    Repeat(
        "POST",
        "/kabupaten/pengguna/{user_id:int}/status",
        _user_status(
            "regency_admin", lambda o: "/kabupaten", lambda o: o.kampung.settings.regency_code
        ),
    ),
    Repeat("POST", "/kabupaten/desa/{code:str}/integrasi", _onboard),
    Repeat("POST", SLUG + "/surat/templat/{kind:str}", _template),
    Repeat("POST", SLUG + "/warga-akun", _issue_account, ignore=frozenset({"pin_hash"})),
    Repeat("POST", "/warga/ganti-pin", _change_pin),
    Repeat("POST", SLUG + "/warga/layanan/{request_id:int}/nilai", _rate),
    *request_repeats(),
    *letter_repeats(),
    # Last: once the village lists signatories, signing must name one of them.
    Repeat("POST", SLUG + "/surat/penanda-tangan", _add_signatory),
    Repeat("POST", SLUG + "/surat/penanda-tangan/{signatory_id:int}", _change_signatory),
]


@pytest.fixture
async def office(kampung) -> Office:
    desk = await open_office(kampung)
    desk.clients["regency_officer"] = await kampung.login("regency_officer")
    desk.clients["regency_admin"] = await kampung.login("regency_admin")
    return desk


async def _rows(office: Office, ignore: frozenset[str]) -> dict[str, str]:
    async with office.kampung.scope():
        hashes = await village_hashes(
            [office.village.code, office.kampung.settings.regency_code],
            audit=False,
            ignore=BOOKKEEPING | ignore,
        )
        accounts = await CitizenAccount.count()
    return {**hashes, "citizen accounts": str(accounts)}


JUDGED_HERE = {"core", "population"}
"""Whose write routes this file judges."""


async def test_every_write_route_is_repeated_here_or_left_out_with_a_reason(kampung) -> None:
    writes = {
        (method, route.path)
        for route in kampung.app.routes
        for handler in getattr(route, "route_handlers", [])
        if handler.opt.get("plugin", "core") in JUDGED_HERE
        for method in handler.http_methods - {"GET", "HEAD", "OPTIONS"}
    }
    covered = {(r.method, r.template) for r in REPEATS} | set(NOT_REPEATED)
    assert writes - covered == set()
    assert covered - writes == set()


async def test_every_write_sent_twice_takes_effect_once(office) -> None:
    problems = []
    for repeat in REPEATS:
        send = await repeat.prepare(office)
        first = await send()
        name = f"{repeat.method} {repeat.template} {repeat.label}".strip()
        if first.status_code >= 400:
            problems.append(f"{name}: the first request failed ({first.status_code})")
            continue
        before = await _rows(office, repeat.ignore)
        second = await send()
        if second.status_code >= 500 or await _rows(office, repeat.ignore) != before:
            problems.append(f"{name}: the repeat answered {second.status_code}, changed rows")
    assert problems == [], "\n".join(problems)
