"""The regency's view: the same person or family on the same kind of aid in two villages, and
totals per programme and village."""
