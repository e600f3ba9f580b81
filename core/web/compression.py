"""gzip for text answers: pages, fragments, JSON, CSS and JavaScript.

A phone on a slow link downloads htmx (52 KB) as 17 KB and a resident list at a fifth of its size.
Two kinds of answer are left as they are:

- Answers that are not text (PDF letters, XLSX exports, photos): they are compressed already,
  and gzip would spend the server's CPU for nothing.
- Answers to a request another site started (`Sec-Fetch-Site: cross-site`): a page that
  reflects what the request sent (a search term) beside a secret (the CSRF token) leaks the
  secret through the compressed length when an attacker can make the browser send many such
  requests and watch the encrypted traffic (BREACH). The user's own navigation is same-origin and
  stays compressed.
"""

from __future__ import annotations

from litestar.config.compression import CompressionConfig
from litestar.datastructures import Headers, MutableScopeHeaders
from litestar.enums import CompressionEncoding
from litestar.middleware.compression import CompressionMiddleware
from litestar.types import Message, Receive, Scope, Send

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/problem+json",
    "application/javascript",
    "application/vnd.oai.openapi",
    "image/svg+xml",
)
GZIP_LEVEL = 6
"""zlib's default: nearly the size of level 9 at a third of the CPU."""


class TextCompressionMiddleware(CompressionMiddleware):
    """Litestar's compression, for text answers to requests the instance's own pages made."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if Headers.from_scope(scope).get("sec-fetch-site") == "cross-site":
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def create_compression_send_wrapper(
        self, send: Send, compression_encoding: CompressionEncoding | str, scope: Scope
    ) -> Send:
        """Compress only once the answer's start shows it is text."""
        compressing = super().create_compression_send_wrapper(send, compression_encoding, scope)
        chosen: Send | None = None

        async def choose(message: Message) -> None:
            nonlocal chosen
            if chosen is None and message["type"] == "http.response.start":
                chosen = compressing if is_text(message) else send
            await (chosen or send)(message)

        return choose


def is_text(message: Message) -> bool:
    headers = MutableScopeHeaders.from_message(message)
    if "content-encoding" in headers:
        return False
    content_type = headers.get("content-type", "").lower()
    return content_type.startswith(TEXT_TYPES)


def compression_config() -> CompressionConfig:
    return CompressionConfig(
        backend="gzip",
        gzip_compress_level=GZIP_LEVEL,
        middleware_class=TextCompressionMiddleware,
    )
