"""Word-start and last-digits search: conditions that read the terms the database keeps.

"aminah" must find SITI AMINAH and "0007" the resident whose NIK ends so, on a million residents,
on SQLite and on PostgreSQL under Row-Level Security. There, an index serves a query only through
leakproof operators, and neither full-text `@@` nor `reverse()` is one: a GIN or expression index
would be skipped and the village scanned. So migration 2026-12-02T08:00:01 keeps a plain table of
terms, `population_search_key` (each word of a name; a NIK or KK number reversed, so its last
digits are a prefix), filled by triggers on every write path, and these conditions look a term up
by prefix with the leakproof `~>=~`/`~<~` (binary `>=`/`<` on SQLite) on its btree.
"""

from __future__ import annotations

from typing import Any

from piccolo.columns.combination import WhereRaw

from plugins.population.register.names import name_key
from plugins.population.tables import Resident

TABLE = "population_search_key"
NAME_WORD, NIK_DIGITS, KK_DIGITS = "n", "i", "k"
SEPARATORS = '.,-/()"\\\t\n\r'
"""The migration's triggers split names at these as well as at spaces; the query splits alike."""
MIN_DIGITS = 4
"""The fewest last digits of a NIK or KK number a search accepts (fewer match half a village)."""
NUMBER_DIGITS = 16
MAX_WORDS = 6


def name_words(text: str) -> list[str]:
    """The words of `text` as the index holds them: lower case, split at spaces and separators."""
    cleaned = name_key(text)
    for char in SEPARATORS:
        cleaned = cleaned.replace(char, " ")
    return list(dict.fromkeys(cleaned.split()))[:MAX_WORDS]


def _prefix_range(prefix: str) -> tuple[str, str] | None:
    """Terms starting with `prefix` as [low, high), compared byte by byte (UTF-8 keeps code point
    order, so the next code point after the last character bounds them)."""
    if not prefix or ord(prefix[-1]) >= 0x10FFFF:
        return None
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _terms(village_code: str, kind: str, prefix: str) -> tuple[str, list[str]] | None:
    """SQL selecting the `ref` of terms of `kind` that start with `prefix`, and its values."""
    bounds = _prefix_range(prefix)
    if bounds is None:
        return None
    postgres = Resident._meta.db.engine_type == "postgres"
    low, high = ("~>=~", "~<~") if postgres else (">=", "<")
    sql = (
        f"SELECT ref FROM {TABLE} WHERE village_code = {{}} AND kind = '{kind}' "
        f"AND term {low} {{}} AND term {high} {{}}"
    )
    return sql, [village_code, *bounds]


def _column(name: str) -> str:
    return f'"{Resident._meta.tablename}"."{name}"'


def _term_lookup(column: str, village_code: str, kind: str, prefix: str) -> Any:
    terms = _terms(village_code, kind, prefix)
    if terms is None:
        return WhereRaw("1 = 0")
    sql, values = terms
    return WhereRaw(f"{_column(column)} IN ({sql})", *values)


def name_condition(village_code: str, text: str) -> Any | None:
    """Residents having, for every word typed, a word of their name that starts with it; None
    when nothing searchable was typed. The words meet in one `INTERSECT` of term lookups, so
    "siti ami" costs two index range reads, not a probe per SITI in the village."""
    terms = [_terms(village_code, NAME_WORD, word) for word in name_words(text)]
    if not terms:
        return None
    if any(term is None for term in terms):
        return WhereRaw("1 = 0")
    found = [term for term in terms if term is not None]
    sql = " INTERSECT ".join(term[0] for term in found)
    values = [value for term in found for value in term[1]]
    return WhereRaw(f"{_column('id')} IN ({sql})", *values)


def nik_condition(village_code: str, digits: str) -> Any:
    """Residents whose NIK is, or ends with, `digits`."""
    return _term_lookup("id", village_code, NIK_DIGITS, digits[::-1])


def kk_condition(village_code: str, digits: str) -> Any:
    """Members of the family cards whose number is, or ends with, `digits`."""
    return _term_lookup("family", village_code, KK_DIGITS, digits[::-1])


def number_condition(village_code: str, digits: str) -> Any:
    """Residents whose NIK, or whose family card's number, is or ends with `digits`: one `IN`
    over a union, because an OR of two lookups would make the planner scan the village."""
    nik = _terms(village_code, NIK_DIGITS, digits[::-1])
    kk = _terms(village_code, KK_DIGITS, digits[::-1])
    if nik is None or kk is None:
        return WhereRaw("1 = 0")
    members = (
        f"SELECT member.id FROM {Resident._meta.tablename} AS member "
        f"WHERE member.village_code = {{}} AND member.family IN ({kk[0]})"
    )
    return WhereRaw(
        f"{_column('id')} IN ({nik[0]} UNION ALL {members})", *nik[1], village_code, *kk[1]
    )


def number_error(digits: str, label: str) -> str | None:
    """Why `digits` cannot be searched for as a NIK or KK number, or None when it can."""
    if not digits.isdigit():
        return f"{label} hanya boleh berisi angka."
    if len(digits) < MIN_DIGITS:
        return f"{label}: isi sekurangnya {MIN_DIGITS} angka terakhir, atau nomor lengkapnya."
    if len(digits) > NUMBER_DIGITS:
        return f"{label} paling banyak {NUMBER_DIGITS} angka."
    return None
