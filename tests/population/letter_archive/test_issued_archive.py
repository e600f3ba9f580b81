"""The archive lists the letters the village issued, filtered and searched, with a CSV download
that is audited and holds only what the filter chose."""

from __future__ import annotations

import csv
import io

from core.audit.tables import AuditEntry


async def test_the_archive_lists_issued_letters_with_signer_and_pdf_link(kampung, signed_letter):
    village = await kampung.village()
    signed = await signed_letter(village, "3527014506900001", "Siti Aminah")
    draft = await signed_letter(village, "3527014506900002", "Moh. Rofi", sign=False)
    viewer = await kampung.login("village_operator", village)
    page = await viewer.get(f"{village.url}/arsip-surat")
    assert page.status_code == 200
    assert "Siti Aminah" in page.text and "Moh. Rofi" in page.text
    assert f"/surat/{signed}/pdf" in page.text and f"/surat/{draft}/pdf" not in page.text
    assert 'data-label="Penanda tangan"' in page.text

    only_signed = await viewer.get(f"{village.url}/arsip-surat?status=ditandatangani")
    assert "Siti Aminah" in only_signed.text and "Moh. Rofi" not in only_signed.text
    searched = await viewer.get(f"{village.url}/arsip-surat?q=rofi")
    assert "Moh. Rofi" in searched.text and "Siti Aminah" not in searched.text
    by_nik = await viewer.get(f"{village.url}/arsip-surat?q=3527014506900001")
    assert "Siti Aminah" in by_nik.text and "Moh. Rofi" not in by_nik.text
    other_year = await viewer.get(f"{village.url}/arsip-surat?tahun=2001&bulan=3")
    assert "Siti Aminah" not in other_year.text


async def test_the_csv_download_holds_the_filtered_letters_and_is_audited(kampung, signed_letter):
    village = await kampung.village()
    await signed_letter(village, "3527014506900001", "Siti Aminah")
    await signed_letter(village, "3527014506900002", "=HYPERLINK(1)", sign=False)
    viewer = await kampung.login("village_operator", village)
    response = await viewer.get(f"{village.url}/arsip-surat/unduh")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][0] == "Nomor" and len(rows) == 3
    assert "'=HYPERLINK(1)" in [row[3] for row in rows]
    filtered = await viewer.get(f"{village.url}/arsip-surat/unduh?status=ditandatangani")
    assert len(list(csv.reader(io.StringIO(filtered.text)))) == 2
    async with kampung.scope(village.code):
        exports = await AuditEntry.count().where(AuditEntry.entity == "letter_archive")
    assert exports == 2


async def test_another_village_letters_never_show_in_the_archive(kampung, signed_letter):
    village = await kampung.village()
    other = await kampung.village(1)
    await signed_letter(other, "3527014506900009", "Orang Lain")
    viewer = await kampung.login("village_operator", village)
    page = await viewer.get(f"{village.url}/arsip-surat")
    assert page.status_code == 200 and "Orang Lain" not in page.text
    download = await viewer.get(f"{village.url}/arsip-surat/unduh")
    assert "Orang Lain" not in download.text
