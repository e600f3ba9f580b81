"""Static files under content-hashed names, so browsers keep them for a year.

A phone on a slow link should download htmx and the stylesheet once, not on every visit. At
start-up every file of every static folder (instance theme → default theme, plugin folders,
htmx) is hashed; templates link `static_url("kampung.css")` → `/static/kampung.3f2a9c1b.css`,
served `immutable`. A changed file gets a new name at the next start, so no browser keeps a stale
copy. The plain names stay served for links from outside, with `no-cache` (ask every time).

Browsers also ask for `/favicon.ico` by themselves, beside a PDF or a JSON answer that names no
icon; it is served from the same theme chain as `/static/favicon.ico`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

from litestar import Router, get, head
from litestar.file_system import BaseLocalFileSystem
from litestar.params import FromPath
from litestar.response.file import ASGIFileResponse
from litestar.static_files import StaticFiles

from core.web.guards import public

IMMUTABLE = "public, max-age=31536000, immutable"
"""For hashed names: the bytes behind a name never change."""
REVALIDATE = "no-cache"
"""For plain names: a browser may keep the file but asks whether it changed before using it."""
ICON_CACHE = "public, max-age=86400"
"""For `/favicon.ico`, whose name cannot change: kept a day, so a new theme's icon shows soon."""
HASH_LENGTH = 8
ICON = "favicon.ico"


@dataclass(slots=True)
class AssetMount:
    """One URL prefix and the folders behind it, the first folder that has a file wins."""

    prefix: str
    directories: list[Path]
    hashed: dict[str, str] = field(default_factory=dict)
    """Hashed relative path → the real relative path (`kampung.3f2a9c1b.css` → `kampung.css`)."""
    names: dict[str, str] = field(default_factory=dict)
    """Real relative path → hashed relative path."""

    def scan(self) -> None:
        for directory in self.directories:
            if not directory.is_dir():
                continue
            for path in sorted(directory.rglob("*")):
                relative = path.relative_to(directory).as_posix()
                if path.is_file() and relative not in self.names:
                    hashed = hashed_name(relative, path.read_bytes())
                    self.names[relative] = hashed
                    self.hashed[hashed] = relative


def hashed_name(relative: str, content: bytes) -> str:
    """`js/app.min.js` → `js/app.min.<hash>.js`: the hash goes before the last suffix."""
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    path = PurePosixPath(relative)
    name = f"{path.stem}.{digest}{path.suffix}" if path.suffix else f"{path.name}.{digest}"
    return path.with_name(name).as_posix()


class StaticAssets:
    """The instance's static mounts, their hashed names, and the routers that serve them."""

    def __init__(self, mounts: list[AssetMount]) -> None:
        # Longest prefix first, so `/static/plugins/x/a.js` is found under its plugin's mount.
        self.mounts = sorted(mounts, key=lambda mount: len(mount.prefix), reverse=True)
        for mount in self.mounts:
            mount.scan()

    def url(self, path: str) -> str:
        """The hashed URL of a file given by its plain URL path, e.g. `/vendor/htmx.min.js`."""
        for mount in self.mounts:
            if path.startswith(mount.prefix + "/"):
                hashed = mount.names.get(path.removeprefix(mount.prefix + "/"))
                if hashed is not None:
                    return f"{mount.prefix}/{hashed}"
        raise LookupError(
            f"static file {path} does not exist in any static folder "
            "(theme static/, a plugin's kampung_static_dirs, node_modules/htmx.org/dist)"
        )

    def static_url(self, name: str) -> str:
        """The template global: `static_url("kampung.css")`, `static_url("plugins/x/a.js")`."""
        return self.url("/static/" + name.lstrip("/"))

    def routers(self) -> list[Router]:
        routers = [_mount_router(mount) for mount in self.mounts]
        icons = [
            mount for mount in self.mounts if mount.prefix == "/static" and ICON in mount.names
        ]
        return routers + [_icon_router(mount) for mount in icons[:1]]


def _mount_router(mount: AssetMount) -> Router:
    file_system = BaseLocalFileSystem()
    immutable = StaticFiles(
        is_html_mode=False,
        directories=mount.directories,
        file_system=file_system,
        headers={"cache-control": IMMUTABLE},
    )
    revalidate = StaticFiles(
        is_html_mode=False,
        directories=mount.directories,
        file_system=file_system,
        headers={"cache-control": REVALIDATE},
    )

    async def respond(file_path: PurePath, is_head: bool) -> ASGIFileResponse:
        relative = file_path.as_posix().lstrip("/")
        real = mount.hashed.get(relative)
        if real is not None:
            return await immutable.handle(path=real, is_head_response=is_head)
        return await revalidate.handle(path=relative, is_head_response=is_head)

    name = "static" + mount.prefix.replace("/", "-")

    @get("{file_path:path}", name=name, include_in_schema=False)
    async def get_asset(file_path: FromPath[PurePath]) -> ASGIFileResponse:
        return await respond(file_path, is_head=False)

    @head("/{file_path:path}", name=name + "-head", include_in_schema=False)
    async def head_asset(file_path: FromPath[PurePath]) -> ASGIFileResponse:
        return await respond(file_path, is_head=True)

    handlers: list[Any] = [get_asset, head_asset]
    return Router(path=mount.prefix, route_handlers=handlers, opt={"public": True})


def _icon_router(mount: AssetMount) -> Router:
    """`/favicon.ico` at the root, where browsers look for it without being told."""
    icons = StaticFiles(
        is_html_mode=False,
        directories=mount.directories,
        file_system=BaseLocalFileSystem(),
        headers={"cache-control": ICON_CACHE},
    )

    @get("/" + ICON, name="favicon", guards=[public], include_in_schema=False)
    async def get_icon() -> ASGIFileResponse:
        return await icons.handle(path=ICON, is_head_response=False)

    @head("/" + ICON, name="favicon-head", guards=[public], include_in_schema=False)
    async def head_icon() -> ASGIFileResponse:
        return await icons.handle(path=ICON, is_head_response=True)

    return Router(path="/", route_handlers=[get_icon, head_icon], opt={"public": True})
