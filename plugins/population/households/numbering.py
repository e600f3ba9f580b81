"""The household number (nomor rumah tangga) a village gets when the operator types none.

OpenSID (`Rtm_model::insert`) numbers a new rumah tangga from the last number in `tweb_rtm`
(longest, then highest): it keeps everything but the last five digits and adds one to those;
the very first one is the village code (`kode_desa`, ten digits) followed by `00001`.

Kampung keeps the shape, so a number reads the same in both systems and an OpenSID export's
numbers continue without a clash: the village code's ten digits and a five-digit serial,
`3527012001` + `00001` = `352701200100001`. It differs in one way on purpose: the serial
continues from the highest *generated-shape* number of this village (its code, then exactly five
digits), not from whatever number was saved last, so a number typed by hand (an old DTKS or
OpenSID number of another shape) never bends the sequence. Numbers are never reused: a dissolved
household keeps its number, and the unique index on (village, number) stops two operators who
create at the same moment from getting one number (the loser retries with the next).
"""

from __future__ import annotations

from plugins.population.households.tables import Household

SERIAL_DIGITS = 5
NUMBER_LENGTH = 20
"""The longest number a household may carry (typed by hand or imported)."""


def village_prefix(village_code: str) -> str:
    """`35.27.01.2001` → `3527012001`: the village code as OpenSID's `kode_desa` writes it."""
    return village_code.replace(".", "")


async def next_number(village_code: str) -> str:
    """The village's next generated number: its code and the serial after the highest so far."""
    prefix = village_prefix(village_code)
    last = (
        await Household.select(Household.number)
        .where(Household.number.like(prefix + "_" * SERIAL_DIGITS))
        .order_by(Household.number, ascending=False)
        .first()
    )
    serial = 0
    if last is not None and last["number"][len(prefix) :].isdigit():
        serial = int(last["number"][len(prefix) :])
    return f"{prefix}{serial + 1:0{SERIAL_DIGITS}d}"
