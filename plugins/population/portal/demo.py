"""The demo's citizen: one head of a family in the demo's fully staffed village gets a portal
account, so the citizen side can be tried with the NIK and PIN `kampung demo` prints. Their online
KTP-el request has come back with the operator's reason, so the first thing they can try is
reading why and fixing it."""

from __future__ import annotations

import datetime as dt
import random

from core import DemoContext, DemoLogin
from plugins.population.portal.accounts import PIN_LENGTH, set_pin, weak_pin
from plugins.population.portal.sign_in import LOGIN
from plugins.population.register.families import HEAD
from plugins.population.register.status import ALIVE
from plugins.population.services.requests import Submission, submit_request, take_action
from plugins.population.tables import Resident, ServiceRequest

ACTOR = "demo"
STAFFED_BY = "village_head"
"""The demo gives a village head only to the first village; its staff can answer the citizen."""
HOUR = dt.timedelta(hours=1)
RETURN_REASON = "Foto Kartu Keluarga tidak terbaca. Mohon unggah ulang foto KK yang jelas."


def demo_pin(rng: random.Random) -> str:
    """A PIN the portal would accept from the citizen: six digits, neither repeated nor a run."""
    while True:
        pin = f"{rng.randrange(10**PIN_LENGTH):0{PIN_LENGTH}d}"
        if not weak_pin(pin):
            return pin


async def demo_citizen(context: DemoContext) -> None:
    if STAFFED_BY not in context.users:
        return
    heads = (
        await Resident.select(Resident.id, Resident.nik, Resident.name, Resident.birth_date)
        .where((Resident.status == ALIVE) & (Resident.relationship == HEAD))
        .order_by(Resident.id)
    )
    dated = [head for head in heads if head["birth_date"] is not None]
    if dated:
        # The oldest head dies later in the demo (`demo_late_death`): not the citizen's login.
        eldest = min(dated, key=lambda head: (head["birth_date"], head["id"]))
        heads = [head for head in heads if head is not eldest]
    if not heads:
        return
    rng = random.Random(context.seed)
    resident = rng.choice(heads)
    pin = demo_pin(rng)
    code = context.village.code
    now = dt.datetime.now(dt.UTC)
    await set_pin(context.kernel, code, resident, pin, ACTOR, now, must_change=False)
    context.logins.append(
        DemoLogin(username=resident["nik"], role="citizen", scope=code, home=LOGIN, secret=pin)
    )
    await _returned_request(context, resident, now)


async def _returned_request(
    context: DemoContext, resident: dict[str, object], now: dt.datetime
) -> None:
    """An online request the village returned an hour after it came in."""
    code = context.village.code
    submission = Submission(
        "ktp_el",
        int(str(resident["id"])),
        str(resident["name"]),
        str(resident["nik"]),
        "online",
        f"demo-citizen-{resident['id']}",
    )
    actor = f"warga:{resident['id']}"
    sent_at = now - dt.timedelta(hours=2)
    request_id, created = await submit_request(context.kernel, code, submission, [], actor, sent_at)
    if not created:
        return
    row = await ServiceRequest.select().where(ServiceRequest.id == request_id).first()
    operator = context.users.get("village_operator", ACTOR)
    await take_action(
        context.kernel, row, "kembalikan", {"alasan": RETURN_REASON}, operator, sent_at + HOUR
    )
