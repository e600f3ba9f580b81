"""The population plugin's tables, each a core tenant table: the core adds `village_code` and
scopes every query to the transaction's villages (on SQLite as on PostgreSQL, where Row-Level
Security on the same column is the second wall).

A resident's `status` and a request's or letter's `status` are caches of what their append-only
histories say; the histories are the record.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
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
from plugins.population.areas.tables import AREA_TABLES
from plugins.population.households.tables import HOUSEHOLD_TABLES
from plugins.population.letters.archive_tables import MAIL_TABLES
from plugins.population.letters.tables import LETTER_TABLES
from plugins.population.register.photo_tables import PHOTO_TABLES
from plugins.population.village_map.tables import MAP_TABLES


class Family(TenantTable, tablename="population_family"):
    """A family card (KK)."""

    kk_number = Varchar(length=16, index=True)
    address = Varchar(length=200, default="")
    dusun = Varchar(length=60, default="")
    rw = Varchar(length=3, default="")
    rt = Varchar(length=3, default="")
    active = Boolean(default=True)
    created_at = Timestamptz()
    version = Integer(default=1)


class Resident(TenantTable, tablename="population_resident"):
    """A person registered in a village, with the fields of the Dukcapil vocabulary."""

    family = ForeignKey(Family, null=True, on_delete=OnDelete.restrict, index=True)
    nik = Varchar(length=16, index=True)
    nik_temporary = Boolean(default=False)
    nik_needs_check = Boolean(default=False)
    name = Varchar(length=120)
    name_key = Varchar(length=120, index=True)
    sex = Integer()
    birth_place = Varchar(length=80, default="")
    birth_date = Date(null=True, default=None)
    religion = Integer(null=True, default=None)
    education = Integer(null=True, default=None)
    occupation = Integer(null=True, default=None)
    marital_status = Integer(null=True, default=None)
    relationship = Integer(null=True, default=None)
    citizenship = Integer(default=1)
    blood_type = Integer(null=True, default=None)
    disability = Integer(null=True, default=None)
    father_nik = Varchar(length=16, default="")
    father_name = Varchar(length=120, default="")
    mother_nik = Varchar(length=16, default="")
    mother_name = Varchar(length=120, default="")
    phone = Varchar(length=20, default="")
    documents = JSON(default="{}")
    dusun = Varchar(length=60, default="")
    rw = Varchar(length=3, default="")
    rt = Varchar(length=3, default="")
    address = Varchar(length=200, default="")
    status = Integer(default=1)
    version = Integer(default=1)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class LifeEvent(TenantTable, tablename="population_life_event"):
    """Birth, death, move out/in, missing, left: append-only; corrections are new events."""

    resident = ForeignKey(Resident, on_delete=OnDelete.restrict, index=True)
    kind = Integer()
    event_date = Date()
    report_date = Date()
    details = JSON(default="{}")
    corrects = Integer(null=True, default=None)
    recorded_by = Varchar(length=64)
    recorded_at = Timestamptz()


class ServiceRequest(TenantTable, tablename="population_service_request"):
    """A one-door request to the regency civil registry, taken at the village."""

    kind = Varchar(length=40)
    resident = ForeignKey(Resident, null=True, on_delete=OnDelete.restrict, index=True)
    applicant_name = Varchar(length=120)
    applicant_nik = Varchar(length=16, default="")
    channel = Varchar(length=10, default="loket")
    status = Varchar(length=20, index=True)
    idempotency_key = Varchar(length=64, unique=True)
    document_number = Varchar(length=80, default="")
    rating = Integer(null=True, default=None)
    rating_comment = Text(default="")
    payload = JSON(default="{}")
    submitted_at = Timestamptz(index=True)
    updated_at = Timestamptz()


@insert_only
class ServiceStep(TenantTable, tablename="population_service_step"):
    """One action in a request's history: who did what, when, and why. Never changed."""

    request = ForeignKey(ServiceRequest, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=30)
    from_status = Varchar(length=20)
    to_status = Varchar(length=20)
    actor = Varchar(length=64)
    at = Timestamptz()
    payload = JSON(default="{}")


