"""Pasar Bahulak in the first demo village: 70 vendors on a stall plan, four booths, the last
eight market days with realistic turnover (Rp13–75 million a day), each closed with its shifts
counted and approved — one with a small shortage — and the coming dates.

Everything goes through the plugin's own rules (the same calls the pages make), so the demo's
books reconcile exactly as a real market's must.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from core import DemoContext
from core.localtime import local_day
from plugins.tourism_market.ledger import operations as ops
from plugins.tourism_market.ledger.accounts import balance, drawer_key
from plugins.tourism_market.market_days import closing, days, parking
from plugins.tourism_market.market_days.markets import MarketTerms, create_market
from plugins.tourism_market.pasaran.schedule import parse_schedule, scheduled_dates
from plugins.tourism_market.permissions import CASHIER, MANAGER, VENDOR
from plugins.tourism_market.shifts import shifts
from plugins.tourism_market.tables import Booth
from plugins.tourism_market.vendors import stalls, vendors

TERMS = MarketTerms(
    name="Pasar Bahulak",
    schedule="Minggu Legi dan Minggu Pahing",
    token_value=2000,
    parking_fee=2000,
    fee_mode="percent",
    fee_value=5,
)
GIVEN = (
    "Sri",
    "Warsini",
    "Parmi",
    "Sumarni",
    "Tukiyem",
    "Suparno",
    "Jumadi",
    "Wagiman",
    "Ngatini",
    "Sutarmi",
    "Paiman",
    "Marsono",
    "Tumini",
    "Sarinah",
    "Yatmi",
)
TITLES = ("Bu", "Pak", "Mbah")
STALLS = {
    "makanan": (
        ("Pecel Ndeso", (("Nasi pecel", 5), ("Tempe bacem", 1))),
        ("Sego Tiwul", (("Tiwul", 3), ("Gethuk", 2))),
        ("Soto Kampung", (("Soto ayam", 6),)),
    ),
    "minuman": (("Dawet Ireng", (("Dawet", 3),)), ("Wedang Jahe", (("Wedang jahe", 2),))),
    "jajanan": (("Jajan Pasar", (("Klepon", 1), ("Cenil", 1), ("Lemper", 2))),),
    "hasil_tani": (("Sayur Segar", (("Seikat kangkung", 1), ("Kacang panjang", 2))),),
    "kerajinan": (("Anyaman Bambu", (("Tampah", 15), ("Kipas bambu", 4))),),
    "mainan": (("Dolanan Bocah", (("Gasing kayu", 5), ("Kitiran", 3))),),
}
VENDORS = 70
BOOTHS = 4
PAST_DAYS = 8


async def fill(context: DemoContext) -> None:
    manager = context.users.get(MANAGER)
    if manager is None:
        return
    rng = random.Random(context.seed)
    now = datetime.now(UTC)
    market_id = await create_market(TERMS, now)
    booths = [
        (await Booth.insert(Booth(market=market_id, name=f"Loket {n}")).returning(Booth.id))[0][
            "id"
        ]
        for n in range(1, BOOTHS + 1)
    ]
    cashiers = [context.users.get(CASHIER, "kasir-1")] + [
        f"kasir-{n}" for n in range(2, BOOTHS + 1)
    ]
    vendor_ids = await _vendors(market_id, context, rng, manager, now)
    today = local_day(now)
    dates = scheduled_dates(parse_schedule(TERMS.schedule), today - timedelta(days=35 * 5), today)
    past = [day for day in dates if day < today][-PAST_DAYS:]
    short_day = rng.randrange(len(past))
    for index, day in enumerate(past):
        moment = datetime.combine(day, time(0, 30), UTC)
        await _market_day(
            market_id, day, moment, booths, cashiers, vendor_ids, manager, rng, index == short_day
        )
    coming = scheduled_dates(parse_schedule(TERMS.schedule), today, today + timedelta(days=70))
    special = coming[-1] + timedelta(days=6)
    await days.ensure_day(
        market_id, special, now, special=True, note="Edisi khusus Festival Kelapa"
    )


async def _vendors(
    market_id: int, context: DemoContext, rng: random.Random, manager: str, now: datetime
) -> list[tuple[int, str]]:
    made = []
    kinds = list(STALLS)
    season_end = now.date() + timedelta(days=365)
    for number in range(1, VENDORS + 1):
        category = kinds[(number - 1) % len(kinds)]
        stall_name, prices = rng.choice(STALLS[category])
        name = f"{rng.choice(TITLES)} {rng.choice(GIVEN)}"
        registration = vendors.Registration(
            name=name,
            stall_name=f"{stall_name} {number}",
            category=category,
            phone=f"08{rng.randrange(10**9, 10**10)}",
            username=context.users.get(VENDOR, "") if number == 1 else "",
        )
        vendor_id = await vendors.register(market_id, registration, now)
        await vendors.act(vendor_id, "approve", manager, now)
        stall_id = await stalls.add_stall(market_id, number, "Blok " + "ABCD"[(number - 1) // 18])
        await stalls.assign(
            stall_id, vendor_id, now.date() - timedelta(days=365), season_end, manager, now
        )
        for item, tokens in prices:
            await stalls.add_price(vendor_id, item, tokens)
        made.append((vendor_id, name))
    return made


async def _market_day(
    market_id: int,
    day,
    moment: datetime,
    booths: list[int],
    cashiers: list[str],
    vendor_ids: list[tuple[int, str]],
    manager: str,
    rng: random.Random,
    short: bool,
) -> None:
    day_id = await days.ensure_day(market_id, day, moment)
    await days.act(day_id, "open", manager, moment)
    seed = f"demo-{market_id}-{day.isoformat()}"
    tills = []
    for n, (booth, cashier) in enumerate(zip(booths, cashiers, strict=True)):
        shift = await shifts.open_shift(
            day_id, booth, cashier, 500_000, moment, f"{seed}-float-{n}"
        )
        tills.append(await shifts.till(shift, cashier, moment))
    target = rng.randrange(13_000_000, 75_000_000) // TERMS.token_value
    sold, sale = 0, 0
    while sold < target:
        tokens = min(rng.choice((10, 15, 20, 25, 50, 75, 100)), target - sold)
        await ops.sell_tokens(tills[sale % len(tills)], tokens, f"{seed}-s{sale}")
        sold, sale = sold + tokens, sale + 1
    await days.count_visitors(day_id, sale * rng.randint(2, 3), "gerbang", moment)
    await parking.park(day_id, sale // 3, "gerbang", moment, f"{seed}-parkir")
    refunded = 0
    for n in range(rng.randint(10, 30)):
        tokens = rng.randint(1, 5)
        await ops.refund_tokens(tills[n % len(tills)], tokens, f"{seed}-r{n}")
        refunded += tokens
    to_redeem = (sold - refunded) * rng.randint(92, 98) // 100
    weights = [rng.random() + 0.2 for _ in vendor_ids]
    shares = [to_redeem * w // sum(weights) for w in weights]
    for n, ((vendor_id, name), share) in enumerate(zip(vendor_ids, shares, strict=True)):
        if share:
            await _redeem(market_id, tills, vendor_id, name, int(share), f"{seed}-v{n}")
    for n, till in enumerate(tills):
        expected = await balance(market_id, drawer_key(till.shift))
        counted = expected - 2_000 if short and n == 0 else expected
        note = "Uang kembalian kurang satu lembar Rp2.000" if counted != expected else ""
        await shifts.close_shift(till.shift, _pieces(counted), note, till.actor, moment)
        await shifts.review_shift(till.shift, "approve", manager, moment)
    await closing.close_day(day_id, manager, moment)


async def _redeem(
    market_id: int, tills: list[ops.Till], vendor_id: int, name: str, tokens: int, key: str
) -> None:
    """Pay a vendor from the booth with the most cash, splitting when one drawer is not enough."""
    part = 0
    while tokens:
        cash = [await balance(market_id, drawer_key(till.shift)) for till in tills]
        richest = max(range(len(tills)), key=cash.__getitem__)
        take = min(tokens, cash[richest] // TERMS.token_value)
        if take == 0:
            raise RuntimeError("demo: the booths ran out of cash for redemptions")
        await ops.redeem_tokens(tills[richest], vendor_id, name, take, f"{key}-{part}")
        tokens, part = tokens - take, part + 1


def _pieces(amount: int) -> dict[int, int]:
    """Notes and coins making up `amount`, largest first, as a cashier counts them."""
    pieces = {}
    for value in shifts.DENOMINATIONS:
        pieces[value], amount = divmod(amount, value)
    return pieces
