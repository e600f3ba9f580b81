"""CSRF protection for browsers; a request authenticated by an API token needs none.

CSRF abuses credentials a browser attaches by itself (the session cookie). A bearer token is
never attached by a browser: a page on another site cannot make one send it. So a request the
request context authenticated by its token passes; every other unsafe request is checked as
Litestar's own middleware checks it.
"""

from __future__ import annotations

from litestar.config.csrf import CSRFConfig
from litestar.middleware import DefineMiddleware
from litestar.middleware.csrf import CSRFMiddleware
from litestar.types import Receive, Scope, Send

from core.web.request_state import STATE_KEY


class TokenExemptCSRFMiddleware(CSRFMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope.get("state", {}).get(STATE_KEY)
        if state is not None and state.api_token is not None:
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def csrf_middleware(config: CSRFConfig) -> DefineMiddleware:
    """Runs after the request context, which is what tells an API token from a browser."""
    return DefineMiddleware(TokenExemptCSRFMiddleware, config=config)
