"""The ASGI entry point for uvicorn workers: `core.web.asgi:app_from_environment` (a factory)."""

from __future__ import annotations

from litestar import Litestar

from core.config import load_settings
from core.web.app import create_app


def app_from_environment() -> Litestar:
    return create_app(load_settings())
