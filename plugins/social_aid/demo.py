"""Demo data: in each village a BLT-DD programme with the Permendes rules, its share of a regency
food-aid programme, PKH recorded, DTSEN deciles for some families, a Musdesus with minutes, one
cycle closed with payouts and one awaiting approval. Deterministic from the demo's seed."""

from __future__ import annotations

import datetime as dt
import random
import re
from datetime import UTC, datetime

from core import DemoContext
from core.signing import SignerIdentity
from plugins.population import public as population
from plugins.social_aid.cycles import cycles, payouts
from plugins.social_aid.deliberation import deliberations
from plugins.social_aid.eligibility import rules
from plugins.social_aid.programmes import programmes, recipients
from plugins.social_aid.programmes.forms import ProgrammeData
from plugins.social_aid.tables import WelfareRecord

YEAR = 2026
BLT_DD = ProgrammeData(
    code="BLT-DD",
    name=f"BLT Dana Desa {YEAR}",
    kind="tunai",
    owner_level="village",
    national=False,
    target="family",
    period_start=dt.date(YEAR, 1, 1),
    period_end=dt.date(YEAR, 12, 31),
    fund_source="Dana Desa",
    budget=54_000_000,
    amount=300_000,
    amount_basis="target",
    amount_cap=0,
    cycles=12,
)
FOOD = ProgrammeData(
    code="PANGAN-KAB",
    name=f"Bantuan Pangan Kabupaten {YEAR}",
    kind="pangan",
    owner_level="regency",
    national=False,
    target="family",
    period_start=dt.date(YEAR, 1, 1),
    period_end=dt.date(YEAR, 12, 31),
    fund_source="APBD Kabupaten",
    budget=24_000_000,
    amount=100_000,
    amount_basis="member",
    amount_cap=400_000,
    cycles=6,
)
PKH = ProgrammeData(
    code="PKH",
    name="Program Keluarga Harapan",
    kind="tunai",
    owner_level="village",
    national=True,
    target="family",
    period_start=dt.date(YEAR, 1, 1),
    period_end=dt.date(YEAR, 12, 31),
    fund_source="APBN (Kemensos)",
    budget=0,
    amount=0,
    amount_basis="target",
    amount_cap=0,
    cycles=0,
)
MINUTES = (
    "Musyawarah Desa Khusus membahas calon Keluarga Penerima Manfaat BLT Dana Desa {year}. "
    "Peserta menyepakati daftar penerima sesuai Permendes 2/2024; satu calon dicoret karena "
    "telah menerima PKH. Berita acara ditandatangani Kepala Desa dan Ketua BPD."
)


async def _families(seed: int) -> list[population.FamilyFacts]:
    """Ten families, the first (decile 1, so the rules list it) headed by the village's oldest
    head: population's demo records that person's death once every plugin has filled the village
    (docs/plugins/population.md), and the cycle awaiting approval shows the suspension."""
    heads = []
    async for batch in population.people_in_batches(living_only=True):
        heads.extend(p for p in batch if p.relationship == 1 and p.family_id)
    dated = [p for p in heads if p.birth_date is not None]
    eldest = min(dated, key=lambda p: (p.birth_date, p.id)) if dated else None
    others = [p for p in heads if p is not eldest]
    chosen = random.Random(seed).sample(others, min(10 if eldest is None else 9, len(others)))
    if eldest is not None:
        chosen.insert(0, eldest)
    found = [await population.family(p.family_id) for p in chosen if p.family_id]
    return [f for f in found if f is not None]


async def fill(context: DemoContext) -> None:
    kernel, tenant, code = context.kernel, context.village, context.village.code
    operator = context.users.get("aid_operator") or context.users.get("village_operator") or "demo"
    head = context.users.get("village_head") or "kepala-demo"
    cashier = context.users.get("village_operator") or operator
    now = datetime.now(UTC)
    blt = await programmes.create(kernel, code, BLT_DD, operator, now)
    food = await programmes.create_share(
        kernel, code, FOOD, f"demo{tenant.code[:5].replace('.', '')}", operator, now
    )
    pkh = await programmes.create(kernel, code, PKH, operator, now)
    await rules.add_examples(kernel, code, blt, "blt_dd_2024", operator, now)
    await rules.add(
        kernel, code, food, "Desil 1–4", "head && decile >= 1 && decile <= 4", operator, now
    )
    families = await _families(context.seed)
    for index, family in enumerate(families):
        await WelfareRecord.insert(
            WelfareRecord(
                village_code=code,
                kk_number=family.kk_number,
                decile=1 if index < 4 else 3,
                chronic_illness=index % 3 == 0,
                lost_livelihood=index % 4 == 1,
                bps_criteria=9 if index < 4 else 5,
                source="DTSEN 2025",
                recorded_by=operator,
                recorded_at=now,
            )
        )
    pkh_row = await programmes.programme(pkh)
    for family in families[6:8]:
        if family.head is not None and pkh_row is not None:
            await recipients.add(
                kernel,
                code,
                pkh_row,
                family.head,
                source="national",
                since=dt.date(YEAR, 1, 2),
                actor=operator,
                now=now,
            )
    await _deliberate(context, blt, operator, head, now)
    await _deliberate(context, food, operator, head, now)
    await _cycles(context, blt, operator, head, cashier, now)


