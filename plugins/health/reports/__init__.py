"""Figures: SKDN per posyandu and month, stunting by village for the district and regency."""
