"""Referrals to the puskesmas: raised by the data, followed to an outcome the cadre sees back."""
