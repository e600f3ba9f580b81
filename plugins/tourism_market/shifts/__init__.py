"""Cashier shifts at the booths: open with a float, exchange tokens, count, close, approve."""
