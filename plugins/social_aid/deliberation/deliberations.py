"""Deliberations without HTTP: opening one, its candidates and decisions, its actions, and the
recipients an approval makes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.db.jsonvalue import json_dict
from core.i18n import _
from core.kernel import Kernel
from plugins.population import public as population
from plugins.social_aid.deliberation.lifecycle import (
    APPROVE_ACTION,
    DELIBERATION,
    DRAFT,
    HOLD,
)
from plugins.social_aid.eligibility import rules
from plugins.social_aid.programmes import programmes, recipients
from plugins.social_aid.tables import Candidate, CandidateDecision, Deliberation, DeliberationStep

ENTITY = "social_aid.deliberation"


class DeliberationError(ValueError):
    """Why an action or change is refused; `errors` holds every field's message at once."""

    def __init__(self, message: str, field: str = "", errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or {field or "action": message}


@dataclass(frozen=True)
class State:
    """A deliberation as its steps tell it."""

    row: dict[str, Any]
    status: str
    steps: list[dict[str, Any]]

    @property
    def meeting(self) -> dict[str, Any]:
        held = [s for s in self.steps if s["action"] == HOLD]
        return json_dict(held[-1]["details"]) if held else {}


async def deliberations() -> list[State]:
    rows = await Deliberation.select(
        Deliberation.all_columns(), Deliberation.programme.code.as_alias("programme_code")
    ).order_by(Deliberation.id, ascending=False)
    return [await _state(row) for row in rows]


async def _state(row: dict[str, Any]) -> State:
    steps = await (
        DeliberationStep.select()
        .where(DeliberationStep.deliberation == row["id"])
        .order_by(DeliberationStep.id)
    )
    return State(row, DELIBERATION.derive(s["action"] for s in steps), steps)


async def load(deliberation_id: int) -> State | None:
    row = (
        await Deliberation.select(
            Deliberation.all_columns(), Deliberation.programme.code.as_alias("programme_code")
        )
        .where(Deliberation.id == deliberation_id)
        .first()
    )
    return await _state(row) if row else None


async def open_for(
    kernel: Kernel, village_code: str, programme_id: int, title: str, actor: str, now: datetime
) -> int:
    programme = await programmes.programme(programme_id)
    if programme is None or programme["national"]:
        raise DeliberationError(_("Pilih program desa atau kabupaten."), "programme")
    if not title.strip() or len(title.strip()) > 120:
        raise DeliberationError(
            _("Judul musyawarah wajib diisi, paling banyak 120 karakter."), "title"
        )
    inserted = await Deliberation.insert(
        Deliberation(
            village_code=village_code,
            programme=programme_id,
            title=title.strip(),
            created_by=actor,
            created_at=now,
        )
    ).returning(Deliberation.id)
    deliberation_id = int(inserted[0]["id"])
    await kernel.audit(
        village_code,
        actor=actor,
        action="create",
        entity=ENTITY,
        entity_id=deliberation_id,
        after={"programme": programme["code"], "title": title.strip()},
    )
    return deliberation_id


@dataclass(frozen=True)
class Listed:
    """A candidate with the meeting's current decision on them."""

    row: dict[str, Any]
    include: bool
    reason: str


async def candidates(deliberation_id: int) -> list[Listed]:
    rows = await (
        Candidate.select().where(Candidate.deliberation == deliberation_id).order_by(Candidate.name)
    )
    ids = [r["id"] for r in rows]
    latest: dict[int, dict[str, Any]] = {}
    if ids:
        decisions = await (
            CandidateDecision.select()
            .where(CandidateDecision.candidate.is_in(ids))
            .order_by(CandidateDecision.id)
        )
        latest = {d["candidate"]: d for d in decisions}
    return [
        Listed(r, latest[r["id"]]["include"], latest[r["id"]]["reason"])
        if r["id"] in latest
        else Listed(r, True, "")
        for r in rows
    ]


def _require_draft(state: State) -> None:
    if state.status != DRAFT:
        raise DeliberationError(
            _(
                "Daftar calon hanya dapat diubah saat disiapkan; setelah disetujui perlu "
                "musyawarah baru."
            )
        )


async def _insert_candidate(
    village_code: str,
    deliberation_id: int,
    person: Any,
    *,
    source: str,
    basis: str,
    actor: str,
    now: datetime,
) -> int:
    inserted = await Candidate.insert(
        Candidate(
            village_code=village_code,
            deliberation=deliberation_id,
            resident_id=person.id,
            family_id=person.family_id,
            nik=person.nik,
            kk_number=person.kk_number,
            name=person.name,
            birth_date=person.birth_date,
            dusun=person.dusun,
            source=source,
            basis=basis,
            added_by=actor,
            added_at=now,
        )
    ).returning(Candidate.id)
    return int(inserted[0]["id"])


async def pull_from_rules(
    kernel: Kernel, village_code: str, state: State, actor: str, now: datetime, day: dt.date
) -> int:
    """Add the candidates the programme's first selecting tier yields; the count added."""
    _require_draft(state)
    programme = await programmes.programme(state.row["programme"])
    assert programme is not None
    tier, outcome = await rules.candidates(programme, day)
    if outcome is None:
        return 0
    present = {c.row["resident_id"] for c in await candidates(state.row["id"])}
    added = 0
    for selected in outcome.selected:
        if selected.person.id in present:
            continue
        why = ", ".join(f"{k} = {json.dumps(v)}" for k, v in selected.why.items())
        await _insert_candidate(
            village_code,
            state.row["id"],
            selected.person,
            source="rule",
            basis=f"Tingkat {tier}: {outcome.rule.name} ({why})",
            actor=actor,
            now=now,
        )
        added += 1
    await kernel.audit(
        village_code,
        actor=actor,
        action="pull_candidates",
        entity=ENTITY,
        entity_id=state.row["id"],
        after={"tier": tier, "added": added},
    )
    return added


async def propose(
    kernel: Kernel,
    village_code: str,
    state: State,
    nik: str,
    reason: str,
    actor: str,
    now: datetime,
) -> int:
    """The operator adds someone the rules did not select, with the reason the meeting hears."""
    _require_draft(state)
    if not reason.strip():
        raise DeliberationError(_("Alasan usulan wajib diisi."), "reason")
    digits = nik.replace(" ", "")
    person = await population.person_by_nik(digits) if len(digits) == 16 else None
    if person is None or not person.living:
        raise DeliberationError(_("NIK tidak ditemukan di antara penduduk hidup desa ini."), "nik")
    if person.id in {c.row["resident_id"] for c in await candidates(state.row["id"])}:
        raise DeliberationError(
            _("{name} sudah ada dalam daftar calon.").format(name=person.name), "nik"
        )
    candidate_id = await _insert_candidate(
        village_code,
        state.row["id"],
        person,
        source="operator",
        basis=f"Usulan operator: {reason.strip()}",
        actor=actor,
        now=now,
    )
    await kernel.audit(
        village_code,
        actor=actor,
        action="propose",
        entity=ENTITY,
        entity_id=state.row["id"],
        after={"candidate": candidate_id, "resident": person.id, "reason": reason.strip()},
    )
    return candidate_id


async def decide(
    kernel: Kernel,
    village_code: str,
    state: State,
    candidate_id: int,
    include: bool,
    reason: str,
    actor: str,
    now: datetime,
) -> None:
    """Include or exclude one candidate; an exclusion (or re-inclusion) needs its reason."""
    _require_draft(state)
    listed = {c.row["id"]: c for c in await candidates(state.row["id"])}
    if candidate_id not in listed:
        raise DeliberationError(_("Calon tidak ada dalam musyawarah ini."))
    if not reason.strip():
        raise DeliberationError(_("Alasan keputusan wajib diisi."), "reason")
    await CandidateDecision.insert(
        CandidateDecision(
            village_code=village_code,
            candidate=candidate_id,
            include=include,
            reason=reason.strip(),
            decided_by=actor,
            decided_at=now,
        )
    )
    await kernel.audit(
        village_code,
        actor=actor,
        action="decide",
        entity=ENTITY,
        entity_id=state.row["id"],
        after={"candidate": candidate_id, "include": include, "reason": reason.strip()},
    )


async def act(
    kernel: Kernel,
    village_code: str,
    state: State,
    action: str,
    payload: dict[str, str],
    actor: str,
    now: datetime,
) -> str:
    """Take a lifecycle action; approval puts the included candidates on the programme's list."""
    new_status = DELIBERATION.next_state(state.status, action)
    errors = DELIBERATION.validate_payload(action, payload)
    if errors:
        field, message = next(iter(errors.items()))
        raise DeliberationError(message, field, errors)
    if action == HOLD:
        try:
            dt.date.fromisoformat(payload["meeting_date"])
        except ValueError:
            raise DeliberationError(
                _("Tanggal musyawarah harus tanggal yang benar (TTTT-BB-HH)."), "meeting_date"
            ) from None
    details = {k: v.strip() for k, v in payload.items() if isinstance(v, str)}
    if action == APPROVE_ACTION:
        details["recipients"] = str(await _approve(kernel, village_code, state, actor, now))
    await DeliberationStep.insert(
        DeliberationStep(
            village_code=village_code,
            deliberation=state.row["id"],
            action=action,
            actor=actor,
            at=now,
            details=details,
        )
    )
    await kernel.audit(
        village_code,
        actor=actor,
        action=action,
        entity=ENTITY,
        entity_id=state.row["id"],
        before={"status": state.status},
        after={"status": new_status, **details},
    )
    return new_status


async def _approve(
    kernel: Kernel, village_code: str, state: State, actor: str, now: datetime
) -> int:
    """Add every included candidate still living to the programme's recipients; the count."""
    programme = await programmes.programme(state.row["programme"])
    assert programme is not None
    included = [c for c in await candidates(state.row["id"]) if c.include]
    living = await population.people(c.row["resident_id"] for c in included)
    added = 0
    for listed in included:
        person = living.get(listed.row["resident_id"])
        if person is None or not person.living:
            continue
        try:
            await recipients.add(
                kernel,
                village_code,
                programme,
                person,
                source="deliberation",
                since=now.date(),
                actor=actor,
                now=now,
                deliberation=state.row["id"],
            )
        except recipients.RecipientError:
            continue
        added += 1
    return added
