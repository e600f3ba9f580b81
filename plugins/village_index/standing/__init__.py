"""Where villages stand: each village over the years, the regency's ranking and counts."""
