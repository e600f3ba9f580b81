"""Village administration: settings, logo, plugin switches, users of the village."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.response import File, Redirect

from core.auth.principal import role_label
from core.builtin.permissions import PLUGINS, USERS, VILLAGE_SETTINGS
from core.builtin.users import (
    UserFormError,
    create_user,
    reset_user_password,
    roles_for,
    set_user_active,
    users_in_scope,
)
from core.builtin.village_logo import (
    MAX_BYTES,
    LogoRefused,
    logo_path,
    remove_old_logos,
    store_logo,
)
from core.i18n import _
from core.kernel import Kernel
from core.plugins.contributions import SettingField
from core.plugins.settings import validate_plugin_settings
from core.tenancy.context import Tenant
from core.tenancy.enablement import EnablementError, effective_plugins, set_plugin
from core.tenancy.tables import Village
from core.web.guards import public, requires
from core.web.render import flash, render
from core.web.request_state import request_state

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SETTING_FIELDS = [
    ("display_name", "Nama tampilan"),
    ("local_word", "Sebutan untuk desa (mis. Desa, Nagari, Gampong)"),
    ("hamlet_word", "Sebutan untuk dusun (mis. Dusun, Banjar, Jorong)"),
    ("head_name", "Nama kepala desa"),
    ("address", "Alamat kantor desa"),
    ("primary_colour", "Warna utama (#RRGGBB)"),
    ("secondary_colour", "Warna kedua (#RRGGBB)"),
]


@dataclass(frozen=True, slots=True)
class PluginRow:
    name: str
    title: str
    version: str
    requires: tuple[str, ...]
    enabled: bool


def validate_settings(values: dict[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key in ("primary_colour", "secondary_colour"):
        if values.get(key) and not COLOUR.match(values[key]):
            errors[key] = _("Warna harus berbentuk #RRGGBB, misalnya #1f6f43.")
    for key, value in values.items():
        if len(value) > 200:
            errors[key] = _("Paling banyak 200 karakter.")
    return errors


def plugin_setting_fields(kernel: Kernel, active: frozenset[str]) -> list[tuple[str, SettingField]]:
    """Settings the plugins on in this village declare, keyed `<plugin>.<key>`."""
    return [
        (f"{plugin}.{setting.key}", setting)
        for plugin, found in kernel.registry.results("kampung_village_settings")
        if plugin in active
        for setting in found
    ]


def _settings_form(
    values: dict[str, Any], errors: dict[str, str], plugin_fields: list[tuple[str, SettingField]]
) -> dict[str, Any]:
    fields: list[tuple[str, str, Any, str | None, str, list[tuple[str, str]] | None]] = [
        (key, label, values.get(key, ""), errors.get(key), "text", None)
        for key, label in SETTING_FIELDS
    ]
    for key, setting in plugin_fields:
        kind = {"int": "number", "bool": "checkbox"}.get(setting.kind, "text")
        options = list(setting.choices) if setting.kind == "choice" else None
        value = values.get(key, setting.default)
        fields.append(
            (key, setting.label, "" if value is None else value, errors.get(key), kind, options)
        )
    return {
        "heading": _("Pengaturan desa"),
        "fields": fields,
        "errors": errors,
        "logo_max_mb": MAX_BYTES // 1024**2,
    }


@get("/pengaturan", guards=[requires(VILLAGE_SETTINGS)], include_in_schema=False)
async def settings_page(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None
    fields = plugin_setting_fields(request.app.state.kernel, state.effective_plugins)
    return await render(
        request, "pages/village_settings.html", _settings_form(tenant.settings, {}, fields)
    )


@post("/pengaturan", guards=[requires(VILLAGE_SETTINGS)], include_in_schema=False)
async def save_settings(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    form = await request.form()
    values = {key: str(form.get(key, "")).strip() for key, _ in SETTING_FIELDS}
    fields = plugin_setting_fields(kernel, state.effective_plugins)
    plugin_values, plugin_errors = validate_plugin_settings(
        fields, {key: str(form.get(key, "")).strip() for key, _ in fields}
    )
    errors = {**validate_settings(values), **plugin_errors}
    if errors:
        context = _settings_form({**values, **plugin_values}, errors, fields)
        return await render(request, "pages/village_settings.html", context, status_code=422)
    before = {key: tenant.settings.get(key, "") for key, _ in SETTING_FIELDS}
    new_settings = {k: v for k, v in tenant.settings.items() if k != "default_word"}
    new_settings.update(values)
    new_settings.update(plugin_values)
    await Village.update({Village.settings: new_settings}).where(Village.code == tenant.code)
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="update",
        entity="village_settings",
        entity_id=tenant.code,
        before=before,
        after={**values, **plugin_values},
    )
    await flash(request, "success", _("Pengaturan desa disimpan."))
    return Redirect(f"{tenant.base_url}/pengaturan", status_code=303)


@post(
    "/pengaturan/logo",
    guards=[requires(VILLAGE_SETTINGS)],
    include_in_schema=False,
    request_max_body_size=MAX_BYTES + 64 * 1024,
)
async def save_logo(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    """Upload a new logo (or, with ``remove``, go back to none)."""
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    form = await request.form()
    before = tenant.settings.get("logo_file")
    name = None
    if not form.get("remove"):
        upload = form.get("logo")
        data = await upload.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
        try:
            name = await asyncio.to_thread(store_logo, kernel.settings, tenant.code, data)
        except LogoRefused as refused:
            fields = plugin_setting_fields(kernel, state.effective_plugins)
            context = _settings_form(tenant.settings, {"logo": str(refused)}, fields)
            return await render(request, "pages/village_settings.html", context, status_code=422)
    new_settings = {k: v for k, v in tenant.settings.items() if k not in {"logo_file", "logo_url"}}
    if name:
        new_settings["logo_file"] = name
    await Village.update({Village.settings: new_settings}).where(Village.code == tenant.code)
    remove_old_logos(kernel.settings, tenant.code, {n for n in (name, before) if n})
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="update",
        entity="village_logo",
        entity_id=tenant.code,
        before={"logo": before or tenant.settings.get("logo_url")},
        after={"logo": name},
    )
    await flash(request, "success", _("Logo desa disimpan.") if name else _("Logo desa dihapus."))
    return Redirect(f"{tenant.base_url}/pengaturan", status_code=303)


@get("/logo/{name:str}", guards=[public], include_in_schema=False)
async def village_logo(request: Request[Any, Any, Any], kernel: Kernel, name: str) -> File:
    """The village's logo, for every page of the village and its sign-in pages."""
    tenant = request_state(request).tenant
    assert tenant is not None
    path = logo_path(kernel.settings, tenant.code, name)
    if path is None:
        raise NotFoundException()
    return File(
        path,
        content_disposition_type="inline",
        media_type={".png": "image/png", ".jpg": "image/jpeg"}.get(path.suffix, "image/webp"),
        headers={
            "Cache-Control": "public, max-age=31536000, immutable",
            "X-Content-Type-Options": "nosniff",
        },
    )


