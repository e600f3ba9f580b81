"""Serve an instance with uvicorn, the way a regency runs it in production."""

from __future__ import annotations

import os

import uvicorn

from core.config import Settings

APP_FACTORY = "core.web.asgi:app_from_environment"


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
    if settings.database_owner_url:
        os.environ["KAMPUNG_DATABASE_OWNER_URL"] = settings.database_owner_url
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        proxy_headers=True,
        log_level="warning",
    )
