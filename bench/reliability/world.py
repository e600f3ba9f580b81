"""Three onboarded villages with rows of every kind, made over HTTP as staff would make them.

Every value a village keeps private (NIKs, names, KK numbers, letter numbers and verification
tokens, file names) is collected, so an attack can check that no other village's secret comes back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import httpx

from core.auth.tables import RoleGrant
from core.localtime import local_today
from core.testing.harness import TEST_PASSWORD, Harness, VillageRef
from plugins.population.register.events import record_event
from plugins.population.register.families import FamilyInput, create_family
from plugins.population.register.status import MOVE_OUT
from plugins.population.tables import Letter, ServiceDocument

VILLAGE_INDEXES = (0, 40, 80)
"""Villages in three different districts, so a district viewer owns exactly one of them."""
TOKENS = ("Kusumalfa", "Kusumabrav", "Kusumacarli")
"""A made-up surname per village: it appears only in that village's rows."""
VILLAGE_ROLES = ("village_admin", "village_operator", "village_secretary", "village_head")
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@dataclass
class Place:
    """One village of the world: its reference, its row ids and its private values."""

    ref: VillageRef
    district_slug: str
    ids: dict[str, list[int]] = field(default_factory=dict)
    secrets: set[str] = field(default_factory=set)
    letter_tokens: list[str] = field(default_factory=list)


@dataclass
class Actor:
    """A signed-in staff member and the villages whose data they may legitimately see."""

    role: str
    home: int
    client: httpx.AsyncClient
    sees: frozenset[int]


@dataclass
class World:
    kampung: Harness
    places: list[Place]
    actors: list[Actor]
    fingerprints: dict[int, str] = field(default_factory=dict)
    """The last hash taken of each village's rows (see `bench.reliability.attacks`)."""

    def foreign_secrets(self, actor: Actor) -> set[str]:
        """Values of villages the actor may not see, minus any the actor's villages share."""
        mine: set[str] = set()
        for index in actor.sees:
            mine |= self.places[index].secrets
        other: set[str] = set()
        for index, place in enumerate(self.places):
            if index not in actor.sees:
                other |= place.secrets
        return other - mine


def nik(village: int, serial: int) -> str:
    """A structurally valid NIK of a man born 14-05-1990 (region 35.27.01), unique per village."""
    return f"352701140590{village}{serial:03d}"


def kk_number(village: int, serial: int) -> str:
    return f"352701120120{village}{serial:03d}"


async def build_world(kampung: Harness, residents: int = 4) -> World:
    """Onboard three villages and fill each, then sign in one user of every role in each."""
    places: list[Place] = []
    for index, village_index in enumerate(VILLAGE_INDEXES):
        ref = await kampung.village(village_index)
        place = Place(ref, await kampung.district_slug(ref.district_code))
        await _fill(kampung, place, index, residents)
        places.append(place)
    assert len({p.ref.district_code for p in places}) == len(places)
    actors = []
    for index, place in enumerate(places):
        for role in VILLAGE_ROLES:
            client = await kampung.login(role, place.ref)
            actors.append(Actor(role, index, client, frozenset({index})))
        viewer = await kampung.login("district_viewer", place.ref.district_code)
        actors.append(Actor("district_viewer", index, viewer, frozenset({index})))
    return World(kampung, places, actors)


async def register_resident(world: World, index: int) -> None:
    """The village's operator registers one more resident, whose values become its secrets."""
    place = world.places[index]
    operator = next(a for a in world.actors if a.home == index and a.role == "village_operator")
    serial = len(place.ids["resident_id"]) + 1
    body = _resident_body(index, serial, TOKENS[index], "")
    response = await operator.client.post(place.ref.api + "/penduduk", json=body)
    assert response.status_code == 201, response.text
    place.ids["resident_id"].append(response.json()["id"])
    place.secrets |= {body["nik"], body["name"]}
    world.fingerprints.pop(index, None)


