"""Load and validate the instance settings.

A regency's IT staff configure an instance through one TOML file and `KAMPUNG_*` variables. Every
bad value fails at start-up with one line that names the key and what is expected, so a typo never
becomes a half-working instance.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.localtime import province_zone

DEFAULT_CONFIG_FILE = "kampung.toml"
ENV_PREFIX = "KAMPUNG_"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
_REGENCY_CODE = re.compile(r"^\d{2}\.\d{2}$")


SITE_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
SITE_PATH = re.compile(r"/[A-Za-z0-9._~/-]*")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the key and the fix."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything an instance needs to start."""

    database_url: str = "sqlite:///var/kampung.sqlite3"
    """Where the data lives: `sqlite:///path` (embedded) or `postgresql://user@host:port/db`."""
    database_owner_url: str | None = None
    """PostgreSQL only: the role that owns the tables and runs migrations; the app role must not
    own them, or Row-Level Security would not apply to it. Defaults to `database_url`."""
    secret_key: str = ""
    """Signs CSRF tokens and the signing keys' storage; at least 32 characters."""
    regency_code: str = "35.27"
    """Kemendagri code of the regency this instance serves, e.g. `35.27` (Sampang)."""
    instance_name: str = ""
    """Shown in the header; defaults to the regency's official name."""
    theme: str = "default"
    """A folder under `themes/` (or a path) whose templates override the default theme."""
    plugins: tuple[str, ...] | None = None
    """Plugins enabled for the instance; `None` means every installed plugin."""
    language: str = "id"
    """Default user-interface language: `id` or `en`."""
    time_zone: str = ""
    """The clock of every time shown and every default date, e.g. `Asia/Makassar` (WITA); by
    default the zone of the regency's province (`Asia/Jakarta`, WIB, for Java)."""
    session_idle_minutes: int = 30
    """A session unused this long ends."""
    session_absolute_hours: int = 12
    """A session ends this long after sign-in, used or not."""
    login_attempts_per_account: int = 5
    """Sign-in attempts per account from one address (or from one browser that signed in to it
    before) within the throttle window; from all addresses together, ten times as many."""
    login_attempts_per_address: int = 20
    """Sign-in attempts per client address within the throttle window."""
    login_window_minutes: int = 15
    """Length of the login throttle window."""
    data_dir: str = "var"
    """Uploads, signing keys and other files the instance writes."""
    host: str = "127.0.0.1"
    """Address `kampung serve` binds to."""
    port: int = 8000
    """Port `kampung serve` listens on."""
    workers: int = 1
    """Worker processes for `kampung serve`."""
    public_url: str = DEFAULT_PUBLIC_URL
    """Base URL printed on letters' QR codes and in links sent to citizens."""
    cookie_secure: bool = True
    """Send cookies only over HTTPS, and tell browsers to use HTTPS only (HSTS). When not set, on
    unless `public_url` is plain http on a loopback address (a demo or a developer's machine)."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses of the reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` headers
    `kampung serve` believes, e.g. `["10.0.0.5"]`; empty (the default) believes none, so the
    address that sign-in throttling counts is the connection's own."""
    site_hosts: tuple[str, ...] = ()
    """Host names of their own for villages' public sites, each `host=path`, e.g.
    `["noreh.desa.id=/desa/noreh/situs"]`: a visit to that host's root goes to the path, on the
    same host (the regency points the name's DNS at this instance)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Plugin settings: tables such as `[population]` are kept here for their plugin."""

    @property
    def site_paths(self) -> dict[str, str]:
        """`site_hosts` as host name → path."""
        return dict(entry.split("=", 1) for entry in self.site_hosts)

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def owner_url(self) -> str:
        return self.database_owner_url or self.database_url

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)


_FIELD_TYPES: dict[str, type] = {
    "database_url": str,
    "database_owner_url": str,
    "secret_key": str,
    "regency_code": str,
    "instance_name": str,
    "theme": str,
    "plugins": tuple,
    "language": str,
    "time_zone": str,
    "session_idle_minutes": int,
    "session_absolute_hours": int,
    "login_attempts_per_account": int,
    "login_attempts_per_address": int,
    "login_window_minutes": int,
    "data_dir": str,
    "host": str,
    "port": int,
    "workers": int,
    "public_url": str,
    "cookie_secure": bool,
    "trusted_proxies": tuple,
    "site_hosts": tuple,
}


