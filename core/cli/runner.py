"""Run a command's coroutine with a kernel whose database is open.

Commands are the regency IT staff's tools: they connect as the owner role, so they can migrate
and repair; the app itself never does. Only the owner's engine is made (Piccolo connects when
it makes one, and the app role may not exist yet), but the kernel keeps the settings with the
app's URL, so `migrate` grants to the role the app serves as, not to the owner.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TypeVar

from core.config import Settings
from core.kernel import Kernel

T = TypeVar("T")


def run_with_kernel(settings: Settings, work: Callable[[Kernel], Awaitable[T]]) -> T:
    async def go() -> T:
        kernel = Kernel.build(replace(settings, database_url=settings.owner_url))
        kernel.settings = settings
        await kernel.database.start()
        try:
            return await work(kernel)
        finally:
            await kernel.database.close()

    return asyncio.run(go())
