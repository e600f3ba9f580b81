"""Demo information requests in every state of the lifecycle, one of them past its deadline."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from core import DemoContext
from plugins.public_info.ppid.requests import Filed, file_request, take_action

REQUESTERS = ("Moh. Hasan", "Siti Nurhayati", "LSM Bina Desa Lestari", "Abd. Karim", "Nur Aini")
SUBJECTS = (
    ("Rincian belanja pembangunan jalan dusun", "Memantau pembangunan di dusun kami"),
    ("Salinan Perdes APBDes", "Bahan diskusi kelompok tani"),
    ("Daftar penerima BLT Dana Desa", "Memastikan bantuan tepat sasaran"),
    ("Notulen musyawarah desa terakhir", "Mengetahui keputusan musyawarah"),
    ("Laporan keuangan BUMDes", "Penelitian skripsi"),
)
ANSWER = {"jawaban": "Informasi terlampir dan dikirim lewat surel."}
REFUSAL = {"pengecualian": "17h", "alasan": "Memuat nomor rekening dan NIK penerima."}
PARTLY = {**ANSWER, **REFUSAL}
OBJECTION = {"dasar": "a", "alasan": "Data cukup disamarkan, tidak perlu ditolak seluruhnya."}
EXTENSION = {"alasan": "Dokumen masih di arsip kecamatan"}
UPHELD = {"tanggapan": "Berikan dengan NIK dan nomor rekening disamarkan."}
REJECTED = {"tanggapan": "Pengecualian sudah tepat."}
# (days ago filed, the actions taken, each with the days after filing it was taken)
STORIES: tuple[tuple[int, tuple[tuple[str, dict[str, str], int], ...]], ...] = (
    (1, ()),
    (30, ()),  # past its deadline, never answered
    (12, (("perpanjang", EXTENSION, 8),)),
    (25, (("kabulkan", ANSWER, 5),)),
    (25, (("kabulkan_sebagian", PARTLY, 7),)),
    (20, (("tolak", REFUSAL, 5),)),
    (40, (("tolak", REFUSAL, 6), ("ajukan_keberatan", OBJECTION, 9))),
    (
        80,
        (
            ("tolak", REFUSAL, 6),
            ("ajukan_keberatan", OBJECTION, 9),
            ("terima_keberatan", UPHELD, 20),
        ),
    ),
    (
        80,
        (
            ("tolak", REFUSAL, 4),
            ("ajukan_keberatan", OBJECTION, 8),
            ("tolak_keberatan", REJECTED, 25),
        ),
    ),
)


async def fill_requests(context: DemoContext) -> None:
    rng = random.Random(f"{context.seed}:{context.village.code}:ppid")
    kernel, code, now = context.kernel, context.village.code, datetime.now(UTC)
    for number, (days_ago, actions) in enumerate(STORIES):
        filed_at = now - timedelta(days=days_ago, hours=rng.randint(0, 5))
        information, purpose = rng.choice(SUBJECTS)
        requester = rng.choice(REQUESTERS)
        organisation = requester.startswith("LSM")
        values = {
            "requester_name": requester,
            "identity_kind": "badan_hukum" if organisation else "ktp",
            "identity_number": "AHU-0012345.AH.01.07" if organisation
            else f"3527{rng.randint(10**11, 10**12 - 1)}",
            "address": f"Dusun Krajan RT 00{rng.randint(1, 5)} RW 00{rng.randint(1, 3)}",
            "phone": f"0812{rng.randint(10**7, 10**8 - 1)}",
            "email": f"pemohon{number}@contoh.id",
            "information": information,
            "purpose": purpose,
            "copy_form": "salinan_elektronik",
            "delivery": "email",
            "idempotency_key": "",
        }  # fmt: skip
        filed = await file_request(kernel, code, values, filed_at, f"demo-{number}")
        assert isinstance(filed, Filed)
        for action, payload, after in actions:
            actor = "pemohon" if action == "ajukan_keberatan" else "demo"
            await take_action(
                kernel, filed.id, action, payload, actor=actor,
                now=filed_at + timedelta(days=after),
            )  # fmt: skip
