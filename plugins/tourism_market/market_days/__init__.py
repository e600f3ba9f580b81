"""market_days."""
