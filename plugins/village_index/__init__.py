"""Indeks Desa (IDM)."""
