"""Households (rumah tangga): the families (KK) who live in one house, as OpenSID and the social
registry (DTKS/DTSEN) count them."""
