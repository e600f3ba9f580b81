"""What the request-context middleware learned about a request, for guards and handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from http.cookies import SimpleCookie
from typing import Any

from core.auth.principal import Principal
from core.auth.sessions import SessionState
from core.tenancy.context import Tenant

STATE_KEY = "kampung"
STREAM_KEY = "kampung_stream"


@dataclass(slots=True)
class RequestState:
    now: datetime
    session: SessionState | None
    tenant: Tenant | None
    effective_plugins: frozenset[str] = frozenset()
    commit_on_error: bool = False
    new_session_token: str | None = None
    end_session: bool = False
    api_token: Principal | None = None
    """The API token the request was made with (JSON API only); it replaces any session."""

    @property
    def principal(self) -> Principal | None:
        if self.api_token is not None:
            return self.api_token
        return self.session.principal if self.session else None

    @property
    def citizen_ref(self) -> str | None:
        return self.session.citizen_ref if self.session else None


def request_state(connection: Any) -> RequestState:
    """The state of a Litestar request or ASGI scope."""
    scope = connection.scope if hasattr(connection, "scope") else connection
    return scope["state"][STATE_KEY]


def stream_response(connection: Any) -> None:
    """Let this response stream straight to the client instead of waiting for the commit.

    For long read-only responses (exports): the transaction stays open while the body streams.
    """
    connection.scope.setdefault("state", {})[STREAM_KEY] = True


def request_cookie(scope: Any, name: str) -> str | None:
    """A cookie of the request, read from its raw headers (for middleware, before a Request)."""
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            jar.load(value.decode("latin-1"))
            if name in jar:
                return jar[name].value
    return None
