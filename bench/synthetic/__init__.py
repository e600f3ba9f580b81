"""A synthetic regency for load tests: realistic families written as the OpenSID import sheet."""

from __future__ import annotations

from bench.synthetic.identity import IdentityIssuer, SerialsExhausted
from bench.synthetic.output import WriteReport, write_regency_csv, write_village_csvs
from bench.synthetic.regency import DEFAULT_AS_OF, generate_regency
from bench.synthetic.sheet import OPENSID_COLUMNS, VILLAGE_COLUMN

__all__ = [
    "DEFAULT_AS_OF",
    "OPENSID_COLUMNS",
    "VILLAGE_COLUMN",
    "IdentityIssuer",
    "SerialsExhausted",
    "WriteReport",
    "generate_regency",
    "write_regency_csv",
    "write_village_csvs",
]
