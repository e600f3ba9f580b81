from __future__ import annotations

import pytest

from plugins.population.importing.formats import (
    ImportFormatError,
    detect_format,
    normalize_header,
)

OPENSID_HEADER = [
    "alamat",
    "dusun",
    "rw",
    "rt",
    "nama",
    "no_kk",
    "nik",
    "sex",
    "tempatlahir",
    "tanggallahir",
    "agama_id",
]
SIAK_HEADER = ["Nomor KK", "NIK", "Nama Penduduk", "Status", "Kelamin", "Gol. Darah"]


def test_opensid_sheet_is_recognised() -> None:
    assert detect_format(OPENSID_HEADER) == "opensid"


def test_siak_export_is_recognised_in_raw_or_normalized_header() -> None:
    assert detect_format(SIAK_HEADER) == "siak"
    assert detect_format([normalize_header(name) for name in SIAK_HEADER]) == "siak"
    assert detect_format(["NOMOR  KK", " nik", "NAMA PENDUDUK "]) == "siak"


def test_unknown_header_names_the_columns_each_format_needs() -> None:
    with pytest.raises(ImportFormatError) as raised:
        detect_format(["Nama", "Alamat", "NIK"])
    message = str(raised.value)
    assert message.startswith("Format berkas tidak dikenali")
    assert "'no_kk', 'nik', 'nama' (OPENSID)" in message
    assert "'Nomor KK', 'NIK', 'Nama Penduduk' (SIAK)" in message


@pytest.mark.parametrize(
    ("name", "key"),
    [("Gol. Darah", "gol darah"), ("GOL DARAH", "gol darah"), (" no_kk ", "no_kk"), (7, "7")],
)
def test_header_names_are_normalized(name: object, key: str) -> None:
    assert normalize_header(name) == key
