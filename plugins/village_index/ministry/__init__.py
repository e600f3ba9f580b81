"""The ministry's published results (one row per village), imported from its spreadsheet."""
