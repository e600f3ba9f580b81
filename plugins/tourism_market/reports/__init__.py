"""Figures over time: per market day, month and year, and the regency's view of every market."""