@get("/pengaturan/modul", guards=[requires(PLUGINS)], include_in_schema=False)
async def plugins_page(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    active = await effective_plugins(kernel.registry, tenant.code)
    rows = [
        PluginRow(p.info.name, p.info.title, p.info.version, p.info.requires, p.info.name in active)
        for p in kernel.registry.plugins
        if p.info.name != "core"
    ]
    return await render(
        request, "pages/plugins.html", {"plugins": rows, "heading": _("Modul desa")}
    )


@post("/pengaturan/modul/{plugin:str}", guards=[requires(PLUGINS)], include_in_schema=False)
async def switch_plugin(
    request: Request[Any, Any, Any], kernel: Kernel, plugin: str
) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    form = await request.form()
    enabled = str(form.get("enabled", "")) in {"1", "true", "on"}
    if plugin not in kernel.registry.names:
        raise NotFoundException()
    try:
        await set_plugin(kernel.registry, tenant.code, plugin, enabled, state.principal.username)
    except EnablementError as exc:
        await flash(request, "error", str(exc))
        state.commit_on_error = True
        return Redirect(f"{tenant.base_url}/pengaturan/modul", status_code=303)
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="enable" if enabled else "disable",
        entity="plugin",
        entity_id=plugin,
    )
    done = _("Modul {plugin} diaktifkan.") if enabled else _("Modul {plugin} dimatikan.")
    await flash(request, "success", done.format(plugin=plugin))
    return Redirect(f"{tenant.base_url}/pengaturan/modul", status_code=303)


