"""Eligibility as data: CEL rules over a resident's facts, previewed before they are saved."""
