"""How much a register file may make the server read, so that no file can stall it.

A spreadsheet's size on disk says little about the work it asks for: an XLSX is a zip, and 44 KB
of it can unpack to 12.5 MB of XML that takes seconds to parse. So an XLSX is measured by what
its zip says its parts unpack to (`zipfile` refuses to give more than that), and every file by
the rows it numbers, before and while it is read. An upload from the web page gets the limits of
one village's register; the command line, run by regency IT on a regency's file, gets room for
a whole regency.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
UPLOAD_MAX_BYTES = 20 * MB
"""The largest file the import page takes: stated on the page, checked on the file, and (with
`FORM_ALLOWANCE_BYTES`) the route's request body limit. About 120,000 residents as CSV."""
FORM_ALLOWANCE_BYTES = 64 * 1024
"""Room in the request body for the form's other fields and the multipart envelope."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What one file may ask of the reader; going past any of them refuses the file."""

    max_rows: int
    """Rows as the spreadsheet numbers them (blank and title rows count)."""
    max_columns: int = 200
    """Cells read per row; the registers have about 45 columns."""
    max_unpacked_bytes: int = 400 * MB
    """Sum of the unpacked sizes of an XLSX's parts."""
    max_ratio: int = 100
    """Unpacked to packed size of any large XLSX part; registers measure about 11."""
    max_parts: int = 1000
    """Parts in an XLSX zip; a workbook has a dozen or so."""


UPLOAD_LIMITS = ReadLimits(max_rows=200_000, max_unpacked_bytes=10 * UPLOAD_MAX_BYTES)
"""A village's register uploaded on the import page: twice the largest kelurahan, and XLSX
parts that openpyxl parses in about a minute and a half at most (~0.5 s per unpacked MB)."""
COMMAND_LIMITS = ReadLimits(max_rows=10_000_000, max_unpacked_bytes=16 * 1024 * MB)
"""A regency's register imported with `kampung population import` (up to ~2 million rows)."""
