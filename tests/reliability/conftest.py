"""Hypothesis profiles for the reliability specs: small in CI, larger on request.

`KAMPUNG_RELIABILITY=reliability-long .venv/bin/pytest tests/reliability` runs 2,000 examples per
property; `python -m bench.reliability.isolation` is the 10,000-attempt measurement.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

for name, examples in (("reliability-ci", 100), ("reliability-long", 2000)):
    settings.register_profile(
        name,
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
