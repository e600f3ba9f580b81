"""Demo residents: about 300 synthetic people for the demo village, loaded through the real
importer (so every demo build exercises it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core import DemoContext
from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register
from plugins.population.synthetic.village import write_village_csv

DEMO_RESIDENTS = 300


async def demo_residents(context: DemoContext) -> None:
    code = context.village.code
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"demo-{code}.csv"
        write_village_csv(path, code, DEMO_RESIDENTS, seed=context.seed)
        await import_register(
            context.kernel, path, Target(code), actor="demo", filename=f"demo-{code}.csv"
        )
