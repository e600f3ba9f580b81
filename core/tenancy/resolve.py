"""Find the tenant named by a request path: `/desa/<slug>`, `/kecamatan/<slug>`, `/kabupaten`.

Looked up on every request and never cached in a global, so onboarding a village or renaming it
takes effect at once on every worker.
"""

from __future__ import annotations

from core.config import Settings
from core.db.jsonvalue import json_dict
from core.tenancy.context import DEFAULT_LOCAL_WORD, Tenant
from core.tenancy.tables import District, Village

VILLAGE_PREFIX = "desa"
DISTRICT_PREFIX = "kecamatan"
REGENCY_PREFIX = "kabupaten"
API_PREFIX = ("api", "v1")


def tenant_path(path: str) -> tuple[str, str | None] | None:
    """(kind prefix, slug) named by a path, or None for paths outside any tenant."""
    parts = [part for part in path.split("/") if part]
    if parts[:2] == list(API_PREFIX):
        parts = parts[2:]
    if not parts:
        return None
    if parts[0] in (VILLAGE_PREFIX, DISTRICT_PREFIX) and len(parts) > 1:
        return parts[0], parts[1]
    if parts[0] == REGENCY_PREFIX:
        return REGENCY_PREFIX, None
    return None


async def resolve_tenant(path: str, settings: Settings) -> Tenant | None:
    """The tenant of this path, or None when the path names none or an unknown one."""
    named = tenant_path(path)
    if named is None:
        return None
    prefix, slug = named
    if prefix == REGENCY_PREFIX:
        return regency_tenant(settings)
    if prefix == DISTRICT_PREFIX:
        district = await District.select().where(District.slug == slug).first()
        if district is None:
            return None
        return Tenant(
            kind="district",
            code=district["code"],
            name=district["name"],
            slug=district["slug"],
            base_url=f"/{DISTRICT_PREFIX}/{district['slug']}",
        )
    village = await Village.select().where(Village.slug == slug).first()
    return village_tenant(village) if village else None


def village_tenant(row: dict) -> Tenant:
    settings = json_dict(row["settings"])
    settings.setdefault("default_word", DEFAULT_LOCAL_WORD.get(row["kind"], "Desa"))
    return Tenant(
        kind="village",
        code=row["code"],
        name=row["name"],
        slug=row["slug"],
        base_url=f"/{VILLAGE_PREFIX}/{row['slug']}",
        onboarded=row["onboarded"],
        settings=settings,
    )


def regency_tenant(settings: Settings) -> Tenant:
    return Tenant(
        kind="regency",
        code=settings.regency_code,
        name=settings.instance_name,
        slug="",
        base_url=f"/{REGENCY_PREFIX}",
    )
