"""The reference app: a bare Litestar "hello" served the same way as Kampung (uvicorn, 2 workers).

Its throughput is what the framework and server give with no database, no templates and no
middleware; Kampung's pages are read as a fraction of it. The POST handler reads a form and
redirects, the same shape as a submission, for the writes benchmark.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.response import Redirect


@get("/", sync_to_thread=False)
def hello() -> str:
    return "hello"


@post("/", status_code=303)
async def submit(request: Request[Any, Any, Any]) -> Response[Any]:
    await request.form()
    return Redirect("/", status_code=303)


def app_factory() -> Litestar:
    return Litestar(route_handlers=[hello, submit], debug=False)


if __name__ == "__main__":
    import sys

    from core.cli.serve import run_uvicorn

    run_uvicorn("bench.hello:app_factory", host="127.0.0.1", port=int(sys.argv[1]), workers=2)
