"""Pasar wisata (Pasar Bahulak)."""
