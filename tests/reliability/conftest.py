"""Hypothesis profiles for the reliability specs: small in CI, larger on request.

`KAMPUNG_RELIABILITY=reliability-long .venv/bin/pytest tests/reliability` runs 200 state-machine
runs of 20 steps; `python -m bench.reliability.isolation` is the 10,000-attempt measurement.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

for name, examples, steps in (("reliability-ci", 12, 12), ("reliability-long", 200, 20)):
    settings.register_profile(
        name,
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
