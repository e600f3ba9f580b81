"""The OpenAPI document is true: every answer the API gives is one the document promises.

Schemathesis draws requests from `/schema/openapi.json` and sends them with an API token, as a
machine client would. Each answer must have a documented status code, a documented content type
and a body that matches the documented schema (successes and refusals alike), and never be a 5xx.
Bounded so it stays quick in CI; `KAMPUNG_SCHEMA_EXAMPLES` raises it for a longer run.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bench.reliability.office import open_office
from bench.reliability.threaded import LoopBridge, run_in_thread
from core.auth.sessions import load_principal
from core.auth.tables import User
from core.auth.tokens import create_token
from tests.reliability.test_api_fuzz import send

EXAMPLES = int(os.environ.get("KAMPUNG_SCHEMA_EXAMPLES", "40"))
CREDENTIALS = {"authorization", "x-csrf-token"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


async def _token(kampung: Any, village_code: str) -> str:
    """A token of a village operator holding every permission the operator holds there."""
    username = await kampung.user("village_operator", village_code)
    row = await User.select(User.id).where(User.username == username).first()
    operator = await load_principal(row["id"])
    assert operator is not None
    wanted = [
        name
        for name, p in kampung.kernel.permissions.items()
        if "village_operator" in p.default_roles
    ]
    now = datetime.now(UTC)
    async with kampung.scope():
        issued = await create_token(
            operator,
            name="Uji skema",
            scope_code=village_code,
            wanted=wanted,
            expires_at=now + timedelta(days=1),
            now=now,
            permissions=kampung.kernel.permissions,
            regency_code=kampung.settings.regency_code,
        )
    return issued.secret


async def test_every_api_answer_conforms_to_the_openapi_document(kampung) -> None:
    office = await open_office(kampung)
    client = kampung.client()
    client.headers["Authorization"] = "Bearer " + await _token(kampung, office.village.code)
    document = (await client.get("/schema/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    known = {"village_slug": office.village.slug, "resident_id": office.residents[0]}
    cases = schema.as_strategy(GenerationMode.POSITIVE, path_parameters=known)
    found: list[str] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=cases)
    def conform(bridge: LoopBridge, case: Any) -> None:
        case.headers = {  # the token signs every case in, not credentials drawn at random
            k: v for k, v in (case.headers or {}).items() if k.lower() not in CREDENTIALS
        }
        case.cookies = {}
        response = bridge.run(send(client, case))
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as failure:  # schemathesis groups its failures in one exception
            found.append(f"{case.method} {case.formatted_path}: {str(failure)[:600]}")

    await run_in_thread(lambda bridge: conform(bridge))
    assert found == [], "\n".join(found)


async def test_the_document_declares_how_to_sign_in_and_what_a_refusal_is(kampung) -> None:
    document = (await kampung.client().get("/schema/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["apiToken"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "kpg_<id>_<secret>",
        "description": schemes["apiToken"]["description"],
    }
    assert schemes["session"]["in"] == "cookie" and schemes["csrfHeader"]["in"] == "header"
    problem = document["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"status", "title", "detail"}
    for path, operations in document["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            assert operation["security"], (method, path)
            for status in ("400", "401", "403", "404", "409", "422"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Problem"}, (path, status)
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                shapes = [body["schema"], *body["schema"].get("oneOf", [])]
                assert any("$ref" in shape for shape in shapes), f"{method} {path}: untyped body"


async def test_a_body_of_the_wrong_type_is_refused_with_422_naming_the_field(kampung) -> None:
    office = await open_office(kampung)
    operator = office.clients["village_operator"]
    refused = await operator.post(office.village.api + "/surat", json={"kind": 7})
    assert refused.status_code == 422, refused.text
    assert "kind" in refused.json()["detail"] and "kind" in refused.json()["errors"]


async def test_reading_the_document_changes_no_answer(kampung) -> None:
    """Litestar builds the document by adding unused path parameters to each handler's parsed
    signature, in place; a wrong body must still be refused naming its field, not the path."""
    office = await open_office(kampung)
    operator = office.clients["village_operator"]
    assert (await kampung.client().get("/schema/openapi.json")).status_code == 200
    refused = await operator.post(office.village.api + "/surat", json={"kind": 7})
    assert refused.status_code == 422, refused.text
    assert set(refused.json()["errors"]) == {"kind"}
