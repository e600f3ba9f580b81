"""A village's yearly survey: answers per dimension, scored, submitted and verified."""
