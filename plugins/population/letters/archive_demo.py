"""Demo mail book: the incoming and outgoing letters a village office logs in a month, each under
its classification code, so the archive's two books have something to search and correct."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core import DemoContext
from core.localtime import local_today
from plugins.population.letters.archive_mail import parse_mail_form, record_mail

_INCOMING = (
    (12, "470", "470/1021/435.102/2026", "Dinas Kependudukan dan Pencatatan Sipil",
     "Jadwal perekaman KTP-el keliling", "Perekaman di balai desa untuk warga wajib KTP.",
     "Sekretaris Desa"),
    (6, "005", "005/214/435.301/2026", "Camat",
     "Undangan rapat koordinasi kepala desa", "Rapat di kantor kecamatan pukul 09.00.",
     "Kepala Desa"),
    (2, "474.1", "474.1/77/2026", "Puskesmas",
     "Laporan kelahiran bulan lalu", "Tiga kelahiran di wilayah desa.", "Kasi Pemerintahan"),
)  # fmt: skip
_OUTGOING = (
    (10, "470", "470/045/2026", "Dinas Kependudukan dan Pencatatan Sipil",
     "Rekapitulasi mutasi penduduk", "Laporan bulanan mutasi penduduk desa."),
    (4, "005", "005/046/2026", "Ketua RW se-desa",
     "Undangan musyawarah desa", "Musyawarah penyusunan RKPDes di balai desa."),
)  # fmt: skip


async def demo_mail(context: DemoContext) -> None:
    operator = context.users.get("village_operator")
    if not operator:
        return
    today, now = local_today(), datetime.now(UTC)
    for days_ago, code, number, sender, subject, summary, disposed_to in _INCOMING:
        day = (today - timedelta(days=days_ago)).isoformat()
        form = {
            "tanggal": day,
            "kode_klasifikasi": code,
            "nomor_surat": number,
            "tanggal_surat": day,
            "pihak": sender,
            "perihal": subject,
            "ringkasan": summary,
            "disposisi_kepada": disposed_to,
        }
        await _record(context, "masuk", form, operator, now)
    for days_ago, code, number, recipient, subject, summary in _OUTGOING:
        day = (today - timedelta(days=days_ago)).isoformat()
        form = {
            "tanggal": day,
            "kode_klasifikasi": code,
            "nomor_surat": number,
            "tanggal_surat": day,
            "pihak": recipient,
            "perihal": subject,
            "ringkasan": summary,
        }
        await _record(context, "keluar", form, operator, now)


async def _record(
    context: DemoContext, direction: str, form: dict[str, str], actor: str, now: datetime
) -> None:
    parsed = parse_mail_form(direction, form, correction=False)
    if parsed.errors:  # the demo's own rows are valid; a change to the form's rules shows here
        raise ValueError(f"demo mail entry refused: {parsed.errors}")
    await record_mail(context.kernel, context.village, direction, parsed.values, {}, actor, now)
