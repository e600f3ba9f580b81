"""Files the village publishes (DIP documents, news photos): checked by content, stored outside
the web root under random names, and only ever sent back as downloads.

A file's name and declared type say nothing: its first bytes decide. Accepted are PDF, the
office formats (checked to be the zip package they claim), CSV as plain text, and JPEG/PNG
pictures, which are re-encoded (upright, shrunk, without EXIF). Anything that starts like
markup (HTML, SVG, XML) is refused outright, so no stored file can run script in a browser.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

from core.config import Settings
from core.db import remove_on_rollback
from core.i18n import _
from core.images import NotAnImage, reencode_image

MAX_BYTES = 10 * 1024 * 1024
BODY_LIMIT = MAX_BYTES + 256 * 1024
"""The request body a form with one file may have: the file and its text fields."""
PICTURE_SIDE = 1600

OFFICE = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|docx|xlsx|pptx|csv|jpg|png)$")
MARKUP = re.compile(rb"^\s*<", re.S)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    filename: str
    content_type: str
    extension: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _office(data: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in OFFICE.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def _csv(filename: str, data: bytes) -> bool:
    if not filename.lower().endswith(".csv") or b"\x00" in data or MARKUP.match(data):
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def check_file(filename: str, data: bytes, *, pictures_only: bool = False) -> CheckedFile | str:
    """The checked file, or the Indonesian error for the field. CPU-bound for pictures."""
    name = Path(filename.replace("\\", "/")).name[:200] or "berkas"
    if not data:
        return _("Berkas kosong.")
    if len(data) > MAX_BYTES:
        return _("Ukuran berkas paling besar 10 MB.")
    if data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        try:
            picture = reencode_image(data, frozenset({"JPEG", "PNG"}), PICTURE_SIDE)
        except NotAnImage:
            return _("Berkas bukan gambar JPG atau PNG yang utuh.")
        return CheckedFile(name, picture.content_type, picture.extension, picture.data)
    if pictures_only:
        return _("Hanya gambar JPG atau PNG yang diterima.")
    if data.startswith(b"%PDF-"):
        return CheckedFile(name, "application/pdf", ".pdf", data)
    if data.startswith(b"PK\x03\x04"):
        kind = _office(data)
        if kind is not None:
            return CheckedFile(name, kind[0], kind[1], data)
    if _csv(name, data):
        return CheckedFile(name, "text/csv", ".csv", data)
    return _("Jenis berkas tidak diterima: unggah PDF, DOCX, XLSX, PPTX, CSV, JPG atau PNG.")


def _folder(settings: Settings, village_code: str) -> Path:
    return settings.data_path / "public_info" / village_code


def store_file(settings: Settings, village_code: str, checked: CheckedFile) -> str:
    """Write the file under a random name and return that name; it goes again if the
    request's transaction does not commit."""
    folder = _folder(settings, village_code)
    folder.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16) + checked.extension
    (folder / stored).write_bytes(checked.data)
    remove_on_rollback(folder / stored)
    return stored


def read_file(settings: Settings, village_code: str, stored_name: str) -> bytes | None:
    """A stored file's bytes; a name this module did not make is never opened."""
    if not STORED_NAME.match(stored_name):
        return None
    try:
        return (_folder(settings, village_code) / stored_name).read_bytes()
    except FileNotFoundError:
        return None


def download_headers(filename: str, *, public: bool) -> dict[str, str]:
    """Always a download, never a page: ``attachment``, ``nosniff`` and a sandbox policy, so
    even a browser that ignored the type could not run what is inside."""
    ascii_name = "".join(
        c if c.isascii() and c not in '"\\;' and c.isprintable() else "_" for c in filename
    )
    return {
        "Content-Disposition": (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "public, max-age=3600" if public else "private, no-store",
    }
