"""The public page a letter's QR code opens: is this letter genuine, and what does it say?

Anyone may open it, signed in or not, so a request carries no tenant scope, and on PostgreSQL
Row-Level Security hides every letter from an unscoped transaction. The URL therefore names the
village as well as the letter's token: the handler scopes its transaction to that one village
and looks the letter up by village code *and* token. The token is an unguessable 40-character
secret printed only on the letter itself, so scoping to the named village reveals nothing that
the holder of the letter does not already have; a wrong village or token finds nothing.

The page shows what a reader needs to compare against the paper — number, date, type, the
resident's name, the NIK masked, the signer and the village — and never the full NIK.
"""

from __future__ import annotations

import re
from typing import Any

from litestar import Request, Response, get

from core.db import set_tenant_scope
from core.kernel import Kernel
from core.localtime import local_day
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import District, Village
from core.web.guards import public
from core.web.render import render
from plugins.population.domain.identity import mask_nik
from plugins.population.letters.dates import format_letter_date
from plugins.population.letters.issue import head_position
from plugins.population.letters.kinds import kind_title
from plugins.population.letters.tables import LetterSigning
from plugins.population.tables import Letter

VILLAGE_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,40}")


async def _not_found(request: Request[Any, Any, Any]) -> Response[Any]:
    return await render(request, "population/letters/verify.html", {"found": None}, status_code=404)


@get(
    "/verifikasi/surat/{village_code:str}/{token:str}",
    guards=[public],
    include_in_schema=False,
)
async def verify_letter(
    request: Request[Any, Any, Any], kernel: Kernel, village_code: str, token: str
) -> Response[Any]:
    if not VILLAGE_CODE.fullmatch(village_code) or not TOKEN.fullmatch(token):
        return await _not_found(request)
    await set_tenant_scope(kernel.engine, village_code)
    letter = (
        await Letter.select(
            Letter.id,
            Letter.kind,
            Letter.number,
            Letter.signed_at,
            Letter.signer_name,
            Letter.resident.name.as_alias("resident_name"),
            Letter.resident.nik.as_alias("resident_nik"),
        )
        .where(
            (Letter.village_code == village_code)
            & (Letter.verify_token == token)
            & (Letter.status == "ditandatangani")
        )
        .first()
    )
    village = await Village.select().where(Village.code == village_code).first()
    if letter is None or village is None:
        return await _not_found(request)
    tenant = village_tenant(village)
    signing = (
        await LetterSigning.select(LetterSigning.position, LetterSigning.on_behalf_of)
        .where(
            (LetterSigning.village_code == village_code) & (LetterSigning.letter == letter["id"])
        )
        .first()
    )
    position = head_position(tenant)
    if signing:
        position = signing["position"] + (
            f" a.n. {signing['on_behalf_of']}" if signing["on_behalf_of"] else ""
        )
    district = (
        await District.select(District.name)
        .where(District.code == village["district_code"])
        .first()
    )
    return await render(
        request,
        "population/letters/verify.html",
        {
            "found": {
                "number": letter["number"],
                "date": format_letter_date(local_day(letter["signed_at"])),
                "title": kind_title(letter["kind"]),
                "resident_name": letter["resident_name"],
                "masked_nik": mask_nik(letter["resident_nik"] or ""),
                "signer_name": letter["signer_name"],
                "signer_position": position,
                "village": f"{tenant.local_word} {tenant.display_name}",
                "district": district["name"] if district else "",
            }
        },
    )


ROUTES = [verify_letter]
