"""A regency's own immunisation schedule: named in its config, checked when the instance starts,
and then what every child's card, the due list and IDL follow."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import Register, signed_in

from core.config import ConfigError
from core.kernel import Kernel
from core.localtime import local_today
from core.testing.databases import make_test_settings
from core.testing.harness import Harness, VillageRef
from plugins.health.dates import add_months
from plugins.health.immunisation.regency_schedule import ScheduleFileError, load_schedule

CAMPAIGN = [
    {"key": "hb0", "label": "HB0", "due_months": 0, "overdue_days": 1, "basic": True},
    {"key": "bcg", "label": "BCG", "due_months": 1, "basic": True},
    {"key": "tifoid", "label": "Tifoid (program kabupaten)", "due_months": 2},
]


def _file(tmp_path: Path, doses: object, name: str = "jadwal.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doses) if not isinstance(doses, str) else doses, "utf-8")
    return str(path)


@pytest.fixture
def kampung_settings(kampung_settings, tmp_path: Path):
    """The test instance with the regency's campaign schedule in its config."""
    schedule = {"immunisation_schedule": _file(tmp_path, CAMPAIGN)}
    return dataclasses.replace(kampung_settings, extra={"health": schedule})


async def test_the_childs_card_and_the_due_list_follow_the_regency_schedule(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    born = add_months(local_today(), -3)
    resident_id = await register.resident("AYU LESTARI", "P", born)
    midwife = await signed_in(kampung, "village_midwife", village)
    enrolled = await midwife.post(
        f"{village.url}/kesehatan/anak", data={"resident_id": str(resident_id)}
    )
    card = await midwife.get(enrolled.headers["location"])
    assert "Tifoid (program kabupaten)" in card.text and "PCV 1" not in card.text
    due = await midwife.get(f"{village.url}/kesehatan/imunisasi")
    assert "Tifoid (program kabupaten)" in due.text
    refused = await midwife.post(
        enrolled.headers["location"] + "/imunisasi",
        data={"vaccine": "pcv1", "given_on": add_months(born, 2).isoformat()},
        follow_redirects=True,
    )
    assert "Jenis imunisasi tidak dikenal." in refused.text


@pytest.mark.parametrize(
    ("doses", "fault"),
    [
        ("[{]", "is not JSON"),
        ({"key": "bcg"}, "must be a list of doses"),
        ([{"label": "BCG", "due_months": 1}], "dose 1: key must be"),
        ([{"key": "bcg", "label": "BCG", "due_months": 1}] * 2, "dose 2 (bcg): key appears twice"),
        ([{"key": "bcg", "label": "BCG", "due_months": 80}], "due_months must be a whole number"),
        ([{"key": "bcg", "label": "BCG"}], "due_months is missing"),
        ([{"key": "bcg", "label": "BCG", "due_months": 1, "wajib": True}], "unknown field wajib"),
        ([{"key": "bcg", "label": "BCG", "due_months": 1, "basic": "ya"}], "basic must be true"),
    ],
)
def test_a_bad_schedule_file_is_named_with_the_dose_and_the_field(
    tmp_path: Path, doses: object, fault: str
) -> None:
    with pytest.raises(ScheduleFileError) as refused:
        load_schedule(_file(tmp_path, doses, f"{abs(hash(fault))}.json"))
    assert fault in str(refused.value) and "[health] immunisation_schedule" in str(refused.value)


def test_the_instance_does_not_start_with_a_bad_schedule_file(tmp_path: Path) -> None:
    broken = _file(tmp_path, [{"key": "bcg", "label": "BCG"}])
    settings = make_test_settings(
        f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        None,
        plugins=("population", "health"),
        extra={"health": {"immunisation_schedule": broken}},
    )
    with pytest.raises(ConfigError, match="dose 1 \\(bcg\\): due_months is missing"):
        Kernel.build(settings)
    missing = dataclasses.replace(
        settings, extra={"health": {"immunisation_schedule": str(tmp_path / "none.json")}}
    )
    with pytest.raises(ConfigError, match="cannot read"):
        Kernel.build(missing)
