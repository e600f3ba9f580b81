"""Informasi publik (PPID)."""
