"""A synthetic regency for load tests: realistic families written as the OpenSID import sheet."""

from __future__ import annotations

from plugins.population.synthetic.identity import IdentityIssuer, SerialsExhausted
from plugins.population.synthetic.output import WriteReport, write_regency_csv, write_village_csvs
from plugins.population.synthetic.regency import DEFAULT_AS_OF, generate_regency
from plugins.population.synthetic.sheet import OPENSID_COLUMNS, VILLAGE_COLUMN

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
