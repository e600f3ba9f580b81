"""Signed letter PDFs on disk, under the instance data directory and never in the web root.

A file is written to a temporary name, flushed to the disk and only then renamed, so a letter
recorded as signed always has its complete PDF; a failed write leaves nothing behind, and neither
does a transaction that stores a PDF and then does not commit.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from core.db import remove_on_rollback

_STORED_NAME = re.compile(r"[0-9a-f]{32}\.pdf")


def letters_dir(data_path: Path, village_code: str) -> Path:
    return data_path / "letters" / village_code


def store_letter_pdf(data_path: Path, village_code: str, pdf: bytes) -> str:
    """Write ``pdf`` durably and return its stored name (random, so it reveals nothing)."""
    directory = letters_dir(data_path, village_code)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.pdf"
    temporary = directory / f".{name}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, directory / name)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    remove_on_rollback(directory / name)
    return name


def read_letter_pdf(data_path: Path, village_code: str, name: str) -> bytes:
    """The stored PDF; the name is checked so a stored value can never point outside the dir."""
    if not _STORED_NAME.fullmatch(name):
        raise FileNotFoundError(name)
    return (letters_dir(data_path, village_code) / name).read_bytes()
