"""The village's mail log (Buku Agenda): incoming (surat masuk) and outgoing (surat keluar).

An entry is its agenda number, fixed when it is recorded; what it says is its versions. A
correction adds a version with a reason and never changes an earlier one, so the history shows
what the book said on any day. `MailEntry.version` caches the number of the latest version
(as a letter's status caches its steps). Agenda numbers count per village, direction and year
in `MailCounter`, taken inside the recording transaction and never given back.
"""

from __future__ import annotations

from piccolo.columns import Date, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete

from core.db import TenantTable
from core.db.insert_only import insert_only

__all__ = ["MAIL_TABLES", "MailCounter", "MailEntry", "MailVersion"]


class MailEntry(TenantTable, tablename="population_mail_entry"):
    """One line of the agenda book: its direction, year and agenda number."""

    direction = Varchar(length=6)
    """``masuk`` (incoming) or ``keluar`` (outgoing)."""
    year = Integer()
    agenda_number = Integer()
    version = Integer(default=1)
    """The latest version's number: a cache of `MailVersion`, the record."""
    created_by = Varchar(length=64)
    created_at = Timestamptz()


@insert_only
class MailVersion(TenantTable, tablename="population_mail_version"):
    """What an entry says from one correction to the next."""

    entry = ForeignKey(MailEntry, on_delete=OnDelete.restrict, index=True)
    version = Integer()
    recorded_on = Date()
    """The day the letter was received (incoming) or sent (outgoing)."""
    classification = Varchar(length=20, default="")
    """The records classification code it is filed under (`470`, `474.1`); empty if not given."""
    letter_number = Varchar(length=80)
    letter_date = Date()
    party = Varchar(length=200)
    """Sender (incoming) or recipient (outgoing)."""
    subject = Varchar(length=300)
    summary = Text(default="")
    disposition_to = Varchar(length=120, default="")
    disposition_note = Text(default="")
    attachment_name = Varchar(length=100, default="")
    """The stored scan's name under the village's upload folder; empty without one."""
    attachment_filename = Varchar(length=200, default="")
    attachment_type = Varchar(length=60, default="")
    reason = Text(default="")
    """Why this version corrects the one before; empty for the first."""
    recorded_by = Varchar(length=64)
    recorded_at = Timestamptz()


class MailCounter(TenantTable, tablename="population_mail_counter"):
    """The last agenda number given per direction and year."""

    direction = Varchar(length=6)
    year = Integer()
    last_number = Integer(default=0)


MAIL_TABLES: list[type[TenantTable]] = [MailEntry, MailVersion, MailCounter]