class ServiceDocument(TenantTable, tablename="population_service_document"):
    """An uploaded supporting document, stored outside the web root."""

    request = ForeignKey(ServiceRequest, on_delete=OnDelete.cascade, index=True)
    doc_key = Varchar(length=60)
    filename = Varchar(length=200)
    stored_name = Varchar(length=100)
    content_type = Varchar(length=60)
    size = Integer()
    sha256 = Varchar(length=64)
    uploaded_by = Varchar(length=64)
    uploaded_at = Timestamptz()


class Letter(TenantTable, tablename="population_letter"):
    """A village letter (surat keterangan); numbered when signed, never renumbered."""

    kind = Varchar(length=40)
    resident = ForeignKey(Resident, on_delete=OnDelete.restrict, index=True)
    status = Varchar(length=20, index=True)
    number = Varchar(length=60, default="")
    year = Integer(null=True, default=None)
    seq = Integer(null=True, default=None)
    data = JSON(default="{}")
    body = Text(default="")
    paper = Varchar(length=2, default="A4")
    idempotency_key = Varchar(length=64, unique=True)
    verify_token = Varchar(length=40, unique=True)
    pdf_name = Varchar(length=100, default="")
    pdf_sha256 = Varchar(length=64, default="")
    signed_by = Varchar(length=64, default="")
    signer_name = Varchar(length=120, default="")
    signed_at = Timestamptz(null=True, default=None)
    created_by = Varchar(length=64)
    created_at = Timestamptz()


@insert_only
class LetterStep(TenantTable, tablename="population_letter_step"):
    """One action in a letter's history (drafted, signed, returned…). Never changed."""

    letter = ForeignKey(Letter, on_delete=OnDelete.restrict, index=True)
    action = Varchar(length=30)
    from_status = Varchar(length=20)
    to_status = Varchar(length=20)
    actor = Varchar(length=64)
    at = Timestamptz()
    payload = JSON(default="{}")


class LetterCounter(TenantTable, tablename="population_letter_counter"):
    """The last number issued per village, letter type and year (numbers are never reused)."""

    kind = Varchar(length=40)
    year = Integer()
    last_number = Integer(default=0)


class LetterTemplate(TenantTable, tablename="population_letter_template"):
    """A village's own wording of a letter type (the default applies when there is none)."""

    kind = Varchar(length=40)
    body = Text()
    updated_by = Varchar(length=64)
    updated_at = Timestamptz()


class CitizenAccount(TenantTable, tablename="population_citizen_account"):
    """A resident's sign-in to the citizen portal: NIK + 6-digit PIN (argon2id)."""

    resident = ForeignKey(Resident, on_delete=OnDelete.cascade, unique=True)
    nik = Varchar(length=16, index=True)
    pin_hash = Varchar(length=200)
    must_change_pin = Boolean(default=True)
    active = Boolean(default=True)
    created_at = Timestamptz()


class ImportBatch(TenantTable, tablename="population_import_batch"):
    """One imported file: what it was, and what came of it."""

    filename = Varchar(length=200)
    sha256 = Varchar(length=64)
    file_format = Varchar(length=10)
    status = Varchar(length=20)
    counts = JSON(default="{}")
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    file_purged_at = Timestamptz(null=True, default=None)
    """When the stored file was deleted after the retention period; None while it is kept."""


TABLES: list[type[TenantTable]] = [
    Family,
    Resident,
    LifeEvent,
    ServiceRequest,
    ServiceStep,
    ServiceDocument,
    Letter,
    LetterStep,
    LetterCounter,
    LetterTemplate,
    CitizenAccount,
    ImportBatch,
    *LETTER_TABLES,
    *MAP_TABLES,
    *HOUSEHOLD_TABLES,
    *AREA_TABLES,
    *PHOTO_TABLES,
    *MAIL_TABLES,
]
