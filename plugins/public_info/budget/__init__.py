"""Budget transparency: the APBDes and its realisation per year, entered or imported, published."""
