"""Vendors from registration to suspension, the stall plan, and residents looked up through
population's public read API where the village uses population."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import product

import pytest

from core.workflow import TransitionRefused
from plugins.tourism_market.market_days.markets import create_market
from plugins.tourism_market.vendors import stalls, vendors
from tests.tourism_market.markets import BAHULAK, NOW

EXPECTED = {
    ("pending", "approve"): "approved",
    ("pending", "reject"): "rejected",
    ("approved", "suspend"): "suspended",
    ("suspended", "reinstate"): "approved",
}
FORM = {
    "name": "Bu Sri",
    "stall_name": "Pecel Ndeso",
    "category": "makanan",
    "phone": "0812-3456-789",
}


@pytest.mark.parametrize(
    ("state", "action"),
    sorted(product(vendors.VENDOR_LIFECYCLE.states, vendors.VENDOR_LIFECYCLE.actions)),
)
def test_every_state_and_action_pair_of_a_vendor(state: str, action: str) -> None:
    if (state, action) in EXPECTED:
        assert vendors.VENDOR_LIFECYCLE.next_state(state, action) == EXPECTED[(state, action)]
    else:
        with pytest.raises(TransitionRefused):
            vendors.VENDOR_LIFECYCLE.next_state(state, action)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", " ", "Nama pedagang wajib diisi"),
        ("stall_name", "", "Nama lapak wajib diisi"),
        ("category", "senjata", "Pilih jenis dagangan"),
        ("phone", "12345", "Nomor HP diawali 08"),
    ],
)
def test_a_registration_names_the_field_that_is_wrong(field: str, value: str, message: str) -> None:
    registration, errors = vendors.parse_registration({**FORM, field: value}, None)
    assert registration is None
    assert errors[field].startswith(message)


def test_a_phone_is_kept_without_spaces_or_dashes() -> None:
    registration, _ = vendors.parse_registration(FORM, None)
    assert registration is not None and registration.phone == "08123456789"


async def test_a_suspension_needs_a_reason_and_a_stall_goes_to_approved_vendors_only(
    kampung,
) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        market = await create_market(BAHULAK, NOW)
        registration, _ = vendors.parse_registration(FORM, None)
        vendor = await vendors.register(market, registration, NOW)
        stall = await stalls.add_stall(market, 1)
        with pytest.raises(vendors.VendorError, match="Hanya pedagang yang disetujui"):
            await stalls.assign(stall, vendor, date(2026, 12, 6), date(2026, 12, 6), "m", NOW)
        await vendors.act(vendor, "approve", "manajer", NOW)
        with pytest.raises(vendors.VendorError, match="Alasan pembekuan wajib diisi"):
            await vendors.act(vendor, "suspend", "manajer", NOW)
        assert await vendors.act(vendor, "suspend", "manajer", NOW, "tidak hadir") == "suspended"
        assert await vendors.act(vendor, "reinstate", "manajer", NOW) == "approved"
        await stalls.assign(stall, vendor, date(2026, 12, 1), date(2027, 3, 1), "m", NOW)
        plan = await stalls.plan_on(market, date(2026, 12, 6))
        assert plan[0]["holder"]["stall_name"] == "Pecel Ndeso"


async def test_a_stall_has_one_vendor_on_a_day_and_numbers_are_unique(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        market = await create_market(BAHULAK, NOW)
        ids = []
        for name in ("Bu Sri", "Pak Jumadi"):
            registration, _ = vendors.parse_registration({**FORM, "name": name}, None)
            ids.append(await vendors.register(market, registration, NOW))
            await vendors.act(ids[-1], "approve", "manajer", NOW)
        stall = await stalls.add_stall(market, 3)
        with pytest.raises(vendors.VendorError, match="sudah ada"):
            await stalls.add_stall(market, 3)
        await stalls.assign(stall, ids[0], date(2026, 12, 1), date(2026, 12, 31), "m", NOW)
        with pytest.raises(vendors.VendorError, match="sudah dipakai"):
            await stalls.assign(stall, ids[1], date(2026, 12, 20), date(2027, 1, 10), "m", NOW)
        await stalls.assign(stall, ids[1], date(2027, 1, 1), date(2027, 1, 31), "m", NOW)


class TestWithPopulation:
    """Where the village uses population, the manager picks a resident instead of typing."""

    @pytest.fixture
    def kampung_plugins(self) -> tuple[str, ...]:
        return ("population", "tourism_market")

    async def _resident(self, kampung, village: str) -> int:
        from plugins.population.tables import Resident

        now = datetime.now(UTC)
        async with kampung.scope(village):
            rows = await Resident.insert(
                Resident(
                    village_code=village,
                    nik="3527014101800099",
                    name="SRI RAHAYU",
                    name_key="sri rahayu",
                    sex=2,
                    created_at=now,
                    updated_at=now,
                )
            ).returning(Resident.id)
        return rows[0]["id"]

    async def test_a_resident_is_found_and_registered_with_the_registers_name(
        self, kampung
    ) -> None:
        village = await kampung.village(0)
        resident = await self._resident(kampung, village.code)
        manager = await kampung.login("market_manager", village)
        created = await manager.post(
            village.url + "/pasar",
            data={
                "name": "Pasar Bahulak",
                "schedule": "Minggu Legi",
                "opens_at": "06:00",
                "closes_at": "11:00",
                "token_value": "2000",
                "denominations": "1",
                "parking_fee": "2000",
                "fee_mode": "percent",
                "fee_value": "5",
            },
        )
        url = created.headers["location"]
        found = await manager.get(f"{url}/pedagang", params={"q": "sri"})
        assert "SRI RAHAYU" in found.text
        answer = await manager.post(
            f"{url}/pedagang",
            data={
                "resident_id": str(resident),
                "name": "",
                "stall_name": "Dawet Ireng",
                "category": "minuman",
            },
        )
        assert answer.status_code == 303, answer.text
        again = await manager.post(
            f"{url}/pedagang",
            data={"resident_id": str(resident), "stall_name": "Lapak kedua", "category": "minuman"},
        )
        assert again.status_code == 422
        assert "sudah terdaftar" in again.text
        listing = await manager.get(f"{url}/pedagang")
        assert "SRI RAHAYU" in listing.text and "Dawet Ireng" in listing.text

    async def test_a_resident_of_another_village_is_not_offered(self, kampung) -> None:
        mine, theirs = await kampung.village(0), await kampung.village(1)
        await self._resident(kampung, theirs.code)
        manager = await kampung.login("market_manager", mine)
        async with kampung.scope(mine.code):
            market = await create_market(BAHULAK, NOW)
        found = await manager.get(f"{mine.url}/pasar/{market}/pedagang", params={"q": "sri"})
        assert found.status_code == 200
        assert "SRI RAHAYU" not in found.text