def load_settings(
    path: str | os.PathLike[str] | None = None,
    *,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read the config file (if any), then the environment, then explicit overrides."""
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    config_path = Path(path or env.get("KAMPUNG_CONFIG") or DEFAULT_CONFIG_FILE)
    explicit = path is not None or "KAMPUNG_CONFIG" in env
    if explicit and not config_path.is_file():
        raise ConfigError(f"config: file {config_path} not found (check --config / KAMPUNG_CONFIG)")
    if config_path.is_file():
        values.update(_read_toml(config_path))
    for key in _FIELD_TYPES:
        raw = env.get(ENV_PREFIX + key.upper())
        if raw is not None:
            values[key] = _from_env(key, raw)
    values.update(overrides)
    values.setdefault("cookie_secure", not _loopback_http(values.get("public_url")))
    return validate(Settings(**{k: _coerce(k, v) for k, v in values.items()}))


def _loopback_http(public_url: Any) -> bool:
    url = urlsplit(public_url if isinstance(public_url, str) else DEFAULT_PUBLIC_URL)
    return url.scheme == "http" and url.hostname in {"127.0.0.1", "localhost", "::1"}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config: {path} is not valid TOML: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known and key != "extra":
            values[key] = value
        elif isinstance(value, dict):
            extra[key] = value
        else:
            raise ConfigError(f"config: unknown key '{key}' in {path}")
    if extra:
        values["extra"] = extra
    return values


def _from_env(key: str, raw: str) -> Any:
    kind = _FIELD_TYPES[key]
    if kind is tuple:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered not in {"1", "0", "true", "false", "yes", "no"}:
            raise ConfigError(
                f"config: {ENV_PREFIX}{key.upper()} must be true or false, got {raw!r}"
            )
        return lowered in {"1", "true", "yes"}
    return raw


def _coerce(key: str, value: Any) -> Any:
    if key == "extra":
        return value
    kind = _FIELD_TYPES.get(key)
    if kind is None:
        raise ConfigError(f"config: unknown key '{key}'")
    if kind is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"config: {key} must be a whole number, got {value!r}") from None
    if kind is tuple:
        if value is None:
            return None
        if isinstance(value, str) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"config: {key} must be a list of names, got {value!r}")
        return tuple(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"config: {key} must be true or false, got {value!r}")
        return value
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"config: {key} must be text, got {value!r}")
    return value


def validate(settings: Settings) -> Settings:
    """Check the values that must make sense together; fill the derived defaults."""
    if not settings.database_url.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise ConfigError(
            "config: database_url must start with sqlite:/// or postgresql://, "
            f"got {settings.database_url!r}"
        )
    if not _REGENCY_CODE.match(settings.regency_code):
        raise ConfigError(
            "config: regency_code must look like 35.27 (province.regency), "
            f"got {settings.regency_code!r}"
        )
    if len(settings.secret_key) < 32:
        raise ConfigError(
            "config: secret_key must be at least 32 characters "
            "(set secret_key in kampung.toml or KAMPUNG_SECRET_KEY)"
        )
    if not settings.cookie_secure and settings.public_url.startswith("https://"):
        raise ConfigError(
            "config: cookie_secure = false contradicts public_url "
            f"{settings.public_url}: behind HTTPS cookies must be Secure (remove cookie_secure)"
        )
    if settings.language not in {"id", "en"}:
        raise ConfigError(f"config: language must be id or en, got {settings.language!r}")
    for key in (
        "session_idle_minutes",
        "session_absolute_hours",
        "workers",
        "login_window_minutes",
    ):
        if getattr(settings, key) < 1:
            raise ConfigError(f"config: {key} must be at least 1")
    for proxy in settings.trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise ConfigError(
                f"config: trusted_proxies entry {proxy!r} is not an IP address or network "
                '(e.g. trusted_proxies = ["10.0.0.5"])'
            ) from None
    settings = replace(settings, site_hosts=tuple(_site_host(e) for e in settings.site_hosts))
    if not settings.instance_name:
        from lokal.wilayah import wilayah_name

        name = wilayah_name(settings.regency_code)
        if name is None:
            raise ConfigError(
                f"config: regency_code {settings.regency_code} is not a Kemendagri code"
            )
        settings = replace(settings, instance_name=name)
    return replace(settings, time_zone=_time_zone(settings))


def _site_host(entry: str) -> str:
    host, _, path = entry.partition("=")
    host = host.strip().lower()
    path = path.strip()
    if not SITE_HOST.fullmatch(host) or not SITE_PATH.fullmatch(path):
        raise ConfigError(
            f"config: site_hosts entry {entry!r} must be host=path, "
            'e.g. site_hosts = ["noreh.desa.id=/desa/noreh/situs"]'
        )
    return f"{host}={path}"


def _time_zone(settings: Settings) -> str:
    if not settings.time_zone:
        return province_zone(settings.regency_code)
    try:
        ZoneInfo(settings.time_zone)
    except (ValueError, ZoneInfoNotFoundError):
        raise ConfigError(
            f"config: time_zone {settings.time_zone!r} is not a time zone "
            "(Asia/Jakarta for WIB, Asia/Makassar for WITA, Asia/Jayapura for WIT)"
        ) from None
    return settings.time_zone
