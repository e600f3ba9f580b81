"""The Javanese calendar a market's schedule is written in: weekday × pasaran (wetonan)."""
