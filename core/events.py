"""Domain events: how plugins react to each other without importing each other.

`publish` runs every subscriber before it returns, inside the publisher's transaction: if a
subscriber fails, the change that caused the event is rolled back with it, so one side is never
done without the other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.plugins.contributions import EventSubscriber

if TYPE_CHECKING:
    from core.kernel import Kernel


@dataclass(frozen=True, slots=True)
class DomainEvent:
    """Something that happened in a village, e.g. `population.resident_died`."""

    name: str
    village_code: str
    payload: dict[str, Any] = field(default_factory=dict)


class EventBus:
    def __init__(self, subscribers: list[EventSubscriber]) -> None:
        self._subscribers: dict[str, list[EventSubscriber]] = defaultdict(list)
        for subscriber in subscribers:
            self._subscribers[subscriber.event].append(subscriber)

    def subscribers(self, name: str) -> list[EventSubscriber]:
        return list(self._subscribers.get(name, ()))

    async def publish(self, event: DomainEvent, kernel: Kernel) -> None:
        for subscriber in self._subscribers.get(event.name, ()):
            await subscriber.handler(event, kernel)
