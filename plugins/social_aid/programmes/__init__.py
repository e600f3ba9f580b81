"""Programmes: what aid a village runs or records, for whom, how much and how often."""
