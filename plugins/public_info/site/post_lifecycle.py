"""The lifecycle of a news item or announcement: drafted, then published now or scheduled.

A scheduled post shows by itself once its moment comes (visibility is decided when a page is
read, see ``site.posts.visible``), so no job has to flip it; publishing it early, or cancelling
the schedule, are actions of the table. A published post can be withdrawn and published again.
"""

from __future__ import annotations

from core.i18n import N_
from core.workflow import Lifecycle

POST_LIFECYCLE = Lifecycle(
    name="public_info.post",
    initial="draf",
    transitions={
        ("draf", "terbitkan"): "terbit",
        ("draf", "jadwalkan"): "terjadwal",
        ("terjadwal", "terbitkan"): "terbit",
        ("terjadwal", "batalkan_jadwal"): "draf",
        ("terbit", "tarik"): "ditarik",
        ("ditarik", "terbitkan"): "terbit",
    },
    labels={
        "draf": N_("Draf"),
        "terjadwal": N_("Terjadwal"),
        "terbit": N_("Terbit"),
        "ditarik": N_("Ditarik"),
        "terbitkan": N_("Terbitkan sekarang"),
        "jadwalkan": N_("Jadwalkan"),
        "batalkan_jadwal": N_("Batalkan jadwal"),
        "tarik": N_("Tarik dari situs"),
    },
)

POST_KINDS: dict[str, str] = {"berita": N_("Berita"), "pengumuman": N_("Pengumuman")}
