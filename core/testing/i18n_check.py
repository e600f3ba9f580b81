"""Indonesian text built in Python that reaches a page without passing `_` (or `N_`).

The channels a literal takes to a page are few and recognisable: a dashboard `Widget` title or
value, a `flash` message, a keyword or context key such as `title=`/`"heading":`/`placeholder=`,
a select's options (`"kind_options": [("", "Semua jenis"), ...]`), the words between the tags of a
`Markup("<p>{} terlambat</p>")`, a parameter that defaults to
shown text (`blank="— pilih —"`), a form's `errors[...]` / `errors = {...}`, the message of an
error raised for a page to show (`raise FormError("...")`), and a module-level table of labels
declared as data (`STATUS_LABELS`, `MONTH_NAMES`, ...). A literal of words in one of them must be
wrapped in `_` (built in a request) or `N_` (declared at import and translated where it is shown).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

GETTEXT = {"_", "N_", "gettext", "ngettext", "lazy_gettext"}
TEXT_KEYWORDS = {"title", "heading", "label", "placeholder", "empty", "caption", "message", "help"}
"""Keyword arguments and context keys whose value is shown as text."""
SHOWN_CALLS = {"Widget": (0, 1), "flash": (2,)}
"""Calls whose positional arguments (by index) are shown on a page."""
LABEL_TABLE = re.compile(r"(LABEL|TITLE|NAME|CHOICE|OPTION|HEADING|PLACEHOLDER)S?$")
"""A module-level table of labels declared as data (its values are shown)."""
ERRORS = re.compile(r"(^|_)errors?$")
OPTIONS = re.compile(r"(^|_)(options|choices|candidates)$")
"""A context key or keyword holding a select's (value, label) pairs."""
RAISED = re.compile(r"(Error|Refused|Problem)$")
"""An exception a handler catches to show its message on the page."""
INDONESIAN = re.compile(
    r"\b(harus|tidak|sudah|belum|wajib|bukan|dan|atau|yang|ini|itu|dari|untuk|dengan|pada|hanya"
    r"|lebih|ada|pilih|berkas|baris|jumlah|dulu|lagi|desa|penduduk)\b",
    re.IGNORECASE,
)
"""Words of a message in Indonesian: a raised error in English is a developer's or the command
line's, while one in Indonesian is shown to the village office."""
PATHS = re.compile(r"\S*/\S*")
"""Paths and URLs in a message (`/desa/noreh/situs`): their words are not the message's language."""
NOT_SHOWN = {"OpenAPIConfig", "add_parser", "add_argument", "add_subparsers"}
"""Calls whose text is for the API schema or the command line, not a page."""
UI_TEXT = re.compile(r"[A-Za-z]{2,}")
MARKUP_CODE = re.compile(r"<[^>]*>|\{[^{}]*\}|&\w+;")
"""The tags, placeholders and entities of a `Markup("...")` literal, around the words it shows."""


def _looks_like_text(node: ast.AST) -> bool:
    """A literal (or an f-string's literal parts) a reader would read: words, not a code."""
    if isinstance(node, ast.JoinedStr):
        literal = " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return bool(UI_TEXT.search(literal))
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
        if text.upper() == text:
            return False  # an acronym or a code (NIK, RW, PDF) reads the same in English
        return bool(UI_TEXT.search(text)) and (" " in text or text[:1].isupper())
    if isinstance(node, ast.BinOp):
        return _looks_like_text(node.left) or _looks_like_text(node.right)
    if isinstance(node, ast.IfExp):
        return _looks_like_text(node.body) or _looks_like_text(node.orelse)
    return False


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _values(node: ast.AST) -> Iterator[ast.AST]:
    """The shown values of a label table: a dict's values, a pair's second element."""
    if isinstance(node, ast.Dict):
        for value in node.values:
            if isinstance(value, (ast.Tuple, ast.List)):
                yield from value.elts
            else:
                yield value
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for element in node.elts:
            if isinstance(element, (ast.Tuple, ast.List)) and len(element.elts) >= 2:
                yield from element.elts[1:]
            else:
                yield element


def _option_labels(node: ast.AST) -> Iterator[ast.AST]:
    """The labels of a list of (value, label) pairs, through `+` and `[*a, *b]`."""
    if isinstance(node, ast.BinOp):
        yield from _option_labels(node.left)
        yield from _option_labels(node.right)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            if isinstance(element, (ast.Tuple, ast.List)) and len(element.elts) == 2:
                yield element.elts[1]


def _raised(node: ast.Raise) -> Iterator[ast.AST]:
    """The message of `raise SomeError("...")` or `raise SomeError({"field": "..."})`."""
    call = node.exc
    if not isinstance(call, ast.Call) or not RAISED.search(_name(call.func)) or not call.args:
        return
    first = call.args[0]
    for message in first.values if isinstance(first, ast.Dict) else (first,):
        if INDONESIAN.search(PATHS.sub(" ", ast.unparse(message))):
            yield message


def _text_defaults(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    pairs = [
        *zip(
            positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True
        ),
        *(
            (a, d)
            for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
            if d is not None
        ),
    ]
    yield from (default for arg, default in pairs if arg.arg in TEXT_KEYWORDS | {"blank"})


def untranslated_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each literal shown on a page without `_`/`N_` around it."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        found: list[ast.AST] = []
        if isinstance(node, ast.Call) and _name(node.func) == "Markup" and node.args:
            html = node.args[0]
            shown = html.value if isinstance(html, ast.Constant) else None
            if isinstance(shown, str) and re.search(r"[A-Za-z]{3,}", MARKUP_CODE.sub(" ", shown)):
                yield getattr(html, "lineno", 0), shown
        if isinstance(node, ast.Call) and _name(node.func) not in GETTEXT | NOT_SHOWN:
            for index in SHOWN_CALLS.get(_name(node.func), ()):
                if index < len(node.args):
                    found.append(node.args[index])
            found.extend(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)
            for keyword in node.keywords:
                if keyword.arg and OPTIONS.search(keyword.arg):
                    found.extend(_option_labels(keyword.value))
            if _name(node.func) == "Widget":
                found.extend(k.value for k in node.keywords if k.arg == "value")
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    if key.value in TEXT_KEYWORDS:
                        found.append(value)
                    elif OPTIONS.search(key.value):
                        found.extend(_option_labels(value))
        elif isinstance(node, ast.Raise):
            found.extend(_raised(node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.extend(_text_defaults(node))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and ERRORS.search(_name(target.value)):
                    if node.value is not None:
                        found.append(node.value)
                elif isinstance(target, ast.Name) and node.value is not None:
                    if ERRORS.search(target.id) and isinstance(node.value, ast.Dict):
                        found.extend(node.value.values)
                    elif LABEL_TABLE.search(target.id) and target.id.isupper():
                        found.extend(_values(node.value))
        yield from ((getattr(n, "lineno", 0), ast.unparse(n)) for n in found if _looks_like_text(n))


SKIPPED = (
    "/migrations/",
    "/synthetic/",
    "/testing/",
    "/demo",
    "/cli/",
    "cli.py",
    "/makemigrations",
)
"""Code whose text never reaches a page in the viewer's language: stored demo rows, migrations,
the command line."""


def untranslated_in(package: Path, skip: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = "/" + path.relative_to(package).as_posix()
        if any(part in relative for part in (*SKIPPED, *skip)):
            continue
        for line, text in untranslated_literals(path.read_text(encoding="utf-8")):
            found.append(f"{path}:{line}: {text}")
    return found
