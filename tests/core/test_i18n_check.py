"""The checker of untranslated text finds each channel a literal takes to a page, and leaves
alone what is already translated, what is a code, and what a developer reads."""

from __future__ import annotations

import pytest

from core.testing.i18n_check import untranslated_literals


def _found(source: str) -> list[str]:
    return [text for _line, text in untranslated_literals(source)]


@pytest.mark.parametrize(
    "source",
    [
        'context = {"kind_options": [("", "Semua jenis"), *KINDS]}',
        'render(request, page, candidates=[("", "— pilih —")] + members)',
        'def kind_options(blank: str = "Semua jenis") -> list: ...',
        'raise FormError("Tanggal lapor tidak boleh sebelum tanggal peristiwa.")',
        'raise RegisterError({"nik": f"NIK {nik} sudah terdaftar di desa ini."})',
        'flash(request, "success", "Data disimpan dan diteruskan.")',
        'body = Markup("<p>{} melewati target waktu</p>").format(late)',
    ],
)
def test_a_shown_indonesian_literal_is_found(source: str) -> None:
    assert len(_found(source)) == 1


@pytest.mark.parametrize(
    "source",
    [
        'context = {"kind_options": [("", _("Semua jenis"))]}',
        'def kind_options(blank: str = N_("Semua jenis")) -> list: ...',
        'raise FormError(_("Tanggal lapor tidak boleh sebelum tanggal peristiwa."))',
        'raise ConfigError(f"config: {key} must be a whole number, got {value!r}")',
        'raise ValueError("not a region code")',
        'raise ConfigError(f"config: {entry!r} must be host=path, e.g. a.id=/desa/a/situs")',
        'context = {"kind_options": [("L", "LK")]}',
        "body = Markup('<ul><li><a href=\"{base}/surat\">{check}</a></li></ul>').format(**parts)",
    ],
)
def test_translated_text_codes_and_developer_messages_pass(source: str) -> None:
    assert _found(source) == []
