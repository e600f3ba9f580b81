"""Reading a dimension's form: one score and one evidence field per indicator.

A blank score leaves the indicator unanswered, so a village can save what it knows and come
back; a score outside the edition's range is refused beside its own field, and the form keeps
everything that was typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.i18n import _
from plugins.village_index.index.editions import Dimension, Edition
from plugins.village_index.survey.assessments import Answer

EVIDENCE_MAX = 500


def score_field(code: str) -> str:
    return f"skor_{code}"


def evidence_field(code: str) -> str:
    return f"bukti_{code}"


def parse_dimension(
    edition: Edition, dimension: Dimension, form: Mapping[str, str]
) -> tuple[dict[str, Answer | None], dict[str, str]]:
    """The answers of one dimension's form, and errors by field name."""
    answers: dict[str, Answer | None] = {}
    errors: dict[str, str] = {}
    for indicator in dimension.indicators:
        raw = (form.get(score_field(indicator.code)) or "").strip()
        evidence = (form.get(evidence_field(indicator.code)) or "").strip()
        if len(evidence) > EVIDENCE_MAX:
            errors[evidence_field(indicator.code)] = _(
                "Bukti {code}: paling banyak {most} karakter."
            ).format(code=indicator.code, most=EVIDENCE_MAX)
        if not raw:
            answers[indicator.code] = None
            continue
        low, high = edition.score_min, edition.score_max
        if not raw.isdecimal() or not low <= int(raw) <= high:
            errors[score_field(indicator.code)] = _(
                "Skor {code} ({name}): bilangan bulat {low} sampai {high}."
            ).format(code=indicator.code, name=indicator.name, low=low, high=high)
            continue
        answers[indicator.code] = Answer(int(raw), evidence)
    return answers, errors
