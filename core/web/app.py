"""`create_app(settings)`: the Litestar app of one instance, assembled from its plugins."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from litestar import Litestar, Router
from litestar.config.csrf import CSRFConfig
from litestar.exceptions import HTTPException
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.plugins.htmx import HTMXPlugin

from core import i18n
from core.auth.csrf import CSRF_COOKIE
from core.auth.password_first import password_changed_first
from core.config import Settings
from core.db.engine import DatabaseUnavailable
from core.kernel import Kernel
from core.plugins.checks import check_routes, check_template_dirs
from core.plugins.settings import check_setting_fields
from core.version import __version__
from core.web import errors, openapi
from core.web.compression import compression_config
from core.web.csrf import csrf_middleware
from core.web.dependencies import dependencies
from core.web.guards import plugin_enabled, row_ids_exist
from core.web.public_cache import PublicPageCache
from core.web.security_headers import SecurityHeaders
from core.web.static_assets import AssetMount, StaticAssets
from core.web.templating import DEFAULT_THEME, build_environment, theme_dir
from core.web.transaction import RequestContext

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HTMX_DIST = PROJECT_ROOT / "node_modules" / "htmx.org" / "dist"
CORE_LOCALE = Path(__file__).resolve().parents[1] / "locale"


def create_app(settings: Settings, extra_plugins: Iterable[Any] = ()) -> Litestar:
    """Build the app; the database is opened at start-up and closed at shutdown."""
    kernel = Kernel.build(settings, extra_plugins)
    registry = kernel.registry
    check_setting_fields(registry.results("kampung_village_settings"))
    plugin_template_dirs = registry.results("kampung_template_dirs")
    check_template_dirs(plugin_template_dirs)
    template_dirs = [d for _, dirs in plugin_template_dirs for d in dirs]
    static_dirs = {
        k: v for _, found in registry.results("kampung_static_dirs") for k, v in found.items()
    }

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        database = app.state.kernel.database
        await database.start()
        try:
            yield
        finally:
            await database.close()

    assets = _static_assets(settings, static_dirs)
    route_handlers: list[Any] = [*assets.routers()]
    for plugin, handlers in registry.results("kampung_public_routes"):
        route_handlers.append(Router(path="/", route_handlers=handlers, opt={"plugin": plugin}))
    for plugin, handlers in registry.results("kampung_village_routes"):
        route_handlers.append(_village_router("/desa/{village_slug:str}", plugin, handlers))
    for plugin, handlers in registry.results("kampung_api_routes"):
        route_handlers.append(_api_router("/api/v1/desa/{village_slug:str}", plugin, handlers))
    for plugin, handlers in registry.results("kampung_district_routes"):
        route_handlers.append(
            Router(
                path="/kecamatan/{district_slug:str}",
                route_handlers=handlers,
                opt={"plugin": plugin},
            )
        )
    for plugin, handlers in registry.results("kampung_regency_routes"):
        route_handlers.append(
            Router(path="/kabupaten", route_handlers=handlers, opt={"plugin": plugin})
        )

    csrf = CSRFConfig(
        secret=settings.secret_key,
        cookie_name=CSRF_COOKIE,
        header_name="x-csrf-token",
        cookie_secure=settings.cookie_secure,
        cookie_samesite="lax",
        exclude=["/static/"],
    )
    app = Litestar(
        route_handlers=route_handlers,
        lifespan=[lifespan],
        middleware=[
            DefineMiddleware(PublicPageCache, csrf=csrf),
            RequestContext,
            csrf_middleware(csrf),
        ],
        guards=[row_ids_exist, password_changed_first],
        plugins=[HTMXPlugin()],
        before_send=[SecurityHeaders(settings)],
        compression_config=compression_config(),
        dependencies=dependencies(),
        exception_handlers={
            HTTPException: errors.http_exception_handler,
            DatabaseUnavailable: errors.unavailable_handler,
            ConnectionError: errors.unavailable_handler,
            OSError: errors.unavailable_handler,
            Exception: errors.server_error_handler,
        },
        openapi_config=OpenAPIConfig(
            title="Kampung API",
            version=__version__,
            path="/schema",
            description="JSON API of a Kampung instance; the same permissions as the pages.",
            components=openapi.COMPONENTS,
        ),
        debug=False,
    )
    check_routes(app.routes, kernel.permissions)
    _settle_signatures(app)
    app.state.kernel = kernel
    app.state.assets = assets
    app.state.templates = build_environment(settings.theme, template_dirs)
    app.state.translator = i18n.Translator(_locale_dirs(registry))
    return app


def _settle_signatures(app: Litestar) -> None:
    """Give each handler's signature model a field list of its own.

    Litestar's OpenAPI generation adds the path parameters a handler does not take (a village
    API's `village_slug`) to the handler's parsed signature, in place, and the signature model
    lists its fields in that same dict. Once anyone had read `/schema/openapi.json`, a body of
    the wrong type was refused as a bad `village_slug` (400) instead of naming its field (422).
    """
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            model = handler.signature_model
            model._fields = dict(model._fields)


def _village_router(path: str, plugin: str, handlers: list[Any]) -> Router:
    guards = [] if plugin == "core" else [plugin_enabled(plugin)]
    return Router(path=path, route_handlers=handlers, guards=guards, opt={"plugin": plugin})


def _api_router(path: str, plugin: str, handlers: list[Any]) -> Router:
    """A village router whose schema says how to sign in and what each refusal looks like."""
    return Router(
        path=path,
        route_handlers=[openapi.documented(h) for h in handlers],
        guards=[] if plugin == "core" else [plugin_enabled(plugin)],
        opt={"plugin": plugin},
        security=openapi.API_SECURITY,
    )


def _static_assets(settings: Settings, plugin_static: dict[str, Path]) -> StaticAssets:
    """The theme chain at `/static`, each plugin's folder below it, htmx at `/vendor`."""
    theme_static = (
        [theme_dir(settings.theme).parent / "static"] if settings.theme != "default" else []
    )
    return StaticAssets(
        [
            AssetMount("/static", [*theme_static, DEFAULT_THEME.parent / "static"]),
            AssetMount("/vendor", [HTMX_DIST]),
            *(
                AssetMount(f"/static/plugins/{key}", [directory])
                for key, directory in plugin_static.items()
            ),
        ]
    )


def _locale_dirs(registry: Any) -> list[Path]:
    dirs = [CORE_LOCALE]
    for plugin in registry.plugins:
        module_file = getattr(plugin.module, "__file__", None)
        if module_file:
            candidate = Path(module_file).resolve().parent / "locale"
            if candidate.is_dir() and candidate != CORE_LOCALE:
                dirs.append(candidate)
    return dirs
