"""What a register write can refuse, and how a database uniqueness refusal becomes one of them.

The regency-wide uniqueness of a living NIK and of an active KK number is enforced by partial
unique indexes that Row-Level Security does not hide; the application cannot see the other
village's row, so it learns of the clash only from the database. The write runs in a savepoint so
that, on PostgreSQL, the request's transaction is still usable to render the error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from piccolo.engine.base import Engine

T = TypeVar("T")

NIK_TAKEN = "NIK sudah terdaftar sebagai penduduk hidup di kabupaten ini."
KK_TAKEN = "Nomor KK sudah dipakai keluarga lain yang masih aktif di kabupaten ini."
CONFLICT = (
    "Data ini sudah diubah oleh petugas lain setelah Anda membukanya. Perubahan Anda tidak "
    "disimpan; muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda."
)


class RegisterError(Exception):
    """A refusal with a message for the operator and the form field it concerns."""

    field: str | None = None

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field


class NikTaken(RegisterError):
    field = "nik"


class KkTaken(RegisterError):
    field = "kk_number"


class VersionConflict(RegisterError):
    """The record changed since the form was opened; nothing was written."""


class NotInVillage(RegisterError):
    """The id names no record of this village (or of any: callers answer 404 either way)."""


def is_unique_violation(exc: BaseException) -> bool:
    """True for SQLite's and asyncpg's uniqueness errors, without importing either driver."""
    names = {type(exc).__name__, *(base.__name__ for base in type(exc).__mro__)}
    return "UniqueViolationError" in names or (
        "IntegrityError" in names and "unique" in str(exc).lower()
    )


async def unique_guarded(
    engine: Engine, write: Callable[[], Awaitable[T]], refusal: RegisterError
) -> T:
    """Run `write` in a savepoint; a uniqueness violation raises `refusal` instead."""
    transaction = engine.current_transaction.get()
    savepoint = await transaction.savepoint() if transaction is not None else None
    try:
        result = await write()
    except Exception as exc:
        if not is_unique_violation(exc):
            raise
        if savepoint is not None:
            await savepoint.rollback_to()
        raise refusal from exc
    if savepoint is not None:
        await savepoint.release()
    return result
