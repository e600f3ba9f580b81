"""The agenda book of incoming and outgoing mail: numbered per year and direction, corrected by
new versions with a reason, scans checked by content, every change and download audited."""

from __future__ import annotations

import csv
import io

from core import DemoContext
from core.audit.tables import AuditEntry
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.letters.archive_demo import demo_mail
from plugins.population.letters.archive_tables import MailEntry, MailVersion

INCOMING = {
    "tanggal": "2026-03-02",
    "nomor_surat": "140/55/434.311/2026",
    "tanggal_surat": "2026-02-27",
    "pihak": "Camat Sreseh",
    "perihal": "Undangan rapat koordinasi",
    "ringkasan": "Rapat di kantor kecamatan",
    "disposisi_kepada": "Sekretaris Desa",
    "disposisi_isi": "Hadiri dan laporkan",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def _record(client, village, direction="masuk", files=None, **values):
    return await client.post(
        f"{village.url}/arsip-surat/{direction}/baru", data={**INCOMING, **values}, files=files
    )


async def test_agenda_numbers_count_per_year_and_direction(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    for values in ({}, {}, {"tanggal": "2027-01-03"}):
        assert (await _record(operator, village, **values)).status_code == 303
    assert (await _record(operator, village, "keluar")).status_code == 303
    async with kampung.scope(village.code):
        rows = await MailEntry.select(
            MailEntry.direction, MailEntry.year, MailEntry.agenda_number
        ).order_by(MailEntry.id)
    assert [(r["direction"], r["year"], r["agenda_number"]) for r in rows] == [
        ("masuk", 2026, 1),
        ("masuk", 2026, 2),
        ("masuk", 2027, 1),
        ("keluar", 2026, 1),
    ]
    page = await operator.get(f"{village.url}/arsip-surat/masuk?tahun=2026")
    assert "2/2026" in page.text and "Camat Sreseh" in page.text and "1/2027" not in page.text


async def test_a_bad_form_names_each_field_and_keeps_what_was_typed(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    response = await _record(operator, village, pihak="", tanggal="kemarin")
    assert response.status_code == 422
    assert "Pengirim wajib diisi." in response.text
    assert "Tanggal diterima harus tanggal yang sah" in response.text
    assert 'value="140/55/434.311/2026"' in response.text
    outgoing = await _record(operator, village, "keluar", pihak="")
    assert "Tujuan wajib diisi." in outgoing.text
    async with kampung.scope(village.code):
        assert await MailEntry.count() == 0


async def test_a_scan_is_checked_by_its_content_and_downloaded_as_attachment(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    fake = await _record(
        operator, village, files={"berkas": ("scan.pdf", b"<html>", "application/pdf")}
    )
    assert (
        fake.status_code == 422 and "Berkas pindaian: hanya berkas JPG, PNG, atau PDF" in fake.text
    )
    done = await _record(
        operator, village, files={"berkas": ("undangan.pdf", PDF, "application/pdf")}
    )
    assert done.status_code == 303
    detail = await operator.get(done.headers["location"])
    assert "undangan.pdf" in detail.text
    scan = await operator.get(done.headers["location"] + "/berkas/1")
    assert scan.status_code == 200 and scan.content == PDF
    assert scan.headers["content-disposition"].startswith("attachment")
    assert scan.headers["x-content-type-options"] == "nosniff"


async def test_a_correction_is_a_new_version_with_its_reason_and_the_first_stays(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    url = (await _record(operator, village)).headers["location"]
    refused = await operator.post(url, data={**INCOMING, "perihal": "Undangan rapat desa"})
    assert refused.status_code == 422 and "Alasan koreksi wajib diisi." in refused.text
    assert 'value="Undangan rapat desa"' in refused.text
    fixed = await operator.post(
        url, data={**INCOMING, "perihal": "Undangan rapat desa", "alasan": "Salah ketik perihal"}
    )
    assert fixed.status_code == 303
    async with kampung.scope(village.code):
        versions = await MailVersion.select().order_by(MailVersion.version)
        audits = await AuditEntry.select(AuditEntry.action).where(AuditEntry.entity == "mail_masuk")
    assert [v["subject"] for v in versions] == ["Undangan rapat koordinasi", "Undangan rapat desa"]
    assert versions[1]["reason"] == "Salah ketik perihal"
    assert sorted(a["action"] for a in audits) == ["create", "update"]
    page = await operator.get(url)
    assert "Salah ketik perihal" in page.text and "Undangan rapat koordinasi" in page.text
    listed = await operator.get(f"{village.url}/arsip-surat/masuk")
    assert "Undangan rapat desa" in listed.text and "Undangan rapat koordinasi" not in listed.text


async def test_the_csv_download_is_audited_and_a_viewer_cannot_record(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    await _record(operator, village, pihak="=cmd()")
    download = await operator.get(f"{village.url}/arsip-surat/masuk/unduh")
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0][0] == "No. agenda" and rows[1][5] == "'=cmd()"
    async with kampung.scope(village.code):
        assert await AuditEntry.count().where(AuditEntry.entity == "letter_archive") == 1
    head = await kampung.login("village_head", village)
    assert (await _record(head, village)).status_code == 403
    assert (await head.get(f"{village.url}/arsip-surat/masuk")).status_code == 200


async def test_a_classification_code_is_filed_listed_exported_and_checked(kampung):
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    refused = await _record(operator, village, kode_klasifikasi="47a")
    assert refused.status_code == 422
    assert "Kode klasifikasi berbentuk tiga angka" in refused.text
    assert 'value="47a"' in refused.text
    assert (await _record(operator, village, kode_klasifikasi="474.1")).status_code == 303
    listed = await operator.get(f"{village.url}/arsip-surat/masuk")
    assert '<td data-label="Kode klasifikasi">474.1</td>' in listed.text
    download = await operator.get(f"{village.url}/arsip-surat/masuk/unduh")
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0][2] == "Kode klasifikasi" and rows[1][2] == "474.1"


async def test_the_demo_logs_mail_both_ways_under_classification_codes(kampung):
    village = await kampung.village()
    row = await Village.select().where(Village.code == village.code).first()
    users = {"village_operator": await kampung.user("village_operator", village.code)}
    context = DemoContext(kampung.kernel, village_tenant(row), seed=1, users=users)
    async with kampung.scope(village.code):
        await demo_mail(context)
        entries = await MailEntry.select(MailEntry.direction, MailEntry.agenda_number)
        codes = await MailVersion.select(MailVersion.classification)
    assert sorted((e["direction"], e["agenda_number"]) for e in entries) == [
        ("keluar", 1),
        ("keluar", 2),
        ("masuk", 1),
        ("masuk", 2),
        ("masuk", 3),
    ]
    assert all(row["classification"] for row in codes)
