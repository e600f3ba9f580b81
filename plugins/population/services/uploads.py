"""Supporting documents applicants bring: checked by content, stored outside the web root.

A file's name says nothing about what it is, so the first bytes decide: only JPEG, PNG and PDF
are taken. Pictures must then decode, and are stored re-encoded: upright, at most
``MAX_SIDE`` pixels on their longest side, without EXIF (a phone photo carries where it was
taken). Files get random names under ``<data>/uploads/<village>/`` and are only ever sent back
as downloads, so a crafted file can never run in a staff member's browser.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from core.config import Settings
from core.db import remove_on_rollback
from core.i18n import _
from core.images import NotAnImage, reencode_image

__all__ = [
    "CEILING_MAX_BYTES",
    "DEFAULT_MAX_BYTES",
    "MAX_SIDE",
    "CheckedUpload",
    "check_upload",
    "max_upload_bytes",
    "megabytes",
    "store_upload",
    "stored_path",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
CEILING_MAX_BYTES = 10 * 1024 * 1024
"""The most ``upload_max_bytes`` may be set to: the request body limit is derived from it."""
MAX_SIDE = 2000
"""Longest side of a stored picture: a page of a KK stays readable, the file is ~0.5-1 MB."""
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
)
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|pdf)$")


@dataclass(frozen=True, slots=True)
class CheckedUpload:
    """A file that passed the checks, ready to be written."""

    doc_key: str
    filename: str
    content_type: str
    extension: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def max_upload_bytes(settings: Settings) -> int:
    """Per-file limit: ``[population] upload_max_bytes`` in the config, 5 MB by default and at
    most ``CEILING_MAX_BYTES``."""
    section = settings.extra.get("population", {})
    value = section.get("upload_max_bytes") if isinstance(section, dict) else None
    if isinstance(value, int) and value > 0:
        return min(value, CEILING_MAX_BYTES)
    return DEFAULT_MAX_BYTES


def megabytes(limit: int) -> str:
    """A limit as people read it: ``5`` for 5 MB, ``2,5`` for 2.5 MB."""
    return f"{limit / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",")


def check_upload(
    doc_key: str, label: str, filename: str, data: bytes, limit: int
) -> CheckedUpload | str:
    """The checked (and for a picture, re-encoded) file, or the error for the field of ``label``.

    CPU-bound for pictures: call it from a worker thread.
    """
    if not data:
        return _("{label}: berkas kosong.").format(label=label)
    if len(data) > limit:
        return _("{label}: ukuran berkas paling besar {size} MB.").format(
            label=label, size=megabytes(limit)
        )
    for magic, content_type, extension in _SIGNATURES:
        if data.startswith(magic):
            safe_name = Path(filename).name[:200] or f"{doc_key}{extension}"
            if content_type == "application/pdf":
                return CheckedUpload(doc_key, safe_name, content_type, extension, data)
            try:
                picture = reencode_image(data, frozenset({"JPEG", "PNG"}), MAX_SIDE)
            except NotAnImage:
                return _("{label}: berkas bukan gambar JPG atau PNG yang utuh.").format(label=label)
            return CheckedUpload(
                doc_key, safe_name, picture.content_type, picture.extension, picture.data
            )
    return _("{label}: hanya berkas JPG, PNG, atau PDF yang diterima.").format(label=label)


def _folder(settings: Settings, village_code: str) -> Path:
    return settings.data_path / "uploads" / village_code


def store_upload(settings: Settings, village_code: str, upload: CheckedUpload) -> str:
    """Write the file under a random name and return that name; it goes again if the request's
    transaction does not commit."""
    folder = _folder(settings, village_code)
    folder.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16) + upload.extension
    (folder / name).write_bytes(upload.data)
    remove_on_rollback(folder / name)
    return name


def stored_path(settings: Settings, village_code: str, stored_name: str) -> Path:
    """Where a stored file lives; a name that is not one of ours is refused."""
    if not _STORED_NAME.match(stored_name):
        raise ValueError(f"not a stored upload name: {stored_name!r}")
    return _folder(settings, village_code) / stored_name
