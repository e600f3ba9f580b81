"""How an area's name is typed, stored and matched: the words of each level, and the key that
matches a family's hamlet/RW/RT text to a record (trimmed, case-insensitive, RW and RT numbers
the same with or without leading zeros)."""

from __future__ import annotations

from core.i18n import N_, _
from plugins.population.register.errors import RegisterError

DUSUN, RW, RT = "dusun", "rw", "rt"
LEVELS = (DUSUN, RW, RT)
PARENT_LEVEL = {DUSUN: None, RW: DUSUN, RT: RW}
CHILD_LEVEL = {DUSUN: RW, RW: RT, RT: None}
LEVEL_LABELS = {DUSUN: N_("Dusun"), RW: N_("RW"), RT: N_("RT")}
HEAD_LABELS = {DUSUN: N_("Kepala dusun"), RW: N_("Ketua RW"), RT: N_("Ketua RT")}
NAME_LENGTH = 60
"""`Family.dusun` holds 60 characters: a longer hamlet name could match no family."""
NUMBER_DIGITS = 3
"""`Family.rw` and `Family.rt` hold three digits ('001'), as the importer writes them."""


def area_key(level: str, text: str | None) -> str:
    """What a name or a family's text is matched on: '  KRAJAN ' is 'krajan', RT '1' is '001'."""
    words = " ".join(str(text or "").split()).casefold()
    if level != DUSUN and words.isdigit():
        return f"{int(words):0{NUMBER_DIGITS}d}"
    return words


def checked_name(level: str, text: str, field: str = "name") -> str:
    """The name to store, or a refusal naming `field`: a hamlet's words, an RW's or RT's number."""
    words = " ".join(str(text or "").split())
    if level == DUSUN:
        if not words:
            raise RegisterError(_("Nama dusun wajib diisi."), field)
        if len(words) > NAME_LENGTH:
            raise RegisterError(
                _("Nama dusun paling banyak {n} karakter.").format(n=NAME_LENGTH), field
            )
        return words
    label = _(LEVEL_LABELS[level])
    if not words:
        raise RegisterError(_("Nomor {level} wajib diisi.").format(level=label), field)
    if not words.isdigit() or len(words.lstrip("0") or "0") > NUMBER_DIGITS or int(words) == 0:
        raise RegisterError(
            _("Nomor {level} harus berupa angka 1 sampai 999.").format(level=label), field
        )
    return f"{int(words):0{NUMBER_DIGITS}d}"
