"""The information list: entries classified as UU 14/2008 says, exempt ones with their
consequence test and never served, and files only ever sent as downloads of their real type."""

from __future__ import annotations

import io
import re
import secrets

import openpyxl

from core.testing.harness import csrf_ready
from plugins.public_info.tables import InfoDocument

OFFICER = "public_info_officer"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def entry(**changes: str) -> dict[str, str]:
    values = {
        "title": "Laporan realisasi APBDes semester I 2026",
        "summary": "Realisasi pendapatan dan belanja desa Januari sampai Juni.",
        "category": "berkala",
        "owner": "Kaur Keuangan",
        "produced_on": "2026-07-15",
        "retention_years": "10",
        "idempotency_key": secrets.token_urlsafe(12),
    }
    values.update(changes)
    return values


async def _add(client, village, data, file=None):
    files = {"file": file} if file else {"file": ("", b"", "application/octet-stream")}
    return await client.post(f"{village.url}/ppid/dip/baru", data=data, files=files)


async def _only_document(kampung, village):
    async with kampung.scope(village.code):
        return await InfoDocument.select().first()


async def test_a_periodic_entry_is_listed_and_downloaded_as_an_attachment(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    added = await _add(officer, village, entry(), ("laporan.pdf", PDF, "application/pdf"))
    assert added.status_code == 303, added.text[:600]
    row = await _only_document(kampung, village)
    listing = await kampung.client().get(f"{village.url}/situs/informasi")
    assert listing.status_code == 200
    assert "Laporan realisasi APBDes semester I 2026" in listing.text
    assert "Kaur Keuangan" in listing.text and "retensi 10 tahun" in listing.text
    got = await kampung.client().get(f"{village.url}/situs/informasi/{row['id']}/unduh")
    assert got.status_code == 200
    assert got.content == PDF
    assert got.headers["content-type"].startswith("application/pdf")
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in got.headers["content-security-policy"]


async def test_the_type_is_read_from_the_bytes_not_the_name(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    await _add(officer, village, entry(), ("halaman.html", PDF, "text/html"))
    row = await _only_document(kampung, village)
    got = await kampung.client().get(f"{village.url}/situs/informasi/{row['id']}/unduh")
    assert got.headers["content-type"].startswith("application/pdf")
    assert got.headers["content-disposition"].startswith("attachment;")


async def test_a_spreadsheet_is_recognised_as_xlsx(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    book = openpyxl.Workbook()
    book.active.append(["Bidang", "Anggaran"])
    buffer = io.BytesIO()
    book.save(buffer)
    added = await _add(officer, village, entry(), ("apbdes.xlsx", buffer.getvalue(), "x/y"))
    assert added.status_code == 303
    row = await _only_document(kampung, village)
    assert row["content_type"].endswith("spreadsheetml.sheet")


async def test_markup_and_unknown_files_are_refused(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    for name, data in (
        ("peta.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("laporan.pdf", b"<html><script>alert(1)</script></html>"),
        ("data.csv", b"  <script>alert(1)</script>"),
        ("program.exe", b"MZ\x90\x00"),
    ):
        refused = await _add(officer, village, entry(), (name, data, "application/pdf"))
        assert refused.status_code == 422, name
        assert "Jenis berkas tidak diterima" in refused.text
        assert 'value="Laporan realisasi APBDes semester I 2026"' in refused.text
    async with kampung.scope(village.code):
        assert await InfoDocument.count() == 0


async def test_a_file_over_ten_megabytes_is_refused(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    big = PDF + b"0" * (10 * 1024 * 1024)
    refused = await _add(officer, village, entry(), ("besar.pdf", big, "application/pdf"))
    assert refused.status_code in (413, 422)
    async with kampung.scope(village.code):
        assert await InfoDocument.count() == 0


async def test_an_exempt_entry_needs_its_consequence_test(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    refused = await _add(officer, village, entry(category="dikecualikan"))
    assert refused.status_code == 422
    assert "Pilih dasar pengecualian (Pasal 17)." in refused.text
    assert "Uraikan akibat yang timbul bila informasi ini dibuka." in refused.text
    assert "lebih melindungi kepentingan publik" in refused.text


async def test_an_exempt_entry_is_listed_with_its_test_and_never_served(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    exempt = entry(
        title="Data rekening penerima bantuan",
        category="dikecualikan",
        exemption="17h",
        consequence="Membuka nomor rekening warga memudahkan penipuan.",
        public_interest="Perlindungan data pribadi penerima lebih besar manfaatnya.",
    )
    with_file = await _add(officer, village, exempt, ("rekening.pdf", PDF, "application/pdf"))
    assert with_file.status_code == 422
    assert "Informasi yang dikecualikan tidak diunggah ke situs." in with_file.text
    assert (await _add(officer, village, exempt)).status_code == 303
    row = await _only_document(kampung, village)
    assert row["stored_name"] == ""
    listing = await kampung.client().get(f"{village.url}/situs/informasi")
    section = listing.text.split('id="dip-dikecualikan"')[1]
    assert "Data rekening penerima bantuan" in section
    assert "memudahkan penipuan" in section and "rahasia pribadi" in section
    assert f"/informasi/{row['id']}/unduh" not in listing.text
    got = await kampung.client().get(f"{village.url}/situs/informasi/{row['id']}/unduh")
    assert got.status_code == 404


async def test_information_on_request_and_withdrawn_entries_are_not_downloadable(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    on_request = entry(title="Notulen musyawarah desa 2026", category="setiap_saat")
    await _add(officer, village, on_request, ("notulen.pdf", PDF, "application/pdf"))
    await _add(officer, village, entry(), ("laporan.pdf", PDF, "application/pdf"))
    async with kampung.scope(village.code):
        rows = {r["category"]: r["id"] for r in await InfoDocument.select()}
    visitor = kampung.client()
    url = f"{village.url}/situs/informasi/{{}}/unduh"
    assert (await visitor.get(url.format(rows["setiap_saat"]))).status_code == 404
    withdrawn = await officer.post(f"{village.url}/ppid/dip/{rows['berkala']}/tarik")
    assert withdrawn.status_code == 303
    assert (await visitor.get(url.format(rows["berkala"]))).status_code == 404
    listing = await visitor.get(f"{village.url}/situs/informasi")
    assert "Notulen musyawarah desa 2026" in listing.text
    assert "Laporan realisasi APBDes" not in listing.text


async def test_a_retried_entry_is_added_once(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    data = entry()
    for _ in range(2):
        assert (await _add(officer, village, data)).status_code == 303
    async with kampung.scope(village.code):
        assert await InfoDocument.count() == 1


async def test_a_bad_date_and_retention_are_named(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    refused = await _add(officer, village, entry(produced_on="15/07/2026", retention_years="0"))
    assert refused.status_code == 422
    assert "Tanggal informasi diisi dengan format TTTT-BB-HH." in refused.text
    assert re.search(r"Masa retensi berupa bilangan bulat 1 sampai 100 tahun", refused.text)


async def test_only_the_ppid_manages_the_list(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/ppid/dip")).status_code == 403
    visitor = kampung.client()
    await csrf_ready(visitor)
    assert (await _add(visitor, village, entry())).status_code in (401, 303, 302)
    async with kampung.scope(village.code):
        assert await InfoDocument.count() == 0


async def test_the_ppid_downloads_a_file_of_information_on_request(kampung) -> None:
    village = await kampung.village()
    officer = await kampung.login(OFFICER, village)
    on_request = entry(title="Notulen musyawarah desa 2026", category="setiap_saat")
    await _add(officer, village, on_request, ("notulen.pdf", PDF, "application/pdf"))
    row = await _only_document(kampung, village)
    got = await officer.get(f"{village.url}/ppid/dip/{row['id']}/berkas")
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["cache-control"] == "private, no-store"
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/ppid/dip/{row['id']}/berkas")).status_code == 403
