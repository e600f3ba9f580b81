"""`kampung villages` and the checks behind every `--village`: a code the configured regency does
not hold is refused with one line that says what is configured and what the database holds."""

from __future__ import annotations

import pytest

from core.cli.main import main
from core.cli.villages import regency_villages, require_village
from core.tenancy.onboarding import UnknownVillage
from core.testing.commands import instance_config


async def test_a_village_of_the_regency_is_accepted(kampung) -> None:
    village = await kampung.village(onboarded=False)
    assert await require_village("35.27", village.code) == village.code


async def test_a_village_of_another_regency_names_the_configured_one(kampung) -> None:
    with pytest.raises(UnknownVillage) as refused:
        await require_village("35.27", "52.01.14.9999")
    assert str(refused.value) == (
        "desa 52.01.14.9999 tidak ada di kabupaten 35.27 (regency_code); lihat `kampung villages`"
    )


async def test_an_unknown_village_of_the_regency_is_refused(kampung) -> None:
    with pytest.raises(UnknownVillage, match=r"^desa 35\.27\.01\.9999 tidak ada di kabupaten"):
        await require_village("35.27", "35.27.01.9999")


async def test_a_malformed_code_says_what_a_code_looks_like(kampung) -> None:
    with pytest.raises(UnknownVillage) as refused:
        await require_village("35.27", "foo")
    assert str(refused.value) == (
        "kode desa 'foo' tidak sah: bentuknya seperti 35.27.01.2001; lihat `kampung villages`"
    )


async def test_a_regency_the_database_does_not_hold_names_what_it_holds(kampung) -> None:
    with pytest.raises(UnknownVillage) as refused:
        await regency_villages("52.01")
    assert str(refused.value) == (
        "kabupaten 52.01 (regency_code) tidak punya desa di basis data ini; basis data ini "
        "berisi desa kabupaten 35.27; periksa regency_code di kampung.toml atau "
        "KAMPUNG_REGENCY_CODE"
    )
    with pytest.raises(UnknownVillage, match=r"basis data ini berisi desa kabupaten 35\.27"):
        await require_village("52.01", "52.01.14.2001")


def test_villages_lists_the_configured_regency(kampung_settings, tmp_path, capsys) -> None:
    config = instance_config(kampung_settings, tmp_path)
    assert main(["--config", str(config), "villages"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 186
    assert all(line.startswith("35.27.") for line in lines)


def test_villages_of_an_instance_initialised_for_another_regency(
    kampung_settings, tmp_path, capsys
) -> None:
    config = instance_config(kampung_settings, tmp_path, regency_code="52.01")
    assert main(["--config", str(config), "villages"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kampung: kabupaten 52.01 (regency_code) tidak punya desa")
    assert "berisi desa kabupaten 35.27" in err
    assert len(err.splitlines()) == 1


def test_villages_of_a_database_not_yet_initialised(tmp_path, capsys) -> None:
    from core.testing.databases import TEST_SECRET

    config = tmp_path / "kampung.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "kampung.sqlite3"}"\n'
        f'secret_key = "{TEST_SECRET}"\nregency_code = "35.27"\nplugins = []\n'
        f'data_dir = "{tmp_path / "data"}"\n'
    )
    assert main(["--config", str(config), "migrate"]) == 0
    assert main(["--config", str(config), "villages"]) == 2
    assert capsys.readouterr().err.endswith(
        "basis data belum berisi desa; jalankan `kampung init --regency 35.27`\n"
    )
