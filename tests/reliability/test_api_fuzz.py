"""The JSON API, fuzzed from its own OpenAPI document, never fails and always says why it refuses.

Schemathesis draws requests from `/schema/openapi.json`, valid ones and deliberately broken ones
(wrong types, missing fields, odd characters in paths and queries), for the signed-in staff of one
village and for an anonymous caller. They go in-process to the app, with the session cookie and
CSRF header a browser would send. No answer may be a 5xx, and every 4xx carries a JSON body whose
`detail` tells the caller what was wrong.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from bench.reliability.office import open_office
from bench.reliability.threaded import LoopBridge, run_in_thread
from core.testing.harness import BASE_URL, csrf_ready

EXAMPLES = int(os.environ.get("KAMPUNG_FUZZ_EXAMPLES", "60"))
"""Cases per generation mode; raise it for a longer run."""
CALLERS = ("village_admin", "village_operator", "village_secretary", "village_head", "anonymous")


def problem(response: httpx.Response) -> str | None:
    """What is wrong with an answer, or None."""
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    if 400 <= response.status_code < 500:
        try:
            body = response.json()
        except ValueError:
            return f"{response.status_code} without a JSON body"
        detail = body.get("detail") if isinstance(body, dict) else None
        if not isinstance(detail, str) or not detail.strip():
            return f"{response.status_code} without a detail: {response.text[:200]}"
    return None


async def send(client: httpx.AsyncClient, case: Any) -> httpx.Response:
    """Send a schemathesis case through a signed-in httpx client (its cookies and CSRF header)."""
    sent = case.as_transport_kwargs(base_url=BASE_URL)
    headers = {
        key: value
        for key, value in dict(sent.get("headers") or {}).items()
        if key.lower() not in {"connection", "accept-encoding", "user-agent"}
    }
    body: dict[str, Any] = {}
    if "json" in sent:
        body["json"] = sent["json"]
    elif isinstance(sent.get("data"), (str, bytes)):
        body["content"] = sent["data"]
    elif sent.get("data") is not None:
        body["data"] = sent["data"]
    return await client.request(
        sent["method"], sent["url"], params=sent.get("params"), headers=headers, **body
    )


async def _fuzz(kampung, mode: GenerationMode) -> list[str]:
    office = await open_office(kampung)
    callers = {role: office.clients[role] for role in CALLERS[:-1]}
    callers["anonymous"] = kampung.client()
    await csrf_ready(callers["anonymous"])
    raw = (await callers["village_operator"].get("/schema/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(raw)
    cases = schema.as_strategy(mode, path_parameters={"village_slug": office.village.slug})
    found: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, caller=st.sampled_from(CALLERS))
    def fuzz(bridge: LoopBridge, case: Any, caller: str) -> None:
        response = bridge.run(send(callers[caller], case))
        wrong = problem(response)
        if wrong:
            found.append(f"{case.method} {case.formatted_path} as {caller}: {wrong}")

    await run_in_thread(lambda bridge: fuzz(bridge))
    return found


async def test_valid_api_requests_never_fail_and_every_refusal_says_why(kampung) -> None:
    found = await _fuzz(kampung, GenerationMode.POSITIVE)
    assert found == [], "\n".join(found)


async def test_broken_api_requests_never_fail_and_every_refusal_says_why(kampung) -> None:
    found = await _fuzz(kampung, GenerationMode.NEGATIVE)
    assert found == [], "\n".join(found)


async def test_a_value_the_database_cannot_hold_is_refused_with_a_reason(kampung) -> None:
    office = await open_office(kampung)
    operator = office.clients["village_operator"]
    nul = await operator.get(office.village.api + "/layanan", params={"status": "a\x00b"})
    far = await operator.get(office.village.api + "/surat", params={"tahun": -347})
    assert problem(nul) is None and nul.status_code in (200, 422), nul.text
    assert problem(far) is None and far.status_code == 200, far.text
