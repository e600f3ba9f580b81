"""The shape of a civil-registry code list and how a spreadsheet value is read against it.

Spreadsheets carry coded values as codes ("1", 1.0) or as labels typed by people over decades
("LAKI-LAKI", "Katolik", "SLTA / Sederajat"); `CodeList.parse` takes all of them so that an import
never depends on how a particular operator spelled a label.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_DROP = str.maketrans("", "", string.punctuation + string.whitespace)
_RHESUS = "+-"


def normalize_label(text: str) -> str:
    """Reduces a label to the key it is looked up by, so spelling noise cannot split one value.

    Case, spaces and punctuation carry no meaning in these labels, except a trailing rhesus sign
    on a blood type ("A+" and "A-" are different values, "A" is a third).
    """
    text = text.strip().upper()
    sign = text[-1] if text and text[-1] in _RHESUS and len(text) > 1 else ""
    return text.translate(_DROP) + sign


class CodeError(ValueError):
    """A value that is neither a code nor a label of the list; the message is for the operator."""

    def __init__(self, list_name: str, value: object) -> None:
        super().__init__(f"{list_name} '{value}' tidak dikenal")
        self.list_name = list_name
        self.value = value


@dataclass(frozen=True, slots=True, eq=False)
class CodeList:
    """One code list: codes with their official labels, plus the spellings met in real exports.

    Lists compare by identity: each one is a module constant.
    """

    name: str
    labels: Mapping[int, str]
    _lookup: Mapping[str, int] = field(repr=False)

    @classmethod
    def build(
        cls, name: str, labels: Mapping[int, str], aliases: Mapping[str, int] | None = None
    ) -> CodeList:
        """Builds the list; every alias must point at an existing code, and keys must not clash."""
        lookup: dict[str, int] = {}
        spellings = [*labels.items(), *((code, alias) for alias, code in (aliases or {}).items())]
        for code, label in spellings:
            if code not in labels:
                raise ValueError(f"{name}: alias {label!r} points at unknown code {code}")
            key = normalize_label(label)
            if lookup.get(key, code) != code:
                raise ValueError(f"{name}: {label!r} is ambiguous")
            lookup[key] = code
        return cls(name, MappingProxyType(dict(labels)), MappingProxyType(lookup))

    def label(self, code: int) -> str:
        try:
            return self.labels[code]
        except KeyError:
            raise CodeError(self.name, code) from None

    def codes(self) -> tuple[int, ...]:
        return tuple(self.labels)

    def parse(self, value: object) -> int:
        """The code for a code or a label in any spelling; raises `CodeError` for anything else."""
        code: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            code = value
        elif isinstance(value, float):
            code = int(value) if value.is_integer() else None
        elif isinstance(value, str):
            text = value.strip()
            if text.endswith(".0"):
                text = text[:-2]
            code = int(text) if text.isdecimal() else self._lookup.get(normalize_label(text))
        if code is None or code not in self.labels:
            raise CodeError(self.name, value)
        return code
