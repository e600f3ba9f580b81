"""This part's contribution to the population plugin."""

from __future__ import annotations

from plugins.population.feature import Feature

FEATURE = Feature()
