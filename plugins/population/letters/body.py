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


_ENVIRONMENT = SandboxedEnvironment(undefined=_StrictLetterData, autoescape=False)
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
    """Render a letter body; blank lines in the result separate paragraphs.

    The kind's declared fields are checked first so the operator hears about the form field
    they left empty; anything else the template uses must exist in the context too.
    """
    for field in kind.fields:
        value = _lookup(context, field.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise MissingLetterDataError(field.key, field.label)
    try:
        template = _ENVIRONMENT.from_string(template_text)
        return template.render(_DataScope(context)).strip()
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
