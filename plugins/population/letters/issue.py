"""Issuing a checked letter: its number, its PDF, the village head's signature, the stored file.

All of it happens inside the caller's transaction. The number is taken first (the counter row
stays locked until commit on PostgreSQL; SQLite write transactions are serialized by the core),
the signed PDF is written to disk, and only then is the letter recorded as signed. If anything
fails the transaction rolls back, the number goes back with it, and no file is left behind, so
numbers are neither skipped nor reused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.kernel import Kernel
from core.localtime import local_day
from core.signing import LocalSigner, SignerIdentity
from core.tenancy.context import Tenant
from core.tenancy.tables import District
from plugins.population.letters.context import VillageNames, regency_short_name
from plugins.population.letters.kinds import LetterKind
from plugins.population.letters.numbering import (
    DEFAULT_LETTER_NUMBER_PATTERN,
    format_letter_number,
)
from plugins.population.letters.pdf import LetterDocument, Letterhead, Signatory, render_letter_pdf
from plugins.population.letters.signatories import SignatoryChoice
from plugins.population.letters.store import store_letter_pdf
from plugins.population.letters.tables import LetterSigning
from plugins.population.tables import Letter, LetterCounter

"""Letters are dated in western Indonesia time, so one signed at 06:00 WIB is not dated
yesterday."""


@dataclass(frozen=True)
class Signer:
    """The signed-in official issuing the letter."""

    user_id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class IssuedLetter:
    number: str
    seq: int
    year: int
    pdf_name: str
    pdf_sha256: str


async def village_names(kernel: Kernel, tenant: Tenant) -> VillageNames:
    district_code = tenant.code.rsplit(".", 1)[0]
    district = await District.select(District.name).where(District.code == district_code).first()
    return VillageNames(
        village=tenant.display_name,
        district=district["name"] if district else "",
        regency=regency_short_name(kernel.settings.instance_name),
    )


def letter_signer(kernel: Kernel) -> LocalSigner:
    """The instance's signer; its keys live under the data directory."""
    return LocalSigner(kernel.settings.data_path / "signing")


def verify_url(kernel: Kernel, village_code: str, token: str) -> str:
    return f"{kernel.settings.public_url.rstrip('/')}/verifikasi/surat/{village_code}/{token}"


async def next_number(village_code: str, kind: str, year: int) -> int:
    """Take the next number of a letter type in a village and year.

    The insert creates the counter on first use (a unique index makes a concurrent duplicate a
    no-op); the increment-and-return locks the row until the transaction ends, so two
    signatures never get the same number and a rolled-back one gives its number back.
    """
    await LetterCounter.insert(
        LetterCounter(village_code=village_code, kind=kind, year=year, last_number=0)
    ).on_conflict(action="DO NOTHING")
    rows = (
        await LetterCounter.update({LetterCounter.last_number: LetterCounter.last_number + 1})
        .where(
            (LetterCounter.village_code == village_code)
            & (LetterCounter.kind == kind)
            & (LetterCounter.year == year)
        )
        .returning(LetterCounter.last_number)
    )
    return int(rows[0]["last_number"])


def letterhead_for(tenant: Tenant, names: VillageNames) -> Letterhead:
    """The village's letterhead, shared by the signed letter and its draft preview."""
    address = str(tenant.settings.get("address") or "").strip()
    return Letterhead(
        regency=names.regency,
        district=names.district,
        village=names.village,
        address=address or f"{tenant.local_word} {names.village}, Kecamatan {names.district}",
        village_word=tenant.local_word,
    )


def head_position(tenant: Tenant) -> str:
    return f"Kepala {tenant.local_word} {tenant.display_name}"


async def issue_letter(
    kernel: Kernel,
    tenant: Tenant,
    letter: dict[str, Any],
    kind: LetterKind,
    signer: Signer,
    choice: SignatoryChoice,
    now: datetime,
) -> IssuedLetter:
    """Number, render, sign and store ``letter``, then record all of it on its row, and as
    whom (``choice``) it was signed in its signing record."""
    issued_on = local_day(now)
    seq = await next_number(tenant.code, kind.code, issued_on.year)
    codes = tenant.settings.get("letter_codes") or {}
    number = format_letter_number(
        str(tenant.settings.get("letter_number_pattern") or DEFAULT_LETTER_NUMBER_PATTERN),
        kode_surat=str(codes.get(kind.code) or kind.kode_surat),
        nomor=seq,
        kode_desa=tenant.code,
        issued_on=issued_on,
    )
    names = await village_names(kernel, tenant)
    position = choice.position
    document = LetterDocument(
        letterhead=letterhead_for(tenant, names),
        title=kind.title,
        number=number,
        body=letter["body"],
        place=names.village,
        issued_on=issued_on,
        signatory=Signatory(
            position=position, name=choice.name, nip=choice.nip, on_behalf_of=choice.on_behalf_of
        ),
        verify_url=verify_url(kernel, tenant.code, letter["verify_token"]),
    )
    pdf = render_letter_pdf(document, paper=letter["paper"])
    signed = await letter_signer(kernel).sign(
        pdf,
        signer=SignerIdentity(
            id=f"user-{signer.user_id}",
            name=choice.name,
            position=position,
            organisation=f"Pemerintah {tenant.local_word} {names.village}",
        ),
        reason=f"{kind.title} nomor {number}",
        location=names.village,
    )
    pdf_name = store_letter_pdf(kernel.settings.data_path, tenant.code, signed)
    issued = IssuedLetter(number, seq, issued_on.year, pdf_name, hashlib.sha256(signed).hexdigest())
    await Letter.update(
        {
            Letter.number: issued.number,
            Letter.seq: issued.seq,
            Letter.year: issued.year,
            Letter.pdf_name: issued.pdf_name,
            Letter.pdf_sha256: issued.pdf_sha256,
            Letter.signed_by: signer.username,
            Letter.signer_name: choice.name,
            Letter.signed_at: now,
        }
    ).where((Letter.id == letter["id"]) & (Letter.village_code == tenant.code))
    await LetterSigning.insert(
        LetterSigning(
            letter=letter["id"],
            signatory=choice.signatory_id,
            name=choice.name,
            nip=choice.nip,
            position=choice.position,
            on_behalf_of=choice.on_behalf_of,
            signed_by=signer.username,
            at=now,
        )
    )
    return issued
