"""Reading population registers from the spreadsheets regencies already have.

`read_rows` streams a file, `detect_format` names its format from the header, and the matching
normalizer turns each row into an `ImportRecord` or raises `RowRejected`.
"""

from __future__ import annotations

from plugins.population.importing.cells import Cell
from plugins.population.importing.formats import (
    OPENSID,
    SIAK,
    Columns,
    Format,
    ImportFormatError,
    detect_format,
    normalize_header,
)
from plugins.population.importing.normalizing import (
    NIK_NEEDS_CHECK,
    normalize_opensid,
    normalize_siak,
)
from plugins.population.importing.reading import Row, read_rows
from plugins.population.importing.record import ImportRecord, RowRejected

__all__ = [
    "NIK_NEEDS_CHECK",
    "OPENSID",
    "SIAK",
    "Cell",
    "Columns",
    "Format",
    "ImportFormatError",
    "ImportRecord",
    "Row",
    "RowRejected",
    "detect_format",
    "normalize_header",
    "normalize_opensid",
    "normalize_siak",
    "read_rows",
]
