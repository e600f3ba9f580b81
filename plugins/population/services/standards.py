"""The one-door services as the village's public catalogue lists them: each civil-registry
request with its checklist, its steps, its target time and its cost (free, by Perpres 96/2018)."""

from __future__ import annotations

from core import ServiceStandard
from core.i18n import N_, _
from core.tenancy.context import Tenant
from plugins.population.services.kinds import KINDS, ServiceKind

STEPS = (
    N_("Ajukan di kantor desa atau lewat layanan mandiri warga, dengan berkas persyaratan."),
    N_("Operator desa memeriksa berkas dan meneruskannya ke Disdukcapil."),
    N_("Disdukcapil memproses; desa mengabarkan bila dokumen siap."),
    N_("Ambil dokumen di kantor desa dengan membawa KTP-el atau KK."),
)
PROVIDER = N_("Kantor desa bersama Disdukcapil kabupaten")


def _standard(tenant: Tenant, kind: ServiceKind) -> ServiceStandard:
    requirements = tuple(
        _(document.label) if document.required else f"{_(document.label)} ({_('jika ada')})"
        for document in kind.documents
    )
    return ServiceStandard(
        key=kind.key,
        name=_(kind.title),
        requirements=requirements,
        steps=tuple(_(step) for step in STEPS),
        duration=_("{days} hari kerja setelah berkas diteruskan").format(
            days=kind.target_working_days
        ),
        cost=0,
        apply_url=f"{tenant.base_url}/warga/layanan/baru?kind={kind.key}",
        provider=_(PROVIDER),
    )


def service_standards(tenant: Tenant) -> list[ServiceStandard]:
    if tenant.kind != "village":
        return []
    return [_standard(tenant, kind) for kind in KINDS]
