"""The rule engine: CEL (cel-python) compiled once per rule, evaluated over one resident's facts.

Safe by construction: a rule may name only the facts of `facts.CATALOG` (checked before it is
saved), the activation holds only plain values, so there is nothing to reach beyond them, and an
evaluation over a whole village runs against a deadline. Every error is Indonesian and names the
rule, because the operator who wrote it has to find and fix it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import celpy
from celpy import celtypes
from lark import Token, Tree

from core.i18n import _
from plugins.social_aid.eligibility.facts import NAMES, SAMPLE

MAX_LENGTH = 2000
"""Characters: a rule longer than a screen is a rule nobody can review."""
DEADLINE_SECONDS = 30.0
"""Longest a rule may run over one village (about 100,000 residents at CEL's pace)."""
MACROS = frozenset({"all", "exists", "exists_one", "map", "filter"})
REFUSED_FUNCTIONS = frozenset({"matches"})
"""A regular expression can take exponential time on one value, beyond any deadline check."""
_ENVIRONMENT = celpy.Environment()


class RuleError(ValueError):
    """A rule that cannot be saved or run; the message names the rule and the problem."""


@dataclass(frozen=True)
class CompiledRule:
    name: str
    expression: str
    program: Any
    referenced: tuple[str, ...]
    """The facts the rule reads, in order of appearance: what the preview shows as "why"."""


def _cel(value: Any) -> Any:
    if isinstance(value, bool):
        return celtypes.BoolType(value)
    if isinstance(value, int):
        return celtypes.IntType(value)
    if isinstance(value, str):
        return celtypes.StringType(value)
    if isinstance(value, (list, tuple)):
        return celtypes.ListType([_cel(item) for item in value])
    raise TypeError(f"fact of type {type(value).__name__} cannot be given to a rule")


def activation(facts: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _cel(value) for name, value in facts.items()}


def _identifiers(tree: Tree) -> tuple[list[str], set[str]]:
    """Names used as variables, and names a macro binds (`p` in `programmes.exists(p, ...)`)."""
    used: list[str] = []
    bound: set[str] = set()
    for node in tree.iter_subtrees_topdown():
        if node.data == "ident":
            used.extend(str(child) for child in node.children if isinstance(child, Token))
        elif node.data == "member_dot_arg" and len(node.children) >= 3:
            method, arguments = node.children[1], node.children[2]
            if isinstance(method, Token) and str(method) in MACROS and isinstance(arguments, Tree):
                first = next(arguments.iter_subtrees_topdown(), None)
                idents = (
                    [n for n in first.iter_subtrees_topdown() if n.data == "ident"] if first else []
                )
                if idents:
                    bound.update(str(t) for t in idents[0].children if isinstance(t, Token))
    return used, bound


def compile_rule(name: str, expression: str) -> CompiledRule:
    """Parse, check the names and the result type on a sample resident, and keep the program."""
    label = name.strip() or "tanpa nama"
    text = expression.strip()
    if not text:
        raise RuleError(_("Aturan '{label}': ekspresi wajib diisi.").format(label=label))
    if len(text) > MAX_LENGTH:
        raise RuleError(f"Aturan '{label}': ekspresi paling banyak {MAX_LENGTH} karakter.")
    try:
        tree = _ENVIRONMENT.compile(text)
    except celpy.CELParseError as exc:
        column = getattr(exc, "column", None)
        where = f" di kolom {column}" if column else ""
        raise RuleError(f"Aturan '{label}': penulisan ekspresi salah{where}.") from None
    if any(
        isinstance(token, Token) and str(token) in REFUSED_FUNCTIONS
        for node in tree.iter_subtrees_topdown()
        if node.data in ("member_dot_arg", "ident_arg")
        for token in node.children
    ):
        raise RuleError(
            _("Aturan '{label}': fungsi matches (ekspresi reguler) tidak diizinkan.").format(
                label=label
            )
        )
    used, bound = _identifiers(tree)
    unknown = sorted({n for n in used if n not in NAMES and n not in bound})
    if unknown:
        raise RuleError(
            _(
                "Aturan '{label}': fakta {unknown} tidak dikenal; gunakan salah satu dari: {NAMES}."
            ).format(label=label, unknown=", ".join(unknown), NAMES=", ".join(sorted(NAMES)))
        )
    rule = CompiledRule(
        name=label,
        expression=text,
        program=_ENVIRONMENT.program(tree),
        referenced=tuple(dict.fromkeys(n for n in used if n in NAMES)),
    )
    evaluate(rule, SAMPLE)
    return rule


def evaluate(rule: CompiledRule, facts: Mapping[str, Any]) -> bool:
    """Whether the resident qualifies; a type error or a non-boolean result is a `RuleError`."""
    try:
        result = rule.program.evaluate(activation(facts))
    except celpy.CELEvalError:
        raise RuleError(
            _(
                "Aturan '{name}': jenis nilai tidak cocok (misalnya angka dibandingkan dengan "
                "teks) atau fakta dipakai dengan cara yang salah."
            ).format(name=rule.name)
        ) from None
    if isinstance(result, celpy.CELEvalError):
        raise RuleError(
            _("Aturan '{name}': ekspresi tidak dapat dihitung untuk penduduk ini.").format(
                name=rule.name
            )
        )
    if not isinstance(result, celtypes.BoolType):
        raise RuleError(
            _("Aturan '{name}': hasil ekspresi harus benar/salah (true/false).").format(
                name=rule.name
            )
        )
    return bool(result)


def select(
    rule: CompiledRule,
    rows: Iterable[tuple[Any, Mapping[str, Any]]],
    *,
    deadline_seconds: float = DEADLINE_SECONDS,
) -> list[tuple[Any, dict[str, Any]]]:
    """The rows whose facts satisfy `rule`, each with the facts the rule read (the "why")."""
    stop = time.monotonic() + deadline_seconds
    chosen: list[tuple[Any, dict[str, Any]]] = []
    for index, (subject, facts) in enumerate(rows):
        if index % 256 == 0 and time.monotonic() > stop:
            raise RuleError(
                f"Aturan '{rule.name}': perhitungan melebihi {int(deadline_seconds)} detik; "
                "sederhanakan ekspresinya."
            )
        if evaluate(rule, facts):
            chosen.append((subject, {name: facts[name] for name in rule.referenced}))
    return chosen
