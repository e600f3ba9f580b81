"""The operator's path on a phone, as issue 10 asks: sign in, register a resident with a photo,
take a one-door service request for them, draft a letter, preview it, have the secretary review
it and the head sign it with their own password, then open the signed PDF and its QR link.

Every step is a click or a form fill in the browser; people change by signing out with the
header's own button. The walk fails on any console error or answer of 400 or more.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

from tests.browser.walks import VILLAGE, Demo, Tab, pdf_links, small_jpeg

NAME = "SITI RAHMAWATI PERAMBAN"
PURPOSE = "Persyaratan melamar pekerjaan di Surabaya"
WALK_SECONDS = 60


def new_nik() -> str:
    """A NIK of Kecamatan Sreseh for a woman born 15-05-1999, with a serial the demo never uses
    (its own end in 01xx), so the walk may run again on the same demo."""
    return f"352701550599{random.randrange(5000, 10000):04d}"


def register_resident(tab: Tab, nik: str, photo: Path) -> str:
    """Penduduk → Tambah penduduk → the form → the saved resident's page → its photo."""
    page = tab.menu("Penduduk", f"**{VILLAGE}/penduduk")
    tab.click(page.get_by_role("link", name="Tambah penduduk"), f"**{VILLAGE}/penduduk/baru")
    form = page.locator("main form")
    form.get_by_label("NIK", exact=False).first.fill(nik)
    form.get_by_label("Nama lengkap").fill(NAME)
    form.get_by_label("Jenis kelamin").select_option(label="Perempuan")
    form.get_by_label("Tempat lahir").fill("Sampang")
    form.get_by_label("Tanggal lahir").fill("1999-05-15")
    form.get_by_label("Kewarganegaraan").select_option(label="WNI")
    form.get_by_label("Status perkawinan").select_option(label="Belum Kawin")
    form.get_by_label("Agama").select_option(label="Islam")
    form.get_by_label("Pekerjaan").select_option(label="Wiraswasta")
    form.get_by_label("Dusun").fill("TEMOR")
    form.get_by_label("RW").fill("002")
    form.get_by_label("RT").fill("001")
    form.get_by_label("Alamat", exact=True).fill("Jl. Raya Noreh 5")
    tab.click(form.get_by_role("button", name="Simpan"), re.compile(rf"{VILLAGE}/penduduk/\d+$"))
    main = page.locator("main")
    assert main.locator("h1", has_text=NAME).is_visible()
    assert nik in main.inner_text()
    resident_page = tab.path()
    upload = main.locator(".resident-photo input[type=file]")
    assert upload.count() == 1, f"the resident's page {resident_page} offers no photo upload"
    upload.set_input_files(photo)
    tab.click(main.get_by_role("button", name="Simpan foto"), f"**{resident_page}")
    # The picture loads after the page does: wait for it, up to the usual timeout.
    shown = page.wait_for_function(
        "() => [...document.querySelectorAll('main .resident-photo img')]"
        ".some(image => image.complete && image.naturalWidth > 0)"
    )
    assert shown.json_value(), "the saved resident's page shows no photo"
    return tab.path()


def request_service(tab: Tab, nik: str, photo: Path) -> None:
    """Layanan → Permohonan baru → KTP-el, taken at the counter with the family card's photo."""
    page = tab.menu("Layanan", f"**{VILLAGE}/layanan")
    tab.click(page.get_by_role("link", name="Permohonan baru"), f"**{VILLAGE}/layanan/baru")
    page.locator("main form").get_by_label("Jenis layanan").select_option(label="KTP-el")
    tab.click(page.get_by_role("button", name="Lanjut"), "**/layanan/baru?kind=ktp_el")
    form = page.locator("main form")
    form.get_by_label("NIK warga yang dilayani").fill(nik)
    form.get_by_label("Nama pemohon").fill(NAME)
    form.get_by_label("Kartu Keluarga (KK)").set_input_files(photo)
    tab.click(form.get_by_role("button", name="Ajukan"), re.compile(rf"{VILLAGE}/layanan/\d+$"))
    main = page.locator("main")
    assert main.locator("h1", has_text="KTP-el").is_visible()
    assert NAME in main.inner_text()
    assert main.get_by_role("link", name=photo.name).is_visible(), "the upload is listed"


