"""A village's logo: an uploaded picture, re-encoded and served by the instance itself.

A logo given as a URL was fetched by every visitor's browser from wherever it pointed, so any
host could count and follow the village's visitors. Now the admin uploads the file; it is
decoded and written again (PNG, JPEG or WebP, at most ``MAX_SIDE`` pixels, no metadata) under a
name made of its hash in ``<data>/logos/<village>/``, and served from there with long caching
(a new logo is a new name).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from core.config import Settings
from core.db import remove_on_rollback
from core.i18n import _
from core.images import NotAnImage, reencode_image

__all__ = [
    "LOGO_FORMATS",
    "MAX_BYTES",
    "MAX_SIDE",
    "LogoRefused",
    "logo_path",
    "remove_old_logos",
    "store_logo",
]

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 512
LOGO_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|webp)$")


class LogoRefused(ValueError):
    """The file cannot be a logo; the message says why, in Indonesian, naming the field."""


def _folder(settings: Settings, village_code: str) -> Path:
    return settings.data_path / "logos" / village_code


def store_logo(settings: Settings, village_code: str, data: bytes) -> str:
    """Check, re-encode and write the logo; its stored name. CPU-bound: run it in a thread.

    The file goes again if the request's transaction does not commit.
    """
    if not data:
        raise LogoRefused(_("Logo: pilih berkas gambar."))
    if len(data) > MAX_BYTES:
        raise LogoRefused(
            _("Logo: ukuran berkas paling besar {size} MB.").format(size=MAX_BYTES // 1024**2)
        )
    try:
        picture = reencode_image(data, LOGO_FORMATS, MAX_SIDE)
    except NotAnImage:
        raise LogoRefused(_("Logo: hanya gambar PNG, JPG, atau WebP yang utuh.")) from None
    name = hashlib.sha256(picture.data).hexdigest()[:32] + picture.extension
    folder = _folder(settings, village_code)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        path.write_bytes(picture.data)
        remove_on_rollback(path)
    return name


def logo_path(settings: Settings, village_code: str, name: str) -> Path | None:
    """The stored logo file of that name, or None for a name that is not one of ours."""
    if not _NAME.match(name):
        return None
    path = _folder(settings, village_code) / name
    return path if path.is_file() else None


def remove_old_logos(settings: Settings, village_code: str, keep: set[str]) -> None:
    """Delete the village's logo files except ``keep`` (the current and the previous one, so
    a save that rolls back still finds the logo it had)."""
    folder = _folder(settings, village_code)
    if folder.is_dir():
        for path in folder.iterdir():
            if _NAME.match(path.name) and path.name not in keep:
                path.unlink(missing_ok=True)
