"""Connections that drop: a client that never hears the answer, or whose upload is cut off.

Both wrap the ASGI app of a test and are used through an httpx client that carries the cookies and
headers of a signed-in one, so a request is exactly what a browser or an API client would send.
The client sees `ConnectionResetError`, as it would see a reset socket, and then retries.
"""

from __future__ import annotations

from typing import Any

import httpx
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from core.testing.harness import BASE_URL


class LostAnswer:
    """The server does all its work and commits; the answer is lost on the way back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.statuses: list[int] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def lost(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.statuses.append(message["status"])

        await self.app(scope, receive, lost)
        raise ConnectionResetError("the connection dropped before the answer arrived")


class CutUpload:
    """The client disconnects halfway through sending its body; the server never gets the rest."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.statuses: list[int] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        chunks: list[Message] = [
            {"type": "http.request", "body": body[: len(body) // 2], "more_body": True},
            {"type": "http.disconnect"},
        ]

        async def cut() -> Message:
            return chunks.pop(0) if len(chunks) > 1 else chunks[0]

        async def lost(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.statuses.append(message["status"])

        await self.app(scope, cut, lost)
        raise ConnectionResetError("the client went away in the middle of its upload")


def through(app: ASGIApp, like: httpx.AsyncClient, **kwargs: Any) -> httpx.AsyncClient:
    """A client that sends through `app` (a wrapper above) as the signed-in client `like`."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=BASE_URL,
        cookies=like.cookies,
        headers=like.headers,
        **kwargs,
    )
