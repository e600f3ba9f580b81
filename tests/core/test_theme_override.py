from __future__ import annotations

import pytest


@pytest.fixture
def regency_theme(tmp_path):
    theme = tmp_path / "sampang"
    (theme / "templates" / "layouts").mkdir(parents=True)
    (theme / "templates" / "layouts" / "base.html").write_text(
        '{% extends "default:layouts/base.html" %}'
        "{% block footer %}Tema Kabupaten Sampang{{ super() }}{% endblock %}"
    )
    return theme


@pytest.fixture
def kampung_settings(kampung_database, tmp_path, regency_theme):
    from core.testing.databases import make_test_settings

    app_url, owner_url = kampung_database
    return make_test_settings(
        app_url, owner_url, plugins=(), data_dir=str(tmp_path / "data"), theme=str(regency_theme)
    )


async def test_a_regency_theme_overrides_only_what_it_changes(kampung) -> None:
    page = await kampung.client().get("/masuk")
    assert page.status_code == 200
    assert "Tema Kabupaten Sampang" in page.text
    assert "Masuk petugas" in page.text