def draft_letter(tab: Tab, nik: str) -> str:
    """Surat → Susun surat baru → Surat Keterangan Domisili for the new resident → the draft."""
    page = tab.menu("Surat", f"**{VILLAGE}/surat")
    tab.click(page.get_by_role("link", name="Susun surat baru"), f"**{VILLAGE}/surat/baru")
    form = page.locator("main form")
    form.get_by_label("Jenis surat").select_option(label="Surat Keterangan Domisili")
    form.get_by_label("NIK penduduk").fill(nik)
    tab.click(form.get_by_role("button", name="Lanjut"), "**/surat/baru?jenis=domisili*")
    form = page.locator("main form")
    form.get_by_label("Keperluan").fill(PURPOSE)
    tab.click(form.get_by_role("button", name="Simpan draf"), re.compile(r"/surat/\d+$"))
    main = page.locator("main")
    assert main.get_by_text("Draf", exact=True).first.is_visible()
    assert NAME in main.inner_text() and PURPOSE in main.inner_text()
    return tab.path()


def open_letter(tab: Tab, letter: str) -> Any:
    """Surat → the letter's row in the list."""
    page = tab.menu("Surat", f"**{VILLAGE}/surat")
    return tab.click(page.locator(f'main table a[href="{letter}"]'), f"**{letter}")


def test_the_operator_registers_a_resident_and_their_letter_is_reviewed_and_signed(
    demo: Demo, phone: Any, tmp_path: Path
) -> None:
    started = time.monotonic()
    tab = phone()
    page = tab.page
    nik = new_nik()
    photo = small_jpeg(tmp_path, "pas-foto.jpg", (182, 128, 96))
    family_card = small_jpeg(tmp_path, "kk.jpg", (230, 230, 220))

    tab.sign_in(demo.login("village_operator").username, demo.password)
    assert tab.path() == VILLAGE
    register_resident(tab, nik, photo)
    request_service(tab, nik, family_card)
    letter = draft_letter(tab, nik)
    tab.open_pdf(page.get_by_role("link", name="Pratinjau draf"))
    tab.sign_out()

    tab.sign_in(demo.login("village_secretary").username, demo.password)
    open_letter(tab, letter)
    tab.click(page.get_by_role("button", name="Setujui pemeriksaan"), f"**{letter}")
    assert page.locator("main").get_by_text("Diperiksa sekretaris").first.is_visible()
    tab.sign_out()

    tab.sign_in(demo.login("village_head").username, demo.password)
    open_letter(tab, letter)
    tab.click(page.get_by_role("link", name="Tandatangani"), f"**{letter}/tandatangani")
    form = page.locator("main form", has=page.locator("input[type=password]"))
    head = form.get_by_label("Penanda tangan").locator("option", has_text="Kepala Desa")
    form.get_by_label("Penanda tangan").select_option(value=head.get_attribute("value"))
    form.get_by_label("Kata sandi Anda").fill(demo.password)
    tab.click(form.get_by_role("button", name="Ya, tandatangani"), f"**{letter}")
    main = page.locator("main")
    assert main.get_by_text("Ditandatangani", exact=True).first.is_visible()
    number = re.search(r"\d{3}/\d{3}/\d+/[IVX]+/\d{4}", main.inner_text())
    assert number, "the signed letter shows its number"

    signed = main.get_by_role("link", name="Unduh PDF bertanda tangan")
    tab.open_pdf(signed)
    links = [u for u in pdf_links(tab.pdf_bytes(str(signed.get_attribute("href")))) if "verif" in u]
    assert len(links) == 1, "the signed PDF's QR code carries one verification link"
    assert links[0].startswith(demo.url + "/"), (
        f"the QR code points at {links[0]}, not at the demo serving the letter ({demo.url})"
    )
    page.goto(links[0])
    page.wait_for_load_state("networkidle")
    verified = page.locator("main").inner_text()
    assert number.group(0) in verified and NAME in verified

    assert tab.problems == []
    assert time.monotonic() - started < WALK_SECONDS
