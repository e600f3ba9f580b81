"""The village's posyandu and the cadres who run them."""
