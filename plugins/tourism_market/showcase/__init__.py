"""The market's public page: dates, stalls and prices, for visitors; no personal data."""
