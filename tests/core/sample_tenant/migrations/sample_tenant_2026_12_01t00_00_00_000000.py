from plugin_samples import text_table_migration

ID = "2026-12-01T00:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Notes of a village"


async def forwards():
    columns = {"village_code": (13, True), "text": (200, False)}
    return text_table_migration(ID, "sample_tenant", "Note", "sample_note", columns)
