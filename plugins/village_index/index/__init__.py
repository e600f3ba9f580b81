"""The development index as data: editions (indicators, dimensions, thresholds) and scoring."""
