"""The legal deadlines of an information request, counted in the core's working days.

UU 14/2008 Pasal 22 ayat 7-8: an answer within 10 working days of the request, extendable once by
7 more. Perki 1/2021: an objection is filed within 30 working days after the answer (or after
the deadline the PPID let pass) and the PPID's superior answers it within 30 working days.
Dates are the region's local calendar days (WIB/WITA/WIT), never UTC.
"""

from __future__ import annotations

from datetime import date

from core.workdays import add_working_days

ANSWER_DAYS = 10
EXTENSION_DAYS = 7
OBJECTION_FILING_DAYS = 30
OBJECTION_ANSWER_DAYS = 30


def answer_due(filed_on: date, *, extended: bool = False) -> date:
    """The last working day to answer: 10 working days after filing, 17 once extended."""
    return add_working_days(filed_on, ANSWER_DAYS + (EXTENSION_DAYS if extended else 0))


def objection_filing_deadline(answered_or_due_on: date) -> date:
    """The last day to object: 30 working days after the answer, or after the missed deadline."""
    return add_working_days(answered_or_due_on, OBJECTION_FILING_DAYS)


def objection_answer_due(objection_filed_on: date) -> date:
    """The last working day for the PPID's superior to rule on an objection."""
    return add_working_days(objection_filed_on, OBJECTION_ANSWER_DAYS)


def is_late(due_on: date | None, today: date) -> bool:
    """A deadline is missed once its day has ended without the step it waits for."""
    return due_on is not None and today > due_on
