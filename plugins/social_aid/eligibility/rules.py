"""A programme's rules in the database: saving one (only once it compiles), previewing who it
selects and why, and the candidates the tiers yield."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.i18n import _
from core.kernel import Kernel
from plugins.social_aid.eligibility import engine, examples, register
from plugins.social_aid.eligibility.facts import Register, all_facts
from plugins.social_aid.programmes import recipients
from plugins.social_aid.tables import EligibilityRule

ENTITY = "social_aid.rule"
PREVIEW_LIMIT = 200
"""Rows a preview lists; the count is always the full one."""


@dataclass(frozen=True)
class Selected:
    person: Any
    why: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """What one rule selects in the village: everyone, with the facts that decided each."""

    rule: engine.CompiledRule
    selected: list[Selected]


async def rules_of(programme_id: int) -> list[dict[str, Any]]:
    return await (
        EligibilityRule.select()
        .where(EligibilityRule.programme == programme_id)
        .order_by(EligibilityRule.position)
        .order_by(EligibilityRule.id)
    )


def _subjects(register_: Register, target: str, day: dt.date) -> list[tuple[Any, dict[str, Any]]]:
    """Every resident for a person programme; for a family or household one, each head."""
    rows = list(all_facts(register_, day))
    return rows if target == "person" else [(p, f) for p, f in rows if f["head"]]


def run(rule: engine.CompiledRule, register_: Register, target: str, day: dt.date) -> Outcome:
    chosen = engine.select(rule, _subjects(register_, target, day))
    return Outcome(rule, [Selected(person, why) for person, why in chosen])


async def preview(name: str, expression: str, target: str, day: dt.date) -> Outcome:
    """Who the rule would select today, before it is saved; a bad rule raises `RuleError`."""
    rule = engine.compile_rule(name, expression)
    return run(rule, await register.load(), target, day)


async def candidates(programme: dict[str, Any], day: dt.date) -> tuple[int, Outcome | None]:
    """(tier number, outcome) of the first tier that selects anyone, minus the programme's
    active recipients; (0, None) when no tier does."""
    current = await recipients.active(programme["id"])
    on_list = {r["resident_id"] for r in current}
    on_family = {r["family_id"] for r in current if r["family_id"]}
    register_ = await register.load()
    for position, row in enumerate(await rules_of(programme["id"]), start=1):
        outcome = run(
            engine.compile_rule(row["name"], row["expression"]), register_, programme["target"], day
        )
        fresh = [
            s
            for s in outcome.selected
            if s.person.id not in on_list and (s.person.family_id or -1) not in on_family
        ]
        if fresh:
            return position, Outcome(outcome.rule, fresh)
    return 0, None


async def add(
    kernel: Kernel,
    village_code: str,
    programme_id: int,
    name: str,
    expression: str,
    actor: str,
    now: datetime,
) -> int:
    """Save a rule as the programme's last tier; it must compile first."""
    rule = engine.compile_rule(name, expression)
    if not name.strip() or len(name.strip()) > 100:
        raise engine.RuleError(_("Nama aturan wajib diisi, paling banyak 100 karakter."))
    position = len(await rules_of(programme_id)) + 1
    inserted = await EligibilityRule.insert(
        EligibilityRule(
            village_code=village_code,
            programme=programme_id,
            position=position,
            name=rule.name,
            expression=rule.expression,
            created_by=actor,
            created_at=now,
        )
    ).returning(EligibilityRule.id)
    rule_id = int(inserted[0]["id"])
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=rule_id,
        after={"programme": programme_id, "name": rule.name, "expression": rule.expression},
    )
    return rule_id


async def remove(
    kernel: Kernel, village_code: str, programme_id: int, rule_id: int, actor: str
) -> None:
    row = (
        await EligibilityRule.select()
        .where((EligibilityRule.id == rule_id) & (EligibilityRule.programme == programme_id))
        .first()
    )
    if row is None:
        raise engine.RuleError(_("Aturan tidak ditemukan pada program ini."))
    await EligibilityRule.delete().where(EligibilityRule.id == rule_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="delete",
        entity=ENTITY,
        entity_id=rule_id,
        before={"name": row["name"], "expression": row["expression"]},
    )


async def add_examples(
    kernel: Kernel, village_code: str, programme_id: int, key: str, actor: str, now: datetime
) -> int:
    """Copy a shipped example set into the programme as its next tiers; the count added."""
    chosen = examples.SETS.get(key)
    if chosen is None:
        raise engine.RuleError(_("Contoh aturan tidak dikenal."))
    for example in chosen.rules:
        await add(kernel, village_code, programme_id, example.name, example.expression, actor, now)
    return len(chosen.rules)
