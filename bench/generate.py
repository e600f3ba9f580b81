"""Write a synthetic regency as an OpenSID import sheet and report how fast it went.

    python -m bench.generate --regency 35.10 --residents 1000000 --seed 1 --out var/bench/35.10.csv
    python -m bench.generate --regency 35.27 --residents 5000 --per-village var/bench/35.27/

The single file carries an extra first column, ``kode_desa``, since the OpenSID sheet has no
village column; ``--per-village`` writes plain OpenSID sheets named by village code instead.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from plugins.population.synthetic import DEFAULT_AS_OF, write_regency_csv, write_village_csvs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--regency", required=True, help="Kemendagri regency code, e.g. 35.10")
    parser.add_argument("--residents", type=int, required=True, help="how many residents in all")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same file (default 1)")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=DEFAULT_AS_OF,
        help=f"reference date for ages and card dates (default {DEFAULT_AS_OF})",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="one CSV with kode_desa as the first column")
    target.add_argument("--per-village", type=Path, metavar="DIR", help="DIR/<village code>.csv")
    args = parser.parse_args(argv)

    write = write_regency_csv if args.per_village is None else write_village_csvs
    destination = args.out if args.per_village is None else args.per_village
    report = write(destination, args.regency, args.residents, seed=args.seed, as_of=args.as_of)
    print(
        f"{report.residents:,} residents, {report.families:,} families, "
        f"{report.villages} villages → {destination}\n"
        f"elapsed {report.seconds:.1f} s, {report.rows_per_second:,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
