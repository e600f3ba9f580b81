"""Which residents count as newcomers, and how a register row reads in a book (no database)."""

from __future__ import annotations

import datetime as dt

from plugins.population.books import cells
from plugins.population.books.queries import stays_from_events

JAN, MAR, JUN = dt.date(2026, 1, 5), dt.date(2026, 3, 9), dt.date(2026, 6, 1)


def event(event_id: int, resident: int, kind: int, day: dt.date, **more: object) -> dict:
    return {
        "id": event_id,
        "resident": resident,
        "kind": kind,
        "event_date": day,
        "corrects": more.get("corrects"),
        "details": more.get("details", "{}"),
    }


def test_a_move_in_is_a_stay_with_its_origin_and_purpose() -> None:
    stays = stays_from_events(
        [event(1, 7, 5, JAN, details='{"origin": "Desa Torjun", "note": "Bekerja"}')]
    )

    assert [(s.resident_id, s.arrived, s.origin, s.purpose, s.left) for s in stays] == [
        (7, JAN, "Desa Torjun", "Bekerja", None)
    ]


def test_a_move_out_or_leaving_ends_the_stay_with_its_date() -> None:
    stays = stays_from_events([event(1, 7, 5, JAN), event(2, 7, 3, MAR)])

    assert [(s.arrived, s.left) for s in stays] == [(JAN, MAR)]


def test_coming_back_after_leaving_is_not_a_newcomer() -> None:
    """A resident who went away ("pergi") and returned is recorded as "kembali / pindah masuk"."""
    stays = stays_from_events([event(1, 8, 6, JAN), event(2, 8, 5, MAR)])

    assert stays == []


def test_a_cancelled_move_in_and_its_correction_count_for_nothing() -> None:
    stays = stays_from_events([event(1, 9, 5, JAN), event(2, 9, 5, JAN, corrects=1)])

    assert stays == []


def test_stays_come_in_order_of_arrival() -> None:
    stays = stays_from_events([event(3, 2, 5, JUN), event(1, 1, 5, MAR)])

    assert [s.resident_id for s in stays] == [1, 2]


def test_address_names_the_hamlet_once() -> None:
    row = {"address": "DUSUN TEMOR", "rt": "001", "rw": "002", "dusun": "Temor"}

    assert cells.address(row) == "DUSUN TEMOR, RT 001/RW 002"


def test_book_cells_show_labels_and_dates_never_codes() -> None:
    row = {
        "id": 1,
        "name": "Siti",
        "sex": 2,
        "marital_status": 2,
        "birth_place": "Sampang",
        "birth_date": dt.date(1990, 5, 14),
        "religion": 1,
        "education": 5,
        "occupation": 2,
        "citizenship": 1,
        "relationship": 3,
        "nik": "3527015405900001",
        "family.kk_number": "3527010101260001",
        "address": "Jl. Mawar",
        "rt": "001",
        "rw": "002",
        "dusun": "Krajan",
        "status": 1,
        "nik_temporary": False,
        "nik_needs_check": True,
    }

    printed = cells.induk(4, row)

    assert printed[:6] == ["4", "Siti", "Perempuan", "Kawin", "Sampang", "14-05-1990"]
    assert printed[6:9] == ["Islam", "SLTA/Sederajat", "Mengurus Rumah Tangga"]
    assert printed[12] == "Istri" and printed[15] == "NIK perlu diperiksa"
