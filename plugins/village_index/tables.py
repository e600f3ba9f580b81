"""The plugin's tables: a village's yearly survey with its history, and the ministry's results.

All three belong to a village (`TenantTable`): the core scopes every query to the request's
villages, so a village sees its own, a district its villages, the regency all of them.
"""

from __future__ import annotations

from piccolo.columns import JSON, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete

from core.db import TenantTable
from core.db.insert_only import insert_only


class Assessment(TenantTable, tablename="village_index_assessment"):
    """A village's own survey for one year: each indicator's score and evidence.

    `answers` maps an indicator code to `{"score": int, "evidence": str}`; `score_units` and
    `status_key` are the computed figure (in units of its last digit) once every indicator is
    answered. The lifecycle state is not stored here: it is replayed from `AssessmentStep`.
    """

    year = Integer()
    edition = Varchar(length=32)
    answers = JSON(default="{}")
    score_units = Integer(null=True, default=None)
    status_key = Varchar(length=24, default="")
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    updated_by = Varchar(length=64)
    updated_at = Timestamptz()


@insert_only
class AssessmentStep(TenantTable, tablename="village_index_assessment_step"):
    """One action on a survey (submitted, returned with a reason, verified): its history."""

    assessment = ForeignKey(Assessment, on_delete=OnDelete.restrict)
    action = Varchar(length=24)
    actor = Varchar(length=64)
    at = Timestamptz()
    note = Text(default="")


class MinistryResult(TenantTable, tablename="village_index_ministry_result"):
    """The ministry's published figure for a village and year, imported from its spreadsheet.

    `dimensions` maps a dimension key to its published figure as a decimal string.
    """

    year = Integer()
    edition = Varchar(length=32)
    dimensions = JSON(default="{}")
    score_units = Integer()
    status_key = Varchar(length=24)
    source_sha256 = Varchar(length=64)
    imported_by = Varchar(length=64)
    imported_at = Timestamptz()


TABLES = [Assessment, AssessmentStep, MinistryResult]
