"""Pregnancies and mothers: HPHT and the due date, antenatal visits, KEK, risk flags, the birth."""
