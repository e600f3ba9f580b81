"""Run a synchronous property test (hypothesis) against an app that lives on an event loop.

Hypothesis drives plain functions; the app, its database pool and the signed-in clients live on
the test's event loop. The property runs in a worker thread and hands each request back to the
loop, which stays free because the test awaits the thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class LoopBridge:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def run(self, coroutine: Awaitable[T]) -> T:
        """Run a coroutine on the app's loop and wait for its result (from the worker thread)."""
        return asyncio.run_coroutine_threadsafe(_wrap(coroutine), self.loop).result()


async def _wrap(coroutine: Awaitable[T]) -> T:
    return await coroutine


async def run_in_thread(prop: Callable[[LoopBridge], None]) -> None:
    """Call `prop(bridge)` in a worker thread; exceptions (hypothesis failures) propagate."""
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(prop, LoopBridge(loop))
