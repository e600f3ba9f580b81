"""The citizen's path on a phone, as issue 10 asks: sign in with the NIK and PIN the demo prints,
find the request the village returned, read why, fix it and send it again with the missing
document, then ask for a village letter; the operator then finds that letter in their queue.

Every step is a click or a form fill; the walk fails on any console error or answer of 400 or
more.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from plugins.population.portal.demo import RETURN_REASON
from tests.browser.walks import VILLAGE, Demo, small_jpeg

NOTE = "Foto KK sudah saya ganti dengan yang lebih jelas."
PURPOSE = "Mendaftar sekolah anak di Sampang"
WALK_SECONDS = 60


def test_the_citizen_fixes_a_returned_request_and_asks_for_a_letter(
    demo: Demo, phone: Any, tmp_path: Path
) -> None:
    started = time.monotonic()
    citizen = demo.login("citizen")
    assert citizen.secret, "kampung demo prints the citizen's PIN"
    tab = phone()
    page = tab.open(citizen.home)
    form = page.locator("main form")
    form.get_by_label("NIK").fill(citizen.username)
    form.get_by_label("PIN").fill(citizen.secret)
    tab.click(form.get_by_role("button", name="Masuk"), f"**{VILLAGE}/warga")

    returned = page.locator("main li", has_text="Dikembalikan ke pemohon")
    assert returned.count() == 1, "the home shows the returned request"
    tab.click(
        returned.get_by_role("link", name="Lihat alasan dan perbaiki"),
        re.compile(rf"{VILLAGE}/warga/layanan/\d+$"),
    )
    request = tab.path()
    main = page.locator("main")
    assert RETURN_REASON in main.inner_text(), "the detail shows the operator's reason"

    form = main.locator("form", has=page.get_by_role("button", name="Kirim ulang permohonan"))
    form.get_by_label("Catatan untuk petugas").fill(NOTE)
    form.get_by_label("Kartu Keluarga (KK)").set_input_files(
        small_jpeg(tmp_path, "kk-jelas.jpg", (235, 232, 220))
    )
    tab.click(form.get_by_role("button", name="Kirim ulang permohonan"), f"**{request}")
    main = page.locator("main")
    assert main.locator("h1 + p").inner_text().startswith("Diajukan"), (
        "the status shows the request was sent again"
    )
    assert main.get_by_role("button", name="Kirim ulang permohonan").count() == 0
    assert "Ajukan ulang → Diajukan" in main.inner_text(), "the history shows it"

    tab.click(main.get_by_role("link", name="Kembali"), f"**{VILLAGE}/warga")
    assert page.locator("main li", has_text="Dikembalikan ke pemohon").count() == 0
    tab.click(page.get_by_role("link", name="Minta surat desa"), "**/warga/surat/minta")
    form = page.locator("main form", has=page.get_by_role("button", name="Kirim permintaan"))
    form.get_by_label("Jenis surat").select_option(label="Surat Keterangan Domisili")
    form.get_by_label("Keperluan").fill(PURPOSE)
    tab.click(form.get_by_role("button", name="Kirim permintaan"), f"**{VILLAGE}/warga")
    asked = page.locator("main li", has_text="Surat Keterangan Domisili")
    assert asked.count() == 1, "the home lists the letter just asked for"
    tab.click(page.get_by_role("button", name="Keluar"), "**/warga/masuk")

    tab.sign_in(demo.login("village_operator").username, demo.password)
    tab.menu("Surat", f"**{VILLAGE}/surat")
    queue = page.locator("main li", has_text=PURPOSE)
    assert queue.count() == 1, "the letter request waits in the operator's drafting queue"
    assert "Surat Keterangan Domisili" in queue.inner_text()
    assert queue.get_by_role("link", name="Buat draf").is_visible()

    assert tab.problems == []
    assert time.monotonic() - started < WALK_SECONDS