@get("/pengguna", guards=[requires(USERS)], include_in_schema=False)
async def users_page(request: Request[Any, Any, Any]) -> Response[Any]:
    tenant = request_state(request).tenant
    assert tenant is not None
    users = await users_in_scope(tenant.code)
    return await render(request, "pages/users.html", _users_context(tenant, users, {}, {}))


@post("/pengguna", guards=[requires(USERS)], include_in_schema=False)
async def add_user(request: Request[Any, Any, Any], kernel: Kernel) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    form = await request.form()
    values = {
        key: str(form.get(key, "")).strip()
        for key in ("username", "display_name", "role", "password")
    }
    try:
        user_id = await create_user(tenant, state.principal, values)
    except UserFormError as exc:
        users = await users_in_scope(tenant.code)
        context = _users_context(tenant, users, exc.errors, values)
        return await render(request, "pages/users.html", context, status_code=422)
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="create",
        entity="user",
        entity_id=user_id,
        after={"username": values["username"], "role": values["role"]},
    )
    await flash(
        request, "success", _("Pengguna {username} dibuat.").format(username=values["username"])
    )
    return Redirect(f"{tenant.base_url}/pengguna", status_code=303)


@post("/pengguna/{user_id:int}/status", guards=[requires(USERS)], include_in_schema=False)
async def change_user_status(
    request: Request[Any, Any, Any], kernel: Kernel, user_id: int
) -> Response[Any]:
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    form = await request.form()
    active = str(form.get("active", "")) == "1"
    await set_user_active(tenant, user_id, active)
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="enable" if active else "disable",
        entity="user",
        entity_id=user_id,
    )
    await flash(request, "success", _("Status pengguna diubah."))
    return Redirect(f"{tenant.base_url}/pengguna", status_code=303)


@post("/pengguna/{user_id:int}/kata-sandi", guards=[requires(USERS)], include_in_schema=False)
async def reset_user_password_page(
    request: Request[Any, Any, Any], kernel: Kernel, user_id: int
) -> Response[Any]:
    """The temporary password is shown once, on this answer only (never stored in a flash)."""
    state = request_state(request)
    tenant = state.tenant
    assert tenant is not None and state.principal is not None
    username, password = await reset_user_password(tenant, user_id)
    await kernel.audit(
        tenant,
        actor=state.principal.username,
        action="reset_password",
        entity="user",
        entity_id=user_id,
        after={"must_change_password": True},
    )
    context = _users_context(tenant, await users_in_scope(tenant.code), {}, {})
    context["issued"] = {"username": username, "password": password}
    return await render(request, "pages/users.html", context, headers={"Cache-Control": "no-store"})


def _users_context(
    tenant: Tenant, users: list[Any], errors: dict[str, str], values: dict[str, str]
) -> dict[str, Any]:
    roles = [(name, role_label(name)) for name in roles_for(tenant)]
    return {
        "users": users,
        "errors": errors,
        "values": values,
        "role_options": roles,
        "issued": None,
    }


SCOPED_ROUTES = [users_page, add_user, change_user_status, reset_user_password_page]
VILLAGE_ROUTES = [
    settings_page,
    save_settings,
    save_logo,
    village_logo,
    plugins_page,
    switch_plugin,
]
