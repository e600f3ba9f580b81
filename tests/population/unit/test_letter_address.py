"""The address line a letter prints: each of street, RT/RW and hamlet once, however imported."""

from __future__ import annotations

from plugins.population.letters.context import resident_address


def test_hamlet_already_in_the_imported_address_is_not_repeated() -> None:
    resident = {"address": "DUSUN TEMOR", "rt": "001", "rw": "002", "dusun": "TEMOR"}
    assert resident_address(resident) == "DUSUN TEMOR, RT 001/RW 002"


def test_hamlet_is_matched_whatever_its_letter_case() -> None:
    resident = {"address": "Dusun Temor", "rt": "001", "rw": "002", "dusun": "TEMOR"}
    assert resident_address(resident) == "Dusun Temor, RT 001/RW 002"


def test_rt_rw_already_in_the_address_is_not_repeated() -> None:
    resident = {"address": "Jl. Mawar RT 001 RW 002", "rt": "001", "rw": "002", "dusun": "Krajan"}
    assert resident_address(resident) == "Jl. Mawar RT 001 RW 002, Dusun Krajan"


def test_street_rt_rw_and_hamlet_each_once() -> None:
    resident = {"address": "Jalan Raya Noreh 1", "rt": "001", "rw": "002", "dusun": "Krajan"}
    assert resident_address(resident) == "Jalan Raya Noreh 1, RT 001/RW 002, Dusun Krajan"


def test_a_hamlet_named_inside_another_word_is_still_written() -> None:
    resident = {"address": "Jalan Temoran 3", "rt": "", "rw": "", "dusun": "Temor"}
    assert resident_address(resident) == "Jalan Temoran 3, Dusun Temor"
