"""Bantuan sosial (e-Pos)."""
