"""Reliability measurements: tenant isolation, idempotency, API fuzzing and audit sampling.

The machinery here is shared by the CI-sized tests in `tests/reliability/` and the larger runs
(`python -m bench.reliability.isolation`).
"""
