"""Serve an instance with uvicorn, the way a regency runs it in production."""

from __future__ import annotations

import os
import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

from core.config import Settings

APP_FACTORY = "core.web.asgi:app_from_environment"


class _TcpConfig(uvicorn.Config):
    """uvicorn's config, with the workers' shared socket declared as TCP.

    With several workers uvicorn binds the socket itself and leaves its protocol at 0; every
    connection accepted on it inherits that, asyncio then leaves Nagle's algorithm on, and a
    keep-alive response whose last segment is small waits ~40 ms for the client's delayed ACK
    (uvicorn issue 3149). The same socket, re-declared IPPROTO_TCP, gets TCP_NODELAY.
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return sock
        return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())


def run_uvicorn(
    app_factory: str,
    *,
    host: str,
    port: int,
    workers: int,
    trusted_proxies: tuple[str, ...] = (),
) -> None:
    """Run an app factory ("module:function") on uvicorn with the production options.

    `X-Forwarded-For` is believed only from `trusted_proxies`: uvicorn's own default trusts
    127.0.0.1, so anything on the host (or a proxy that passes the header through) could choose
    the address that sign-in throttling counts.
    """
    config = _TcpConfig(
        app_factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies),
        log_level="warning",
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()


def serve(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
) -> None:
    """Workers are separate processes; each builds its app from the same settings."""
    os.environ["KAMPUNG_SECRET_KEY"] = settings.secret_key
    os.environ["KAMPUNG_DATABASE_URL"] = settings.database_url
    os.environ["KAMPUNG_COOKIE_SECURE"] = "true" if settings.cookie_secure else "false"
    os.environ["KAMPUNG_PUBLIC_URL"] = settings.public_url
    if settings.database_owner_url:
        os.environ["KAMPUNG_DATABASE_OWNER_URL"] = settings.database_owner_url
    run_uvicorn(
        APP_FACTORY,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        trusted_proxies=settings.trusted_proxies,
    )
