"""Error responses in the user's language: pages for people, JSON for the API, never a traceback."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.enums import MediaType
from litestar.exceptions import HTTPException, NotAuthorizedException, ValidationException
from litestar.response import Redirect
from litestar.utils.scope.state import ScopeState

from core import i18n
from core.db.engine import DatabaseUnavailable
from core.i18n import N_

CSRF_COOKIE = "kampung_csrf"

logger = logging.getLogger("kampung")
RETRY_AFTER_SECONDS = 15

TITLES = {
    400: N_("Permintaan tidak valid"),
    401: N_("Silakan masuk"),
    403: N_("Akses ditolak"),
    404: N_("Halaman tidak ditemukan"),
    405: N_("Metode tidak diizinkan"),
    409: N_("Terjadi konflik"),
    413: N_("Kiriman terlalu besar"),
    422: N_("Data tidak valid"),
    429: N_("Terlalu banyak permintaan"),
    500: N_("Terjadi kesalahan pada server"),
    503: N_("Layanan sedang tidak tersedia"),
}
MESSAGES = {
    400: "Permintaan tidak dapat diproses. Periksa kembali isian Anda.",
    403: "Anda tidak berhak membuka halaman ini.",
    404: "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
    413: (
        "Berkas yang dikirim terlalu besar untuk diterima sekaligus. Kembali ke formulir, "
        "kecilkan foto atau kirim lebih sedikit berkas, lalu coba lagi."
    ),
    500: "Maaf, terjadi kesalahan. Tim TI kabupaten sudah dicatat; coba lagi nanti.",
    503: "Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.",
}


def is_api(request: Request[Any, Any, Any]) -> bool:
    return (
        request.url.path.startswith(("/api/", "/-/"))
        or "application/json" in request.headers.get("accept", "").split(",")[0]
    )


def _language(request: Request[Any, Any, Any]) -> str:
    from core.web.render import LANG_COOKIE

    return i18n.pick_language(
        request.cookies.get(LANG_COOKIE), request.app.state.kernel.settings.language
    )


def error_response(
    request: Request[Any, Any, Any],
    status: int,
    detail: str | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    translator: i18n.Translator = request.app.state.translator
    lang = _language(request)
    title = translator.gettext(lang, TITLES.get(status, TITLES[500 if status >= 500 else 400]))
    message = translator.gettext(lang, detail or MESSAGES.get(status, MESSAGES[400]))
    if is_api(request):
        body: dict[str, Any] = {"status": status, "title": title, "detail": message}
        if extra:
            body.update(extra)
        return Response(body, status_code=status, media_type=MediaType.JSON, headers=headers)
    token = translator.activate(lang)
    try:
        context = _page_context(request, lang)
        context.update({"status_code": status, "title": title, "message": message})
        html = request.app.state.templates.get_template("errors/error.html").render(context)
    finally:
        translator.reset(token)
    return Response(html, status_code=status, media_type=MediaType.HTML, headers=headers)


def _page_context(request: Request[Any, Any, Any], lang: str) -> dict[str, Any]:
    """The usual page context where the request got that far, a bare one where it did not."""
    from core.web.render import InstanceView, asset_context, page_context
    from core.web.request_state import STATE_KEY

    if STATE_KEY in request.scope.get("state", {}):
        context = page_context(request)
    else:
        context = {
            "request": request,
            "instance": InstanceView(request.app.state.kernel.settings.instance_name),
            "tenant": None,
            "user": None,
            "nav": [],
            "flash": [],
            **asset_context(request),
            "languages": list(i18n.LANGUAGES.items()),
        }
    scope_token = ScopeState.from_scope(request.scope).csrf_token
    context["csrf_token"] = scope_token or request.cookies.get(CSRF_COOKIE) or "-"
    context["lang"] = lang
    context["layout"] = "layouts/base.html"
    return context


def http_exception_handler(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    if isinstance(exc, NotAuthorizedException) and not is_api(request):
        login_url = (
            exc.extra.get("login_url", "/masuk") if isinstance(exc.extra, dict) else "/masuk"
        )
        wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return Redirect(f"{login_url}?next={quote(wanted, safe='/')}", status_code=303)
    detail = exc.detail if exc.detail and exc.detail != TITLES.get(exc.status_code) else None
    if detail and detail in {
        "Not Found",
        "Internal Server Error",
        "Forbidden",
        "Bad Request",
        "Request Entity Too Large",
    }:
        detail = None
    extra = None
    status = exc.status_code
    if isinstance(exc, ValidationException) and exc.extra:
        fields = field_errors(exc.extra)
        extra = {"errors": fields}
        if _from_body(exc.extra):
            status = 422
            detail = "Isian tidak valid: " + "; ".join(f"{k}: {v}" for k, v in fields.items())
    if exc.status_code == 403 and detail == "CSRF token verification failed":
        detail = "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi."
    return error_response(request, status, detail, extra, headers=exc.headers)


def field_errors(extra: Any) -> dict[str, str]:
    """One shape for refused fields, field -> reason, whether the app or Litestar refused them."""
    if isinstance(extra, dict):
        return {str(key): str(value) for key, value in extra.items()}
    if isinstance(extra, list):
        found: dict[str, str] = {}
        for item in extra:
            if isinstance(item, dict):
                found[str(item.get("key") or item.get("source") or "body")] = str(
                    item.get("message", "")
                )
        return found
    return {"body": str(extra)}


def _from_body(extra: Any) -> bool:
    """A JSON body that does not match its declared type is invalid data (422), as the app's
    own checks of the same body are; a malformed path or query parameter stays a 400."""
    return (
        isinstance(extra, list)
        and bool(extra)
        and all(isinstance(item, dict) and item.get("source") == "body" for item in extra)
    )


def unavailable_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    logger.warning("database unavailable: %s", exc)
    return error_response(request, 503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


DUPLICATE = (
    "Data yang sama baru saja disimpan oleh permintaan lain. Muat ulang halaman untuk melihatnya."
)


INVALID_DATA = (
    "Isian berisi nilai yang tidak dapat disimpan (misalnya karakter NUL atau angka yang terlalu "
    "besar). Periksa kembali isian Anda."
)
INVALID_DATA_SQLSTATE = "22"
"""The SQLSTATE class of data exceptions: the request sent a value the database cannot hold."""


SQLITE_BUSY_KEY = "kampung.sqlite_busy"
"""Set in the scope's state when a read failed on SQLite's lock: the request context runs a read
once more, holding the write lock from its start (core/web/transaction.py)."""


def is_sqlite_busy(exc: BaseException) -> bool:
    """SQLite refused a lock at once ("database is locked"): a read that began before another
    connection committed cannot become a write, however long the busy timeout."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ == "OperationalError" and "database is locked" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def server_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if is_sqlite_busy(exc):
        request.scope.setdefault("state", {})[SQLITE_BUSY_KEY] = True
        return unavailable_handler(request, exc)
    if _is_connection_error(exc):
        return unavailable_handler(request, exc)
    if _is_invalid_data(exc):
        return error_response(request, 422, INVALID_DATA)
    if _is_unique_violation(exc):
        return error_response(request, 409, DUPLICATE)
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500)


def _is_invalid_data(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if str(getattr(seen, "sqlstate", "")).startswith(INVALID_DATA_SQLSTATE):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _is_unique_violation(exc: BaseException) -> bool:
    """Two identical submissions raced past the idempotency check; the database kept one."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ == "UniqueViolationError":
            return True
        if type(seen).__name__ == "IntegrityError" and "UNIQUE" in str(seen).upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


CONNECTION_SQLSTATES = ("08", "57P")
"""SQLSTATEs of a lost connection: connection exceptions, and the server shutting down, crashing
or starting up (57P01-57P03). A statement timeout (57014) is not one."""
CONNECTION_ERRORS = {"InterfaceError", "InternalClientError"}
"""asyncpg's own errors, without a SQLSTATE, for a connection that is gone or going.
`InternalClientError`: the server's "terminating connection" notice reached an idle pooled
connection, and asyncpg refuses any further query on it."""


def _is_connection_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (DatabaseUnavailable, ConnectionError, OSError)):
            return True
        if type(seen).__name__ in CONNECTION_ERRORS:
            return True
        if str(getattr(seen, "sqlstate", "")).startswith(CONNECTION_SQLSTATES):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
