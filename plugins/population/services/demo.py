"""Demo requests: one in every state for the demo village, made through the real functions.

They come without files, as at a counter where the applicant shows the paper originals: the
operator records each required original as seen when declaring the request complete.
"""

from __future__ import annotations

import datetime as dt

from core import DemoContext
from plugins.population.services.checklist import ORIGINALS_FIELD
from plugins.population.services.kinds import get_kind
from plugins.population.services.queries import load_request
from plugins.population.services.requests import Submission, submit_request, take_action
from plugins.population.tables import Resident

# Each demo request: its kind and the actions that bring it to the state it shows.
PATHS: tuple[tuple[str, tuple[tuple[str, dict[str, str]], ...]], ...] = (
    ("ktp_el", ()),
    ("kia", (("kembalikan", {"alasan": "Pas foto anak belum dilampirkan."}),)),
    ("kk_perubahan", (("lengkap", {}),)),
    ("akta_kelahiran", (("lengkap", {}), ("teruskan", {}))),
    ("ktp_el", (("lengkap", {}), ("teruskan", {}), ("terima", {}))),
    (
        "ktp_el",
        (
            ("lengkap", {}),
            ("teruskan", {}),
            ("terima", {}),
            ("selesai", {"nomor_dokumen": "KTP-EL/2026/0001"}),
        ),
    ),
    (
        "kia",
        (
            ("lengkap", {}),
            ("teruskan", {}),
            ("terima", {}),
            ("selesai", {"nomor_dokumen": "KIA/2026/0002"}),
            ("serahkan", {}),
        ),
    ),
    (
        "ktp_el",
        (
            ("lengkap", {}),
            ("teruskan", {}),
            ("terima", {}),
            ("selesai", {"nomor_dokumen": "KTP-EL/2026/0003"}),
            ("serahkan", {}),
            ("nilai", {"nilai": "4", "komentar": "Cepat dan ramah."}),
        ),
    ),
    ("kk_baru", (("batalkan", {}),)),
)
STEP = dt.timedelta(hours=20)


async def demo(context: DemoContext) -> None:
    kernel, village = context.kernel, context.village
    residents = (
        await Resident.select(Resident.id, Resident.name, Resident.nik, Resident.family)
        .where(Resident.status == 1)
        .order_by(Resident.id)
        .limit(len(PATHS))
    )
    if not residents:
        return
    operator = context.users.get("village_operator", "operator")
    officer = "dukcapil"
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=12)
    for index, (kind, actions) in enumerate(PATHS):
        person = residents[index % len(residents)]
        details = {}
        if kind == "akta_kelahiran":
            details = {
                "nama_anak": "Bayi Demo",
                "jenis_kelamin_anak": "2",
                "tanggal_lahir_anak": start.date().isoformat(),
            }
        moment = start + dt.timedelta(days=index)
        submission = Submission(
            kind, person["id"], person["name"], person["nik"], "loket", f"demo-{index}", details
        )
        request_id, created = await submit_request(
            kernel, village.code, submission, [], operator, moment
        )
        if not created:
            continue
        for action, payload in actions:
            moment += STEP
            row = await load_request(village.code, request_id)
            assert row is not None
            actor = officer if action in {"terima", "selesai", "kembalikan_ke_desa"} else operator
            if action == "lengkap":
                required = [d.key for d in get_kind(kind).documents if d.required]
                payload = {**payload, ORIGINALS_FIELD: required}
            await take_action(kernel, row, action, payload, actor, moment)
