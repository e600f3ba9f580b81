"""The public-information plugin's tables, each a core tenant table (its rows belong to a village).

A request's ``status`` and its deadlines are caches of what its append-only history says (the
``InfoRequestStep`` rows); they are kept for the PPID's queue and recomputed with every step.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    BigInt,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete

from core.db import TenantTable
from core.db.insert_only import insert_only


class InfoRequest(TenantTable, tablename="public_info_request"):
    """An information request (permohonan informasi publik), as the requester filed it."""

    tracking_number = Varchar(length=20, index=True)
    access_hash = Varchar(length=64)
    """SHA-256 of the access code given to the requester; with the number it opens the status."""
    requester_name = Varchar(length=150)
    identity_kind = Varchar(length=20)
    identity_number = Varchar(length=40)
    address = Text()
    phone = Varchar(length=30)
    email = Varchar(length=120)
    information = Text()
    purpose = Text()
    copy_form = Varchar(length=30)
    delivery = Varchar(length=20)
    filed_at = Timestamptz()
    filed_on = Date()
    status = Varchar(length=30, index=True)
    due_on = Date()
    objection_due_on = Date(null=True, default=None)
    """While an objection waits: the last day for the PPID's superior to rule."""
    origin = Varchar(length=64, index=True)
    """A keyed hash of the address the request came from, for throttling; never the address."""
    idempotency_key = Varchar(length=64, index=True)


@insert_only
class InfoRequestStep(TenantTable, tablename="public_info_request_step"):
    """One action on a request: who did what, when, and what it said. Never changed."""

    request = ForeignKey(InfoRequest, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=30)
    from_status = Varchar(length=30)
    to_status = Varchar(length=30)
    actor = Varchar(length=64)
    at = Timestamptz()
    payload = JSON(default="{}")


class InfoRequestFile(TenantTable, tablename="public_info_request_file"):
    """A file the PPID sent with a grant; the requester downloads it from the status page."""

    request = ForeignKey(InfoRequest, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=30)
    filename = Varchar(length=200)
    stored_name = Varchar(length=60)
    content_type = Varchar(length=120)
    size = Integer()
    sha256 = Varchar(length=64)
    added_by = Varchar(length=64)
    added_at = Timestamptz()


class InfoDocument(TenantTable, tablename="public_info_document"):
    """An entry of the information list (DIP): what it is, who owns it, how it is classified.

    An exempt entry (``dikecualikan``) records its consequence test and never holds a file, so
    no route can serve one; an entry withdrawn from the list stays, marked, for the record.
    """

    title = Varchar(length=200)
    summary = Text(default="")
    category = Varchar(length=20, index=True)
    owner = Varchar(length=150)
    produced_on = Date()
    retention_years = Integer()
    exemption = Varchar(length=20, default="")
    consequence = Text(default="")
    public_interest = Text(default="")
    exempt_until = Date(null=True, default=None)
    filename = Varchar(length=200, default="")
    stored_name = Varchar(length=60, default="")
    content_type = Varchar(length=120, default="")
    size = Integer(default=0)
    sha256 = Varchar(length=64, default="")
    withdrawn = Boolean(default=False)
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    idempotency_key = Varchar(length=64, index=True, default="")


class SiteProfile(TenantTable, tablename="public_info_profile"):
    """The village's own account of itself, one row per village: what the profile page says."""

    history = Text(default="")
    vision = Text(default="")
    mission = Text(default="")
    area_hectares = Integer(null=True, default=None)
    latitude = Varchar(length=12, default="")
    longitude = Varchar(length=12, default="")
    hamlets = JSON(default="[]")
    """The hamlets (dusun) by name, in the village's own order."""
    office_address = Text(default="")
    office_phone = Varchar(length=30, default="")
    office_email = Varchar(length=120, default="")
    office_hours = Varchar(length=120, default="")
    updated_by = Varchar(length=64, default="")
    updated_at = Timestamptz()


class Official(TenantTable, tablename="public_info_official"):
    """A position of the village government and who holds it, as the village publishes it."""

    position = Varchar(length=120)
    name = Varchar(length=150)
    rank = Integer(default=100)
    """Smaller comes first: the head, the secretary, the heads of affairs, the hamlet heads."""


class Post(TenantTable, tablename="public_info_post"):
    """A news item or an announcement; ``status`` is a cache of its step history."""

    kind = Varchar(length=20)
    title = Varchar(length=200)
    body = Text()
    photo_name = Varchar(length=60, default="")
    photo_type = Varchar(length=30, default="")
    photo_caption = Varchar(length=200, default="")
    status = Varchar(length=20, index=True)
    publish_at = Timestamptz(null=True, default=None)
    """When it shows: set when published, or the moment a scheduled post goes out."""
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    idempotency_key = Varchar(length=64, index=True, default="")


@insert_only
class PostStep(TenantTable, tablename="public_info_post_step"):
    """One action on a post (publish, schedule, withdraw): who, when. Never changed."""

    post = ForeignKey(Post, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=20)
    from_status = Varchar(length=20)
    to_status = Varchar(length=20)
    actor = Varchar(length=64)
    at = Timestamptz()
    publish_at = Timestamptz(null=True, default=None)


class AgendaItem(TenantTable, tablename="public_info_agenda"):
    """An event on the village's public agenda (a musyawarah, a posyandu day, a kerja bakti)."""

    title = Varchar(length=200)
    starts_at = Timestamptz()
    place = Varchar(length=200, default="")
    description = Text(default="")


class ServiceStandard(TenantTable, tablename="public_info_service"):
    """A service the village offers with its service standard: what to bring, the steps, how
    long it takes and what it costs (whole rupiah; 0 is free)."""

    name = Varchar(length=200)
    provider = Varchar(length=150, default="")
    requirements = JSON(default="[]")
    steps = JSON(default="[]")
    duration = Varchar(length=100)
    cost = Integer(default=0)
    portal_path = Varchar(length=200, default="")
    """A path on this instance where the citizen applies online, if they can."""
    rank = Integer(default=100)


@insert_only
class BudgetRevision(TenantTable, tablename="public_info_budget_revision"):
    """One version of a year's APBDes and its realisation, entered by form or imported. A
    correction is a new revision; the latest one of a year is the one the site shows."""

    year = Integer(index=True)
    source = Varchar(length=10)
    filename = Varchar(length=200, default="")
    actor = Varchar(length=64)
    at = Timestamptz()


@insert_only
class BudgetLine(TenantTable, tablename="public_info_budget_line"):
    """One line of a revision: its group (an income source, a spending field, financing), what
    it is, the budget and what was realised, in whole rupiah."""

    revision = ForeignKey(BudgetRevision, on_delete=OnDelete.restrict, index=True)
    group = Varchar(length=5)
    name = Varchar(length=200)
    budget = BigInt()
    realised = BigInt()
    position = Integer()


TABLES = [
    InfoRequest,
    InfoRequestStep,
    InfoRequestFile,
    InfoDocument,
    SiteProfile,
    Official,
    Post,
    PostStep,
    AgendaItem,
    ServiceStandard,
    BudgetRevision,
    BudgetLine,
]
