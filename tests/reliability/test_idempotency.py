"""Every create that takes an idempotency key stores one record, however often it arrives.

The keyed creates are residents, service requests and letters, each by its page form and its API,
and a citizen's request from the portal. Each is sent twice with one key; sent once more after the
client lost the answer to a request that committed; and sent again after the client went away
halfway through its upload. Every time the village ends up with exactly one record, and a retry
is answered with the record the first request made.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from piccolo.table import Table

from bench.reliability.connections import CutUpload, LostAnswer, through
from bench.reliability.office import Office, open_office, person
from plugins.population.tables import Letter, Resident, ServiceRequest


@dataclass(frozen=True)
class Keyed:
    """A create that takes an idempotency key: who sends what where, and which table grows."""

    name: str
    role: str
    path: str
    body: Callable[[Office], dict[str, Any]]
    table: type[Table]
    encoding: str  # "json", "form" or "multipart"

    def send(self, office: Office, client: httpx.AsyncClient, body: dict[str, Any]) -> Awaitable:
        url = (office.village.api if self.encoding == "json" else office.village.url) + self.path
        if self.encoding == "json":
            return client.post(url, json=body)
        if self.encoding == "multipart":
            files = {"pengantar_rt_rw": ("pengantar.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
            return client.post(url, data=body, files=files)
        return client.post(url, data=body)


def _resident_form(office: Office) -> dict[str, Any]:
    values = person(next(office.serials), nik_checked="1")
    return {key: str(value) for key, value in values.items()}


def _request(office: Office) -> dict[str, Any]:
    return {"kind": "kia", "nik": person(office.first + 1)["nik"], "applicant_name": "Pemohon Uji"}


def _letter(office: Office) -> dict[str, Any]:
    return {
        "kind": "domisili",
        "nik": person(office.first)["nik"],
        "paper": "A4",
        "keperluan": "bekerja",
    }


KEYED = [
    Keyed(
        "resident by API",
        "village_operator",
        "/penduduk",
        lambda office: person(next(office.serials)),
        Resident,
        "json",
    ),
    Keyed(
        "resident by form", "village_operator", "/penduduk/baru", _resident_form, Resident, "form"
    ),
    Keyed("request by API", "village_operator", "/layanan", _request, ServiceRequest, "json"),
    Keyed(
        "request by form",
        "village_operator",
        "/layanan/baru",
        _request,
        ServiceRequest,
        "multipart",
    ),
    Keyed(
        "request by citizen",
        "citizen",
        "/warga/layanan/baru",
        lambda office: {**_request(office), "member": str(office.residents[1])},
        ServiceRequest,
        "multipart",
    ),
    Keyed(
        "letter by API",
        "village_operator",
        "/surat",
        lambda office: {**_letter(office), "fields": {"keperluan": "bekerja"}},
        Letter,
        "json",
    ),
    Keyed("letter by form", "village_operator", "/surat/baru", _letter, Letter, "form"),
]


def answer(response: httpx.Response) -> Any:
    """What a client learns from a create: the record's id (API) or where it is sent (form)."""
    if response.headers.get("content-type", "").startswith("application/json"):
        return response.json()["id"]
    return response.headers.get("location")


async def send_twice(office: Office, create: Keyed) -> str | None:
    client = office.clients[create.role]
    body = {**create.body(office), "idempotency_key": secrets.token_hex(16)}
    before = await office.count(create.table)
    first = await create.send(office, client, body)
    second = await create.send(office, client, body)
    if first.status_code not in (201, 303) or second.status_code not in (200, 303):
        return f"answered {first.status_code}, {second.status_code}: {second.text[:300]}"
    if answer(second) != answer(first):
        return f"the repeat named {answer(second)}, the first {answer(first)}"
    return _grew_by_one(before, await office.count(create.table))


async def retry_after_lost_answer(office: Office, create: Keyed) -> str | None:
    client = office.clients[create.role]
    body = {**create.body(office), "idempotency_key": secrets.token_hex(16)}
    before = await office.count(create.table)
    lost = LostAnswer(office.kampung.app)
    with contextlib.suppress(ConnectionResetError):
        await create.send(office, through(lost, client), body)
    if lost.statuses not in ([201], [303]) or await office.count(create.table) != before + 1:
        return f"the first request did not commit: {lost.statuses}"
    retried = await create.send(office, client, body)
    again = await create.send(office, client, body)
    if retried.status_code not in (200, 303) or answer(again) != answer(retried):
        return f"the retry answered {retried.status_code}: {retried.text[:300]}"
    return _grew_by_one(before, await office.count(create.table))


async def retry_after_cut_upload(office: Office, create: Keyed) -> str | None:
    client = office.clients[create.role]
    body = {**create.body(office), "idempotency_key": secrets.token_hex(16)}
    before = await office.count(create.table)
    with contextlib.suppress(ConnectionResetError):
        await create.send(office, through(CutUpload(office.kampung.app), client), body)
    if await office.count(create.table) != before:
        return "half a request stored a record"
    retried = await create.send(office, client, body)
    again = await create.send(office, client, body)
    if retried.status_code not in (201, 303) or answer(again) != answer(retried):
        return f"the retry answered {retried.status_code}: {retried.text[:300]}"
    return _grew_by_one(before, await office.count(create.table))


def _grew_by_one(before: int, after: int) -> str | None:
    return None if after == before + 1 else f"{after - before} records instead of one"


async def _every_create(kampung: Any, scenario: Callable) -> dict[str, str]:
    office = await open_office(kampung)
    found = {create.name: await scenario(office, create) for create in KEYED}
    return {name: problem for name, problem in found.items() if problem}


async def test_every_keyed_create_sent_twice_with_one_key_stores_one_record(kampung) -> None:
    assert await _every_create(kampung, send_twice) == {}


async def test_every_keyed_create_retried_after_its_answer_was_lost_stores_one_record(
    kampung,
) -> None:
    assert await _every_create(kampung, retry_after_lost_answer) == {}


async def test_every_keyed_create_cut_off_mid_upload_stores_one_record_when_retried(
    kampung,
) -> None:
    assert await _every_create(kampung, retry_after_cut_upload) == {}


async def test_two_villages_may_use_the_same_key_for_their_own_records(kampung) -> None:
    office = await open_office(kampung)
    neighbour = await open_office(kampung, index=40, first=500)
    for create in KEYED:
        for desk in (neighbour, office):
            before = await desk.count(create.table)
            body = {
                **create.body(desk),
                "idempotency_key": "shared-" + create.name.replace(" ", "-"),
            }
            sent = await create.send(desk, desk.clients[create.role], body)
            assert sent.status_code in (201, 303), (create.name, sent.text[:300])
            assert await desk.count(create.table) == before + 1, create.name


CHOSEN_KIND = {
    "/layanan/baru": "?kind=kia",
    "/warga/layanan/baru": "?kind=kia",
    "/surat/baru": "?jenis=domisili",
}
"""A form asks for the kind first; the key comes with the form of the chosen kind."""


async def test_every_keyed_form_hands_out_a_fresh_key_with_each_page(kampung) -> None:
    office = await open_office(kampung)
    for create in KEYED:
        if create.encoding == "json":
            continue
        url = office.village.url + create.path + CHOSEN_KIND.get(create.path, "")
        keys = []
        for _ in range(2):
            page = await office.clients[create.role].get(url)
            found = re.search(r'name="idempotency_key" value="([^"]+)"', page.text)
            assert found is not None, f"{create.name}: the form carries no key"
            keys.append(found.group(1))
        assert keys[0] != keys[1], create.name
