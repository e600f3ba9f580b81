"""Disbursement cycles: the frozen, signed payout list, the schedule, payouts recorded once."""
