"""The population register's rules that hold without a database or a web page."""

from __future__ import annotations

from plugins.population.domain.codes import (
    ALL_CODE_LISTS,
    BASIC_STATUS,
    BLOOD_TYPE,
    CITIZENSHIP,
    DEATH_CAUSE,
    DISABILITY,
    EDUCATION,
    LIFE_EVENT,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeError,
    CodeList,
    normalize_label,
)
from plugins.population.domain.identity import (
    KkCheck,
    NikCheck,
    check_kk,
    check_nik,
    is_temporary_nik,
    mask_nik,
    temporary_nik,
)

__all__ = [
    "ALL_CODE_LISTS",
    "BASIC_STATUS",
    "BLOOD_TYPE",
    "CITIZENSHIP",
    "DEATH_CAUSE",
    "DISABILITY",
    "EDUCATION",
    "LIFE_EVENT",
    "MARITAL_STATUS",
    "OCCUPATION",
    "RELATIONSHIP",
    "RELIGION",
    "SEX",
    "CodeError",
    "CodeList",
    "KkCheck",
    "NikCheck",
    "check_kk",
    "check_nik",
    "is_temporary_nik",
    "mask_nik",
    "normalize_label",
    "temporary_nik",
]
