from __future__ import annotations

from core.testing.databases import make_test_settings
from core.web.app import create_app


async def test_unknown_page_is_404_in_indonesian(kampung) -> None:
    response = await kampung.client().get("/tidak-ada-halaman")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert "Traceback" not in response.text


async def test_unknown_page_in_english_when_chosen(kampung) -> None:
    client = kampung.client(cookies={"kampung_lang": "en"})
    response = await client.get("/tidak-ada-halaman")
    assert "Page not found" in response.text


async def test_api_errors_are_json_with_a_message(kampung) -> None:
    village = await kampung.village()
    response = await kampung.client().get(village.api + "/", headers={"accept": "application/json"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Silakan masuk terlebih dahulu."


async def test_signed_out_page_redirects_to_login(kampung) -> None:
    village = await kampung.village()
    response = await kampung.client().get(village.url + "/")
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/masuk?next={village.url}")


async def test_unreachable_database_answers_503_with_retry_after(tmp_path) -> None:
    import httpx

    settings = make_test_settings("postgresql://nobody@127.0.0.1:9/none", None, plugins=())
    app = create_app(settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/masuk")
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "Basis data sedang tidak dapat dihubungi" in response.text


async def test_openapi_schema_lists_the_api(kampung) -> None:
    schema = (await kampung.client().get("/schema/openapi.json")).json()
    assert "/api/v1/desa/{village_slug}" in schema["paths"]


async def test_the_sign_in_redirect_keeps_the_pages_query(kampung) -> None:
    village = await kampung.village()
    response = await kampung.client().get(village.url + "?bulan=2026-11&q=siti")
    assert response.status_code == 303
    assert response.headers["location"] == f"/masuk?next={village.url}%3Fbulan%3D2026-11%26q%3Dsiti"
