"""The importer's fast path (COPY or one `executemany`) holds to the tenant scope like every other
write: a row of a village outside the transaction's scope is refused before anything is sent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.db import TenantScopeError
from plugins.population.importing.bulk import existing_values, insert_rows
from plugins.population.importing.importer import FAMILY_COLUMNS
from plugins.population.tables import Family, Resident


def family_row(village_code: str, kk_number: str) -> tuple[object, ...]:
    return (village_code, kk_number, "", "", "", "", True, datetime.now(UTC), 1)


async def test_a_bulk_insert_writes_the_scopes_rows_and_refuses_any_other(kampung) -> None:
    ours, theirs = await kampung.village(0), await kampung.village(1)
    engine = kampung.kernel.engine
    async with kampung.scope(ours.code):
        await insert_rows(
            engine, Family, FAMILY_COLUMNS, [family_row(ours.code, "3527011201200001")]
        )
        with pytest.raises(TenantScopeError, match=theirs.code):
            await insert_rows(
                engine,
                Family,
                FAMILY_COLUMNS,
                [
                    family_row(ours.code, "3527011201200002"),
                    family_row(theirs.code, "3527011201200003"),
                ],
            )
        with pytest.raises(TenantScopeError):
            await existing_values(engine, Resident, "nik", theirs.code, ["3527014101900001"])
    async with kampung.scope(kampung.settings.regency_code):
        written = await Family.select(Family.village_code, Family.kk_number)
    assert written == [{"village_code": ours.code, "kk_number": "3527011201200001"}]
