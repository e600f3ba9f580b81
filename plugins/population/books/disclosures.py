"""What the books show, named for the access trail (see plugins/population/disclosures.py).

A book page names the residents on it; a download names the book, its filters and how many
rows left the office (a village's whole register would make one trail row of megabytes); a
printed sheet or card names its resident or family and members.
"""

from __future__ import annotations

from core.audit import DisclosureKind
from core.i18n import N_

BOOK_PAGE = DisclosureKind("population.book.page", N_("Buku administrasi penduduk"))
BOOK_DOWNLOAD = DisclosureKind("population.book.download", N_("Unduhan buku administrasi penduduk"))
BIODATA_PDF = DisclosureKind("population.biodata.pdf", N_("Cetak biodata penduduk"))
FAMILY_CARD_PDF = DisclosureKind("population.family_card.pdf", N_("Cetak kartu keluarga"))
