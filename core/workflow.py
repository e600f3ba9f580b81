"""Lifecycles: explicit transition tables that every record with a history is replayed against.

A record with a lifecycle (a service request, a letter, a disbursement cycle) never stores its
status as the truth: it stores an append-only list of actions, and its status is whatever the
lifecycle yields when that list is replayed. Keeping the table explicit makes it reviewable at a
glance and lets a test walk every (state, action) pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Protocol

from core.i18n import _

__all__ = [
    "IntegerBetween",
    "Lifecycle",
    "PayloadRule",
    "RequiredText",
    "TransitionRefused",
    "UnknownAction",
    "WorkflowError",
]


class WorkflowError(ValueError):
    """Base of the errors a lifecycle raises; the message is shown to the user as it is."""


class UnknownAction(WorkflowError):
    """The action is not part of the lifecycle at all (for example a tampered form field)."""

    def __init__(self, action: str) -> None:
        super().__init__(f"Aksi '{action}' tidak dikenal.")
        self.action = action


class TransitionRefused(WorkflowError):
    """The action exists but may not be taken from the record's current state."""

    def __init__(self, state: str, action: str, state_label: str, action_label: str) -> None:
        super().__init__(f"Aksi '{action_label}' tidak boleh dari status '{state_label}'.")
        self.state = state
        self.action = action


class PayloadRule(Protocol):
    """A check on one field of the data an action carries (a reason, a document number…)."""

    @property
    def field(self) -> str:
        """The payload key the rule reads and reports its error under."""
        ...

    def error(self, value: object) -> str | None:
        """The Indonesian error for ``value`` (``None`` when the field is absent), or ``None``."""
        ...


@dataclass(frozen=True)
class RequiredText:
    """A free-text field that must say something: blank or whitespace-only is refused."""

    field: str
    label: str
    """Indonesian name of the field, used in the error message."""

    def error(self, value: object) -> str | None:
        if isinstance(value, str) and value.strip():
            return None
        return f"{self.label} wajib diisi."


@dataclass(frozen=True)
class IntegerBetween:
    """A whole number within bounds; a digit string from an HTML form counts as that number."""

    field: str
    label: str
    """Indonesian name of the field, used in the error message."""
    low: int
    high: int

    def error(self, value: object) -> str | None:
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and value.strip().isdecimal():
            number = int(value.strip())
        if number is not None and self.low <= number <= self.high:
            return None
        return f"{self.label} harus bilangan bulat {self.low} sampai {self.high}."


@dataclass(frozen=True, eq=False)
class Lifecycle:
    """One lifecycle: its states, its actions, and which action leads where.

    States and actions are the keys stored in the history; ``labels`` gives each its Indonesian
    name for the screen, so one mapping serves both and a key may not be a state and an action at
    once. The constructor refuses an inconsistent table, so a typo fails at import, not in use.
    """

    name: str
    """Key of the lifecycle, e.g. ``population.request``."""
    initial: str
    """The state a record is in when it is created, before any action."""
    transitions: Mapping[tuple[str, str], str]
    """``(state, action) -> next state``; every pair not listed is refused."""
    labels: Mapping[str, str]
    """Indonesian label of every state and every action."""
    action_permission: Mapping[str, str] = field(default_factory=dict)
    """Permission a user needs to take an action; actions not listed need none beyond access."""
    action_payload: Mapping[str, Sequence[PayloadRule]] = field(default_factory=dict)
    """Fields an action must carry, such as the reason for a return."""

    def __post_init__(self) -> None:
        for name in ("transitions", "labels", "action_permission", "action_payload"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        states, actions = self.states, self.actions
        both = states & actions
        if both:
            raise ValueError(
                f"Lifecycle {self.name!r}: {sorted(both)} used as both state and action; "
                "rename one, since states and actions share the labels mapping."
            )
        unlabelled = (states | actions) - set(self.labels)
        if unlabelled:
            raise ValueError(f"Lifecycle {self.name!r}: add labels for {sorted(unlabelled)}.")
        stray = (set(self.action_permission) | set(self.action_payload)) - actions
        if stray:
            raise ValueError(
                f"Lifecycle {self.name!r}: {sorted(stray)} have permissions or payload rules "
                "but appear in no transition."
            )

    @cached_property
    def states(self) -> frozenset[str]:
        sources = (s for s, _ in self.transitions)
        return frozenset({self.initial, *sources, *self.transitions.values()})

    @cached_property
    def actions(self) -> frozenset[str]:
        return frozenset(a for _, a in self.transitions)

    def label(self, key: str) -> str:
        """The label of a state or action in the request's language (the table holds the
        Indonesian msgid); an unknown key is shown as it is."""
        return _(self.labels.get(key, key))

    def next_state(self, state: str, action: str) -> str:
        """The state after ``action``, or :class:`TransitionRefused` when the table forbids it."""
        if action not in self.actions:
            raise UnknownAction(action)
        try:
            return self.transitions[(state, action)]
        except KeyError:
            raise TransitionRefused(state, action, self.label(state), self.label(action)) from None

    def allowed_actions(self, state: str) -> tuple[str, ...]:
        """Actions that may be taken from ``state``, in table order, for buttons and checks."""
        return tuple(a for (s, a) in self.transitions if s == state)

    def is_final(self, state: str) -> bool:
        """A final state admits no action: the record is closed."""
        return not self.allowed_actions(state)

    def derive(self, actions: Iterable[str]) -> str:
        """Replay a history of actions from the initial state; an impossible history raises."""
        state = self.initial
        for action in actions:
            state = self.next_state(state, action)
        return state

    def permission_for(self, action: str) -> str | None:
        """The permission ``action`` needs, or ``None`` when the lifecycle asks for none."""
        if action not in self.actions:
            raise UnknownAction(action)
        return self.action_permission.get(action)

    def validate_payload(self, action: str, payload: Mapping[str, object]) -> dict[str, str]:
        """Indonesian errors by field for the data that comes with ``action``; empty when valid."""
        if action not in self.actions:
            raise UnknownAction(action)
        errors: dict[str, str] = {}
        for rule in self.action_payload.get(action, ()):
            message = rule.error(payload.get(rule.field))
            if message is not None:
                errors[rule.field] = message
        return errors
