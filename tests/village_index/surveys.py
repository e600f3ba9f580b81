"""Filling a survey as a village would, over HTTP, for the tests of several parts."""

from __future__ import annotations

from typing import Any

import httpx

from plugins.village_index.index.editions import Edition, edition

IDM = edition("idm2016")
assert IDM is not None


async def start_survey(
    client: httpx.AsyncClient, village: Any, year: int, key: str
) -> httpx.Response:
    return await client.post(
        village.url + "/indeks-desa/survei", data={"year": str(year), "idempotency_key": key}
    )


async def fill_dimension(
    client: httpx.AsyncClient,
    village: Any,
    year: int,
    dimension: str,
    score: int,
    edition_: Edition = IDM,
) -> httpx.Response:
    found = edition_.dimension(dimension)
    assert found is not None
    form = {f"skor_{i.code}": str(score) for i in found.indicators}
    form.update({f"bukti_{i.code}": f"Bukti {i.code}" for i in found.indicators})
    return await client.post(f"{village.url}/indeks-desa/{year}/isi/{dimension}", data=form)


async def fill_all(
    client: httpx.AsyncClient, village: Any, year: int, scores: dict[str, int]
) -> None:
    for dimension, score in scores.items():
        answer = await fill_dimension(client, village, year, dimension, score)
        assert answer.status_code == 303, answer.text