async def _deliberate(
    context: DemoContext, programme_id: int, operator: str, head: str, now: datetime
) -> None:
    kernel, code = context.kernel, context.village.code
    programme = await programmes.programme(programme_id)
    assert programme is not None
    opened = await deliberations.open_for(
        kernel,
        code,
        programme_id,
        f"Musdesus penetapan penerima {programme['code']} {YEAR}",
        operator,
        now,
    )
    state = await deliberations.load(opened)
    assert state is not None
    await deliberations.pull_from_rules(kernel, code, state, operator, now, dt.date(YEAR, 1, 20))
    listed = await deliberations.candidates(opened)
    if len(listed) > 2:
        await deliberations.decide(
            kernel,
            code,
            state,
            listed[-1].row["id"],
            False,
            "Sudah menerima PKH; diberikan kepada keluarga lain",
            operator,
            now,
        )
    meeting = {
        "meeting_date": f"{YEAR}-01-22",
        "place": f"Balai {context.village.display_name}",
        "attendance": "Kepala Desa\nKetua dan anggota BPD\nKetua RT/RW\nTokoh masyarakat",
        "minutes": MINUTES.format(year=YEAR),
    }
    await deliberations.act(kernel, code, state, "hold", meeting, operator, now)
    held = await deliberations.load(opened)
    assert held is not None
    await deliberations.act(kernel, code, held, "approve", {}, head, now)


async def _cycles(
    context: DemoContext,
    programme_id: int,
    operator: str,
    head: str,
    cashier: str,
    now: datetime,
) -> None:
    kernel, tenant = context.kernel, context.village
    if not await recipients.active(programme_id):
        return
    identity = SignerIdentity(
        id=re.sub(r"[^A-Za-z0-9_-]", "-", f"demo-{head}")[:64],
        name=head,
        position=f"Kepala Desa {tenant.display_name}",
        organisation=f"Pemerintah Desa {tenant.display_name}",
    )
    zone = dt.timezone(dt.timedelta(hours=7))
    first = await cycles.open_cycle(kernel, tenant.code, programme_id, operator, now)
    state = await cycles.load(first)
    assert state is not None
    await cycles.add_slot(
        kernel,
        tenant.code,
        state,
        f"Kantor Pos {tenant.display_name}",
        "",
        datetime(YEAR, 2, 3, 8, tzinfo=zone),
        datetime(YEAR, 2, 3, 11, tzinfo=zone),
        operator,
    )
    for action, actor in (("submit", operator), ("approve", head), ("start", cashier)):
        current = await cycles.load(first)
        assert current is not None
        await cycles.act(
            kernel, tenant, current, action, {}, actor=actor, identity=identity, now=now
        )
    rows = await cycles.entitlements(first)
    for row in rows[: max(1, len(rows) - 1)]:
        await payouts.record(
            kernel,
            tenant.code,
            row["token"],
            channel="door" if row["door_to_door"] else "counter",
            place=f"Kantor Pos {tenant.display_name}",
            ktp_checked=True,
            officer=cashier,
            now=now,
        )
    closing = await cycles.load(first)
    assert closing is not None
    await cycles.act(
        kernel,
        tenant,
        closing,
        "close",
        {"reason": "Penerima merantau, tidak datang"},
        actor=operator,
        identity=identity,
        now=now,
    )
    second = await cycles.open_cycle(kernel, tenant.code, programme_id, operator, now)
    waiting = await cycles.load(second)
    assert waiting is not None
    await cycles.act(
        kernel, tenant, waiting, "submit", {}, actor=operator, identity=identity, now=now
    )
