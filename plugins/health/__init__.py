"""Kesehatan (Posyandu)."""