async def _fill(kampung: Harness, place: Place, index: int, residents: int) -> None:
    ref, token = place.ref, TOKENS[index]
    operator = await kampung.login("village_operator", ref)
    secretary = await kampung.login("village_secretary", ref)
    head = await kampung.login("village_head", ref)
    family = kk_number(index, 1)
    async with kampung.scope(ref.code):
        family_id = await create_family(
            kampung.kernel, ref.code, "seed", FamilyInput(family, f"Jalan {token} 1")
        )
    place.ids["family_id"] = [family_id]
    place.secrets |= {family, f"Jalan {token} 1"}
    place.ids["resident_id"] = []
    for serial in range(1, residents + 1):
        body = _resident_body(index, serial, token, family if serial <= 2 else "")
        response = await operator.post(ref.api + "/penduduk", json=body)
        assert response.status_code == 201, response.text
        place.ids["resident_id"].append(response.json()["id"])
        place.secrets |= {body["nik"], body["name"]}
    async with kampung.scope(ref.code):
        event_id = await record_event(
            kampung.kernel,
            ref.code,
            "seed",
            place.ids["resident_id"][-1],
            MOVE_OUT,
            local_today(),
            local_today(),
            {"destination_kind": "kabupaten", "destination": f"Dusun {token}pindah"},
        )
    place.ids["event_id"] = [event_id]
    place.secrets.add(f"Dusun {token}pindah")
    await _fill_requests(operator, place, index, token)
    await _fill_letters(operator, secretary, head, place, index)
    async with kampung.scope(ref.code):
        letters = await Letter.select(Letter.verify_token).where(Letter.village_code == ref.code)
        documents = await ServiceDocument.select(ServiceDocument.id).where(
            ServiceDocument.village_code == ref.code
        )
        grants = await RoleGrant.select(RoleGrant.user).where(RoleGrant.scope_code == ref.code)
    place.letter_tokens = [row["verify_token"] for row in letters]
    place.ids["document_id"] = [row["id"] for row in documents]
    place.ids["user_id"] = sorted({row["user"] for row in grants})


def _resident_body(index: int, serial: int, token: str, family: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "nik": nik(index, serial),
        "name": f"Warga{'abcdefgh'[serial % 8]} {token}",
        "sex": 1,
        "birth_place": "Sampang",
        "birth_date": "1990-05-14",
        "citizenship": 1,
        "religion": 1,
        "marital_status": 2,
        "occupation": 9,
        "address": f"Jalan {token} {serial}",
        "dusun": "Krajan",
        "rw": "1",
        "rt": "2",
        "nik_checked": True,
        "idempotency_key": secrets.token_hex(16),
    }
    if family:
        body |= {"kk_number": family, "relationship": 1 if family and serial == 1 else 3}
    return body


async def _fill_requests(operator: httpx.AsyncClient, place: Place, index: int, token: str) -> None:
    ref = place.ref
    applicant = f"Pemohon {token}"
    response = await operator.post(
        ref.url + "/layanan/baru",
        data={
            "kind": "ktp_el",
            "idempotency_key": secrets.token_hex(16),
            "nik": nik(index, 1),
            "applicant_name": applicant,
        },
        files={"dok_kk": (f"kk-{token}.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 303, response.text[:500]
    first = int(response.headers["location"].rsplit("/", 1)[1])
    second = await operator.post(
        ref.api + "/layanan",
        json={
            "kind": "kia",
            "idempotency_key": secrets.token_hex(16),
            "nik": nik(index, 2),
            "applicant_name": applicant,
        },
    )
    assert second.status_code == 201, second.text
    place.ids["request_id"] = [first, second.json()["id"]]
    place.secrets |= {applicant, f"kk-{token}.pdf"}


async def _fill_letters(
    operator: httpx.AsyncClient,
    secretary: httpx.AsyncClient,
    head: httpx.AsyncClient,
    place: Place,
    index: int,
) -> None:
    ref = place.ref
    ids = []
    for serial in (1, 2):
        response = await operator.post(
            ref.api + "/surat",
            json={
                "kind": "domisili",
                "nik": nik(index, serial),
                "paper": "A4",
                "fields": {"keperluan": "melamar pekerjaan"},
                "idempotency_key": secrets.token_hex(16),
            },
        )
        assert response.status_code in (200, 201), response.text
        ids.append(response.json()["id"])
    checked = await secretary.post(f"{ref.api}/surat/{ids[0]}/aksi/periksa", json={})
    assert checked.status_code == 200, checked.text
    signed = await head.post(
        f"{ref.api}/surat/{ids[0]}/aksi/tandatangani", json={"kata_sandi": TEST_PASSWORD}
    )
    assert signed.status_code == 200, signed.text
    place.ids["letter_id"] = ids
    place.secrets.add(signed.json()["number"])
