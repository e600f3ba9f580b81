"""Deadlines in working days, counted by hand on the 2026 calendar (SKB 3 Menteri holidays)."""

from __future__ import annotations

from datetime import date

from plugins.public_info.ppid import deadlines


def test_ten_working_days_skip_nyepi_idulfitri_and_good_friday() -> None:
    # Mon 16 March 2026: 17 (1); 18-24 Nyepi, Idulfitri and a weekend; 25, 26, 27, 30, 31 (6);
    # 1, 2 April (8); 3 April Good Friday; 6 (9), 7 (10).
    assert deadlines.answer_due(date(2026, 3, 16)) == date(2026, 4, 7)


def test_the_extension_adds_seven_working_days_to_the_first_deadline() -> None:
    # After 7 April: 8, 9, 10, 13, 14, 15, 16.
    assert deadlines.answer_due(date(2026, 3, 16), extended=True) == date(2026, 4, 16)


def test_a_request_filed_on_saturday_counts_from_the_next_working_day() -> None:
    # Sat 15 August; Mon 17 is Independence Day; 18-21 (4), 24 (5), 25 Maulid, 26-28 (8),
    # 31 (9), 1 September (10).
    assert deadlines.answer_due(date(2026, 8, 15)) == date(2026, 9, 1)


def test_objection_deadlines_are_thirty_working_days() -> None:
    # From Tue 1 Dec 2026: 20 working days to 31 December (24 and 25 are holidays); then
    # 1 January is New Year and 5 January Isra Mikraj: 4 (21), 6-8 (24), 11-15 (29), 18 (30).
    assert deadlines.objection_filing_deadline(date(2026, 12, 1)) == date(2027, 1, 18)
    assert deadlines.objection_answer_due(date(2026, 12, 1)) == date(2027, 1, 18)


def test_a_deadline_is_missed_only_after_its_day() -> None:
    due = date(2026, 4, 7)
    assert not deadlines.is_late(due, due)
    assert deadlines.is_late(due, date(2026, 4, 8))
    assert not deadlines.is_late(None, date(2030, 1, 1))
