"""Demo letters: a few in every state, two of them signed by the village's listed head, and one
asked for by a citizen, for residents the demo register holds."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from core import DemoContext
from core.auth.principal import Principal, staff_principal
from plugins.population.letters.requests import request_letter
from plugins.population.letters.service import LetterFormError, create_letter, take_action
from plugins.population.letters.signatories import save_signatory
from plugins.population.tables import Resident

_DEMO_FIELDS = {
    "keperluan": "melengkapi persyaratan administrasi",
    "usaha.nama": "Warung Berkah",
    "usaha.jenis": "Toko kelontong",
    "usaha.alamat": "Jalan Raya Desa",
    "usaha.sejak": "2019",
}
_PLAN = (
    ("domisili", ()),
    ("usaha", ("periksa",)),
    ("tidak_mampu", ("kembalikan",)),
    ("belum_menikah", ("batalkan",)),
    ("pengantar_skck", ("periksa", "tandatangani")),
    ("domisili", ("periksa", "tandatangani")),
)


async def _principal(username: str | None, role: str, village_code: str) -> Principal | None:
    return await staff_principal(username, role, village_code) if username else None


async def demo_letters(context: DemoContext) -> None:
    village = context.village
    residents = await Resident.select().where(Resident.status == 1).limit(10)
    operator = context.users.get("village_operator")
    if not residents or not operator:
        return
    staff = {
        "periksa": await _principal(
            context.users.get("village_secretary"), "village_secretary", village.code
        ),
        "tandatangani": await _principal(
            context.users.get("village_head"), "village_head", village.code
        ),
        "batalkan": await _principal(operator, "village_operator", village.code),
    }
    staff["kembalikan"] = staff["periksa"]
    chooser = random.Random(context.seed)
    now = datetime.now(UTC)
    head_id = await _demo_signatories(context, now)
    for index, (kind, actions) in enumerate(_PLAN):
        if any(staff[action] is None for action in actions):
            continue
        resident = chooser.choice(residents)
        values = {
            "kind": kind,
            "nik": resident["nik"],
            "paper": "F4" if index % 2 else "A4",
            "idempotency_key": f"demo-{village.code}-{index}",
            **_DEMO_FIELDS,
        }
        try:
            draft = await create_letter(context.kernel, village, operator, values, now)
        except LetterFormError:
            continue
        for action in actions:
            actor = staff[action]
            assert actor is not None
            payload = {
                "kembalikan": {"alasan": "Keperluan surat kurang jelas."},
                "tandatangani": {"penanda_tangan": str(head_id)},
            }.get(action, {})
            await take_action(
                context.kernel,
                village,
                actor,
                draft.letter_id,
                action,
                payload,
                now,
                unattended=True,
            )
    requester = chooser.choice(residents)
    await request_letter(
        context.kernel,
        village,
        requester,
        [requester],
        {
            "member": str(requester["id"]),
            "kind": "usaha",
            "keperluan": "pengajuan pinjaman modal usaha",
            "idempotency_key": f"demo-{village.code}-minta",
        },
        now,
    )


async def _demo_signatories(context: DemoContext, now: datetime) -> int:
    """The head and the secretary as the village's signatories; returns the head's id."""
    village = context.village
    head = await save_signatory(
        context.kernel,
        village,
        "demo",
        {
            "name": "Moh. Hasan",
            "position": f"Kepala {village.local_word} {village.display_name}",
            "active": "1",
        },
        now,
    )
    await save_signatory(
        context.kernel,
        village,
        "demo",
        {
            "name": "Abd. Rahman",
            "nip": "197805122006041012",
            "position": "Sekretaris Desa",
            "active": "1",
        },
        now,
    )
    return head
