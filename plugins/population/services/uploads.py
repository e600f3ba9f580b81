"""Supporting documents applicants bring: checked by content, stored outside the web root.

A file's name says nothing about what it is, so the first bytes decide: only JPEG, PNG and PDF
are taken. Files get random names under ``<data>/uploads/<village>/`` and are only ever sent back
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

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CheckedUpload",
    "check_upload",
    "max_upload_bytes",
    "store_upload",
    "stored_path",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
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
    """Per-file limit: ``[population] upload_max_bytes`` in the config, 5 MB by default."""
    section = settings.extra.get("population", {})
    value = section.get("upload_max_bytes") if isinstance(section, dict) else None
    return int(value) if isinstance(value, int) and value > 0 else DEFAULT_MAX_BYTES


def check_upload(
    doc_key: str, label: str, filename: str, data: bytes, limit: int
) -> CheckedUpload | str:
    """The checked file, or the Indonesian error for the field of ``label``."""
    if not data:
        return f"{label}: berkas kosong."
    if len(data) > limit:
        return f"{label}: ukuran berkas paling besar {limit // (1024 * 1024)} MB."
    for magic, content_type, extension in _SIGNATURES:
        if data.startswith(magic):
            safe_name = Path(filename).name[:200] or f"{doc_key}{extension}"
            return CheckedUpload(doc_key, safe_name, content_type, extension, data)
    return f"{label}: hanya berkas JPG, PNG, atau PDF yang diterima."


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
