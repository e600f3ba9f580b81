from __future__ import annotations

import pytest

from core.config import ConfigError, load_settings

SECRET = "s" * 40


def test_missing_secret_names_the_key() -> None:
    with pytest.raises(ConfigError, match="secret_key must be at least 32"):
        load_settings(None, environ={})


def test_bad_regency_code_names_the_key() -> None:
    with pytest.raises(ConfigError, match=r"regency_code must look like 35\.27"):
        load_settings(None, environ={"KAMPUNG_SECRET_KEY": SECRET, "KAMPUNG_REGENCY_CODE": "3527"})


def test_environment_overrides_the_file(tmp_path) -> None:
    config = tmp_path / "kampung.toml"
    config.write_text(
        'regency_code = "35.10"\nsecret_key = "' + SECRET + '"\n[population]\nx = 1\n'
    )
    settings = load_settings(config, environ={"KAMPUNG_REGENCY_CODE": "33.14"})
    assert settings.regency_code == "33.14"
    assert settings.instance_name == "Kabupaten Sragen"
    assert settings.extra == {"population": {"x": 1}}


def test_unknown_key_in_file_is_refused(tmp_path) -> None:
    config = tmp_path / "kampung.toml"
    config.write_text('secret_key = "' + SECRET + '"\ndatabse_url = "x"\n')
    with pytest.raises(ConfigError, match="unknown key 'databse_url'"):
        load_settings(config, environ={})


def test_whole_number_setting_rejects_text() -> None:
    with pytest.raises(ConfigError, match="session_idle_minutes must be a whole number"):
        load_settings(
            None, environ={"KAMPUNG_SECRET_KEY": SECRET, "KAMPUNG_SESSION_IDLE_MINUTES": "lama"}
        )


def test_missing_config_file_is_named() -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings("/nonexistent/kampung.toml", environ={})


def test_database_url_scheme_is_checked() -> None:
    with pytest.raises(ConfigError, match="database_url must start with"):
        load_settings(
            None, environ={"KAMPUNG_SECRET_KEY": SECRET, "KAMPUNG_DATABASE_URL": "mysql://x"}
        )
