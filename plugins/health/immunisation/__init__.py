"""Routine immunisation: the national schedule, each child's due and overdue doses, coverage."""
