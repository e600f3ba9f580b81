"""A demo information list: periodic, immediate, on request, and one exempt entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core import DemoContext
from plugins.public_info.dip.documents import add_document
from plugins.public_info.uploads import CheckedFile

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ENTRIES = (
    ("Peraturan Desa tentang APBDes", "berkala", "Sekretaris Desa", 10, True),
    ("Laporan realisasi APBDes semester I", "berkala", "Kaur Keuangan", 10, True),
    ("Peringatan dini banjir rob", "serta_merta", "Kasi Pemerintahan", 2, True),
    ("Notulen musyawarah desa", "setiap_saat", "Sekretaris Desa", 5, False),
    ("Data rekening penerima bantuan langsung tunai", "dikecualikan", "Kaur Keuangan", 5, False),
)


async def fill_information_list(context: DemoContext) -> None:
    now = datetime.now(UTC)
    for index, (title, category, owner, years, with_file) in enumerate(ENTRIES):
        exempt = category == "dikecualikan"
        fields = {
            "title": title,
            "summary": f"{title} {context.village.local_word} {context.village.display_name}.",
            "category": category,
            "owner": owner,
            "produced_on": (now - timedelta(days=30 * (index + 1))).date(),
            "retention_years": years,
            "exemption": "17h" if exempt else "",
            "consequence": "Membuka nomor rekening warga memudahkan penipuan." if exempt else "",
            "public_interest": "Perlindungan data pribadi lebih besar manfaatnya."
            if exempt
            else "",
            "exempt_until": None,
        }
        checked = CheckedFile(f"{title.lower().replace(' ', '-')}.pdf", "application/pdf",
                              ".pdf", PDF) if with_file else None  # fmt: skip
        await add_document(
            context.kernel, context.village.code, fields, checked,
            actor="demo", now=now, key="",
        )  # fmt: skip
