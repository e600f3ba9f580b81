"""Vendors, stalls and price lists: who sells where, approved by the BUMDes manager."""
