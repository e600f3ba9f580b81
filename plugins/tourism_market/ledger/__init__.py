"""The market's double-entry ledger in whole rupiah: accounts, entries, postings, reconciliation."""
