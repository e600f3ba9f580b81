"""Children's growth: WHO z-scores, Permenkes 2/2020 categories, KMS weight-gain status."""
