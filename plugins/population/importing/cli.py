"""`kampung population import FILE --village CODE [--dry-run] [--json]`,
`kampung population export FILE --village CODE` and `kampung population purge-imports` for
regency IT staff.

`--village ALL` imports a regency-wide sheet whose `kode_desa` column names each row's village,
and exports every village of the regency into one such sheet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from core.audit import record_command
from core.cli.runner import run_with_kernel
from core.cli.villages import regency_villages, require_village
from core.config import Settings
from core.db import tenant_transaction
from core.kernel import Kernel
from plugins.population import disclosures
from plugins.population.importing.bulk import refresh_planner_statistics
from plugins.population.importing.export_file import ExportTargetError, export_register
from plugins.population.importing.formats import ImportFormatError
from plugins.population.importing.importer import ALL_VILLAGES, Target
from plugins.population.importing.report import ImportReport
from plugins.population.importing.retention import Purged, purge_imports, retention_days
from plugins.population.importing.runs import import_register, regency_target
from plugins.population.register.search_index import TABLE as SEARCH_KEY_TABLE
from plugins.population.tables import Family, Resident

CLI_ACTOR = "cli"
ANALYZE_MIN_ROWS = 10_000
"""From this many new residents on, the planner's statistics are refreshed after the import."""


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("import", help="import an OpenSID sheet or BIP, or a SIAK export")
    parser.add_argument("file", help="CSV, XLSX, XLSM or XLS file")
    parser.add_argument(
        "--village", required=True, help=f"village code, e.g. 35.27.01.2001, or {ALL_VILLAGES}"
    )
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=cmd_import)
    parser = commands.add_parser("export", help="export the register as the OpenSID sheet")
    parser.add_argument("file", help="CSV or XLSX file to write")
    parser.add_argument(
        "--village", required=True, help=f"village code, e.g. 35.27.01.2001, or {ALL_VILLAGES}"
    )
    parser.set_defaults(func=cmd_export)
    parser = commands.add_parser(
        "purge-imports",
        help="delete stored import files older than [population] import_retention_days",
    )
    parser.set_defaults(func=cmd_purge_imports)


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    regency = args.village.upper() == ALL_VILLAGES
    scope = settings.regency_code if regency else args.village

    async def work(kernel: Kernel) -> ImportReport:
        if regency:
            await regency_villages(scope)
        else:
            await require_village(settings.regency_code, scope)
        async with tenant_transaction(kernel.engine, scope):
            target = await regency_target(scope) if regency else Target(scope)
            report, _ = await import_register(
                kernel, args.file, target, actor=CLI_ACTOR, dry_run=args.dry_run
            )
        if report.residents_created >= ANALYZE_MIN_ROWS:
            tables = (Resident._meta.tablename, Family._meta.tablename, SEARCH_KEY_TABLE)
            await refresh_planner_statistics(kernel.engine, tables)
        return report

    try:
        report = run_with_kernel(settings, work)
    except (ImportFormatError, OSError) as error:
        print(f"kampung: {error}", file=sys.stderr)
        return 2
    print(json.dumps(report.as_json(), ensure_ascii=False, indent=2) if args.json else text(report))
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    regency = args.village.upper() == ALL_VILLAGES
    scope = settings.regency_code if regency else args.village
    path = Path(args.file)

    async def work(kernel: Kernel) -> int:
        if regency:
            villages = await regency_villages(scope)
        else:
            villages = [await require_village(settings.regency_code, scope)]
        async with tenant_transaction(kernel.engine, scope):
            count = await export_register(path, villages, regency=regency)
            await kernel.audit(
                scope,
                actor=CLI_ACTOR,
                action="export",
                entity="resident_register",
                entity_id=scope,
                after={"format": path.suffix.lower().lstrip("."), "rows": count},
            )
            await record_command(
                disclosures.EXPORT,
                village_code=scope,
                command="kampung population export",
                query={"format": path.suffix.lower().lstrip("."), "file": path.name},
                count=count,
            )
            return count

    try:
        count = run_with_kernel(settings, work)
    except (ExportTargetError, OSError) as error:
        print(f"kampung: {error}", file=sys.stderr)
        return 2
    print(f"{count} penduduk diekspor ke {path}")
    return 0


def cmd_purge_imports(args: argparse.Namespace, settings: Settings) -> int:
    """Every village's expired import files; meant for a daily timer (see `retention`)."""

    async def work(kernel: Kernel) -> Purged:
        async with tenant_transaction(kernel.engine, settings.regency_code):
            return await purge_imports(settings, settings.regency_code, dt.datetime.now(dt.UTC))

    try:
        purged = run_with_kernel(settings, work)
    except OSError as error:
        print(f"kampung: {error}", file=sys.stderr)
        return 2
    days = retention_days(settings)
    print(
        f"{purged.batches} berkas impor dan {purged.orphans} berkas tanpa catatan dihapus "
        f"(lebih dari {days} hari)"
    )
    return 0


def text(report: ImportReport) -> str:
    mode = " (uji coba, tidak ada yang disimpan)" if report.dry_run else ""
    lines = [
        f"Format {report.file_format.upper()}, {report.rows} baris{mode}",
        f"Penduduk: {report.residents_created} baru, {report.residents_present} sudah ada",
        f"Keluarga: {report.families_created} baru, {report.families_present} sudah ada",
        f"Peringatan: {report.warning_count}, ditolak: {report.rejection_count}",
    ]
    if report.ignored_columns:
        lines.append(f"Kolom diabaikan: {', '.join(report.ignored_columns)}")
    lines += [f"  ditolak baris {n.row}: {n.reason}" for n in report.rejections]
    lines += [f"  peringatan baris {n.row}: {n.reason}" for n in report.warnings[:50]]
    return "\n".join(lines)
