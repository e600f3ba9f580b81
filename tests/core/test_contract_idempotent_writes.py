"""The contract's double-submit check, on a notebook plugin with careful and careless writes.

Each write is sent twice with one idempotency key, as a double click sends it. The careful ones
recall the key (`core.idempotency`) and answer the repeat like the first; the careless one stores
a second note and is caught; a route whose declared sample does not fit is caught too, and one
that needs form data but declares no sample is named as not judged.
"""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from litestar import Response, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect
from plugin_samples import plugin
from sample_tenant.tables import Note

from core import DemoContext, Permission
from core.auth.principal import Principal
from core.idempotency import recall, remember
from core.tenancy.context import Tenant
from core.testing import contract
from core.testing.harness import Harness
from core.testing.repeats import ContractWarning, send_every_write_twice
from core.web.guards import requires

WRITE = "notebook.write"
FORM = Body(media_type=RequestEncodingType.URL_ENCODED)
SAMPLE = {"text": "Jadwal posyandu Melati"}
SLUG = "/desa/{village_slug:str}"


async def _create(text: str, tenant: Tenant, principal: Principal, key: str) -> tuple[int, bool]:
    """(the note's id, whether it is new): a key seen before names the note it made."""
    earlier = await recall(tenant.code, "notebook.note", key)
    if earlier is not None:
        return earlier, False
    rows = await Note.insert(Note(text=text)).returning(Note.id)
    await remember(tenant.code, "notebook.note", key, principal.username, rows[0]["id"])
    return rows[0]["id"], True


@post("/catatan-baru", guards=[requires(WRITE)], opt={"sample": SAMPLE}, include_in_schema=False)
async def careful(
    data: Annotated[dict[str, str], FORM], tenant: Tenant, principal: Principal
) -> Response[Any]:
    if not data.get("text"):
        return Response("Teks wajib diisi.", status_code=422)
    note_id, _ = await _create(data["text"], tenant, principal, data.get("idempotency_key", ""))
    return Redirect(f"{tenant.base_url}/catatan/{note_id}", status_code=303)


@post("/catatan-lupa", guards=[requires(WRITE)], opt={"sample": SAMPLE}, include_in_schema=False)
async def careless(data: Annotated[dict[str, str], FORM], tenant: Tenant) -> Response[Any]:
    rows = await Note.insert(Note(text=data["text"])).returning(Note.id)
    return Redirect(f"{tenant.base_url}/catatan/{rows[0]['id']}", status_code=303)


@post("/catatan-tanpa-contoh", guards=[requires(WRITE)], include_in_schema=False)
async def unsampled(
    data: Annotated[dict[str, str], FORM], tenant: Tenant, principal: Principal
) -> Response[Any]:
    if not data.get("text"):
        return Response("Teks wajib diisi.", status_code=422)
    note_id, _ = await _create(data["text"], tenant, principal, data.get("idempotency_key", ""))
    return Redirect(f"{tenant.base_url}/catatan/{note_id}", status_code=303)


@post(
    "/catatan-contoh-salah",
    guards=[requires(WRITE)],
    opt={"sample": {"teks": "salah nama ruas"}},
    include_in_schema=False,
)
async def misfit(data: Annotated[dict[str, str], FORM]) -> Response[Any]:
    return Response("Teks wajib diisi.", status_code=422 if not data.get("text") else 200)


@post("/catatan/{note_id:int}/salin", guards=[requires(WRITE)], opt={"sample": {}},
      include_in_schema=False)  # fmt: skip
async def copy(
    note_id: int, data: Annotated[dict[str, str], FORM], tenant: Tenant, principal: Principal
) -> Response[Any]:
    original = await Note.select(Note.text).where(Note.id == note_id).first()
    if original is None:
        return Response("Catatan tidak ditemukan.", status_code=404)
    copied, _ = await _create(original["text"], tenant, principal, data["idempotency_key"])
    return Redirect(f"{tenant.base_url}/catatan/{copied}", status_code=303)


@post("/catatan", guards=[requires(WRITE)], opt={"sample": SAMPLE})
async def api_create(
    data: dict[str, Any], tenant: Tenant, principal: Principal
) -> Response[dict[str, int]]:
    note_id, new = await _create(data["text"], tenant, principal, data["idempotency_key"])
    return Response({"id": note_id}, status_code=201 if new else 200)


async def _demo(context: DemoContext) -> None:
    await Note.insert(Note(text=f"catatan kader desa {context.village.name}"))


def notebook(name: str, village_routes: list[Any], api_routes: list[Any]) -> Any:
    return plugin(
        name,
        kampung_piccolo_apps=lambda: ["sample_tenant.piccolo_app"],
        kampung_permissions=lambda: [Permission(WRITE, "Menulis catatan", ("village_operator",))],
        kampung_village_routes=lambda: village_routes,
        kampung_api_routes=lambda: api_routes,
        kampung_demo_data=_demo,
    )


@pytest.fixture
def kampung_extra_plugins() -> list[Any]:
    return [notebook("notebook", [careful, careless, unsampled, misfit, copy], [api_create])]


async def test_a_write_that_stores_its_repeat_again_is_caught(kampung: Harness) -> None:
    verdict = await send_every_write_twice(kampung, ["notebook"])
    caught = [p for p in verdict.problems if p.startswith(f"POST {SLUG}/catatan-lupa:")]
    assert caught[0].endswith("the repeat stored more rows: {'sample_note': 1}")
    assert "the repeat answered 303" in caught[1]


async def test_a_sample_the_route_refuses_is_caught(kampung: Harness) -> None:
    verdict = await send_every_write_twice(kampung, ["notebook"])
    refused = [p for p in verdict.problems if p.startswith(f"POST {SLUG}/catatan-contoh-salah:")]
    assert refused == [f"POST {SLUG}/catatan-contoh-salah: its sample was refused (422): "
                       "Teks wajib diisi."]  # fmt: skip


async def test_careful_writes_pass_by_form_by_api_and_on_a_row_of_the_demo_data(
    kampung: Harness,
) -> None:
    verdict = await send_every_write_twice(kampung, ["notebook"])
    judged_careful = ("/catatan-baru:", "/catatan/{note_id:int}/salin:", "/api/v1")
    assert [p for p in verdict.problems if any(part in p for part in judged_careful)] == []
    assert len(verdict.problems) == 3


async def test_a_route_needing_form_data_without_a_sample_is_named_not_judged(
    kampung: Harness,
) -> None:
    verdict = await send_every_write_twice(kampung, ["notebook"])
    assert verdict.unjudged == [f"POST {SLUG}/catatan-tanpa-contoh (answered 422 to the key alone)"]


class TestTheShippedContractTest:
    """The test `from core.testing.contract import *` brings into a plugin's suite."""

    @pytest.fixture
    def kampung_extra_plugins(self) -> list[Any]:
        return [notebook("careful", [careful, unsampled, copy], [api_create])]

    async def test_passes_a_careful_plugin_and_warns_of_what_it_did_not_judge(
        self, kampung: Harness
    ) -> None:
        with pytest.warns(ContractWarning, match="catatan-tanpa-contoh"):
            await contract.test_contract_a_write_sent_twice_takes_effect_once(kampung, ["careful"])


async def test_the_shipped_contract_test_fails_a_careless_plugin(kampung: Harness) -> None:
    with pytest.raises(AssertionError, match="catatan-lupa: the repeat stored more rows"):
        await contract.test_contract_a_write_sent_twice_takes_effect_once(kampung, ["notebook"])
