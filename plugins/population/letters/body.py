"""Render a letter's wording from its (village-editable) template and the letter's data.

Village staff edit these templates, so they run in Jinja2's sandbox: a template can read the
data it is given and nothing else. Missing data stops rendering with the name of what is
missing, because a letter with a blank where the NIK should be must never reach a signature.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from jinja2 import (
    StrictUndefined,
    TemplateError,
    TemplateRuntimeError,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing

from core.i18n import _
from plugins.population.letters.dates import format_letter_date, format_letter_day_date
from plugins.population.letters.kinds import LetterKind


class LetterTemplateError(ValueError):
    """The template cannot produce a letter; the message tells the operator why."""


class MissingLetterDataError(LetterTemplateError):
    """The letter needs a piece of data the context does not have."""

    def __init__(self, path: str, label: str | None = None) -> None:
        self.path = path
        self.label = label
        named = f"{label} ({path})" if label else path
        super().__init__(_("Data surat belum lengkap: {named} belum diisi.").format(named=named))


class _MissingPath(UndefinedError):
    """Carries the dotted path of data the template asked for and the context lacks."""


class _DataScope(Mapping[str, Any]):
    """Read-only view of the context that remembers where in it each nested mapping sits."""

    def __init__(self, data: Mapping[str, Any], path: str = "") -> None:
        self._data = data
        self._path = path

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        if isinstance(value, Mapping):
            return _DataScope(value, f"{self._path}.{key}" if self._path else key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class _StrictLetterData(StrictUndefined):
    """Fails on any use of missing data, naming it by its full dotted path."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:
        plain_missing = hint is None and exc is UndefinedError
        super().__init__(hint, obj, name, _MissingPath if plain_missing else exc)

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        parent = self._undefined_obj
        if isinstance(parent, _DataScope) and parent._path:
            return f"{parent._path}.{self._undefined_name}"
        return str(self._undefined_name)


def _as_date(value: object) -> date:
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if not isinstance(value, date):
        raise LetterTemplateError(
            _("Nilai {value!r} bukan tanggal, tidak dapat ditulis di surat.").format(value=value)
        )
    return value


def _tanggal(value: object) -> str:
    return format_letter_date(_as_date(value))


def _hari_tanggal(value: object) -> str:
    return format_letter_day_date(_as_date(value))


MAX_OUTPUT_CHARS = 100_000
"""A letter is a page or two; a template that writes more than this is refused."""


class _LetterSandbox(SandboxedEnvironment):
    """The sandbox, plus `*` and `**` checked before they run, so ``"x" * 10**9`` fails at
    once instead of filling memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if sized and len(sequence) * count > MAX_OUTPUT_CHARS:
                    raise _TooLong
        elif isinstance(left, int) and isinstance(right, int) and abs(right) > 64:
            raise LetterTemplateError(
                _("Templat surat memakai pangkat yang terlalu besar: {left} ** {right}.").format(
                    left=left, right=right
                )
            )
        return super().call_binop(context, operator, left, right)


class _TooLong(Exception):
    pass


_ENVIRONMENT = _LetterSandbox(undefined=_StrictLetterData, autoescape=False)
_ENVIRONMENT.filters["tanggal"] = _tanggal
_ENVIRONMENT.filters["hari_tanggal"] = _hari_tanggal


def _lookup(context: Mapping[str, Any], path: str) -> object:
    value: object = context
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def render_body(kind: LetterKind, template_text: str, context: Mapping[str, Any]) -> str:
    """Render a letter body in this process: `check_fields`, then `render_template`.

    Unbounded in time: the app renders through `renderer.render_letter_body` instead.
    """
    check_fields(kind, context)
    return render_template(template_text, context)


def check_fields(kind: LetterKind, context: Mapping[str, Any]) -> None:
    """The kind's declared fields are checked first so the operator hears about the form
    field they left empty; anything else the template uses must exist in the context too."""
    for field in kind.fields:
        value = _lookup(context, field.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise MissingLetterDataError(field.key, field.label)


def too_long_error() -> LetterTemplateError:
    return LetterTemplateError(
        _("Hasil templat surat terlalu panjang (lebih dari {limit} karakter).").format(
            limit=MAX_OUTPUT_CHARS
        )
    )


def render_template(template_text: str, context: Mapping[str, Any]) -> str:
    """The rendered text, blank lines separating paragraphs, at most `MAX_OUTPUT_CHARS`."""
    try:
        template = _ENVIRONMENT.from_string(template_text)
        parts: list[str] = []
        size = 0
        for chunk in template.generate(_DataScope(context)):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise _TooLong
            parts.append(chunk)
        return "".join(parts).strip()
    except _TooLong:
        raise too_long_error() from None
    except _MissingPath as error:
        raise MissingLetterDataError(str(error)) from None
    except SecurityError:
        raise LetterTemplateError(
            _(
                "Templat surat mencoba membaca bagian sistem yang tidak diizinkan. "
                "Gunakan hanya data surat, misalnya {{ resident.name }}."
            )
        ) from None
    except TemplateSyntaxError as error:
        raise LetterTemplateError(
            _("Templat surat tidak dapat dibaca (baris {line}): {reason}").format(
                line=error.lineno, reason=error.message
            )
        ) from None
    except (TemplateError, TypeError, ArithmeticError) as error:
        raise LetterTemplateError(
            _("Templat surat gagal diisi: {reason}").format(reason=error)
        ) from None
