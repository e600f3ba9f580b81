"""Signing letters with the instance's own keys (core.signing), and checking signed copies."""

from __future__ import annotations

import hashlib
import stat
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader

from core.signing import LocalSigner, SignerIdentity, verify_pdf
from plugins.population.letters.pdf import (
    LetterDocument,
    Letterhead,
    Signatory,
    render_letter_pdf,
)

KEPALA_DESA = SignerIdentity(
    id="kades-noreh",
    name="Moh. Hasan",
    position="Kepala Desa Noreh",
    organisation="Pemerintah Desa Noreh",
)


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    letter = LetterDocument(
        letterhead=Letterhead(
            regency="Sampang", district="Sreseh", village="Noreh", address="Jalan Raya Noreh 1"
        ),
        title="Surat Keterangan Domisili",
        number="470/012/2001/XI/2026",
        body="Yang bertanda tangan di bawah ini menerangkan bahwa Siti Aminah tinggal di Noreh.",
        place="Noreh",
        issued_on=date(2026, 11, 23),
        signatory=Signatory(position="Kepala Desa Noreh", name="Moh. Hasan"),
        verify_url="https://sampang.example.id/surat/verifikasi/abc123",
    )
    return render_letter_pdf(letter, paper="F4")


@pytest.fixture
def signer(tmp_path: Path) -> LocalSigner:
    return LocalSigner(tmp_path / "kunci")


async def _sign(signer: LocalSigner, pdf: bytes, who: SignerIdentity = KEPALA_DESA) -> bytes:
    return await signer.sign(
        pdf, signer=who, reason="Penerbitan surat keterangan", location="Noreh"
    )


def _signing_certificate(pdf: bytes) -> x509.Certificate:
    (signature,) = PdfFileReader(BytesIO(pdf)).embedded_regular_signatures
    return signature.signer_cert


async def test_signed_letter_verifies_as_intact_valid_and_trusted(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    signed = await _sign(signer, letter_pdf)

    report = await verify_pdf(signed, [signer.trust_root()])

    assert report.intact
    assert report.valid
    assert report.trusted
    assert report.whole_document
    assert report.genuine
    assert report.signer_name == "Moh. Hasan"
    assert report.signed_at is not None and report.signed_at >= before
    assert report.signed_hash == hashlib.sha256(signed).hexdigest()


async def test_signature_records_reason_location_and_signer_office(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    signed = await _sign(signer, letter_pdf)
    (signature,) = PdfFileReader(BytesIO(signed)).embedded_regular_signatures
    assert signature.sig_object["/Reason"] == "Penerbitan surat keterangan"
    assert signature.sig_object["/Location"] == "Noreh"
    subject = signature.signer_cert.subject.native
    assert subject["title"] == "Kepala Desa Noreh"
    assert subject["organization_name"] == "Pemerintah Desa Noreh"


async def test_a_letter_changed_after_signing_is_not_intact(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    signed = await _sign(signer, letter_pdf)
    position = signed.index(b"ReportLab")
    altered = signed[:position] + b"X" + signed[position + 1 :]

    report = await verify_pdf(altered, [signer.trust_root()])

    assert not report.intact
    assert not report.genuine
    assert report.signed_hash == hashlib.sha256(altered).hexdigest()


async def test_content_appended_after_signing_is_reported(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    signed = await _sign(signer, letter_pdf)
    report = await verify_pdf(signed + b"\n% tambahan\n", [signer.trust_root()])
    assert report.intact
    assert not report.whole_document
    assert not report.genuine


async def test_a_letter_signed_by_another_instance_is_not_trusted(
    signer: LocalSigner, letter_pdf: bytes, tmp_path: Path
) -> None:
    stranger = LocalSigner(tmp_path / "instansi-lain")
    signed = await _sign(stranger, letter_pdf)
    report = await verify_pdf(signed, [signer.trust_root()])
    assert report.intact and report.valid
    assert not report.trusted


@pytest.mark.parametrize("pdf", [b"", b"bukan PDF", b"%PDF-1.4\n%%EOF"])
async def test_unreadable_files_are_reported_not_genuine(signer: LocalSigner, pdf: bytes) -> None:
    report = await verify_pdf(pdf, [signer.trust_root()])
    assert not (report.intact or report.valid or report.trusted or report.genuine)
    assert report.signer_name is None


async def test_an_unsigned_letter_is_not_genuine(signer: LocalSigner, letter_pdf: bytes) -> None:
    report = await verify_pdf(letter_pdf, [signer.trust_root()])
    assert not report.genuine
    assert report.signer_name is None


async def test_keys_are_created_once_and_private_keys_are_owner_only(
    signer: LocalSigner, letter_pdf: bytes, tmp_path: Path
) -> None:
    await _sign(signer, letter_pdf)
    directory = tmp_path / "kunci"
    assert sorted(path.name for path in directory.iterdir()) == [
        "authority.cert.pem",
        "authority.key.pem",
        "signer-kades-noreh.cert.pem",
        "signer-kades-noreh.key.pem",
    ]
    for key_file in directory.glob("*.key.pem"):
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


async def test_a_new_instance_on_the_same_directory_reuses_the_stored_keys(
    letter_pdf: bytes, tmp_path: Path
) -> None:
    first = LocalSigner(tmp_path / "kunci")
    signed_first = await _sign(first, letter_pdf)
    second = LocalSigner(tmp_path / "kunci")
    signed_second = await _sign(second, letter_pdf)

    assert second.trust_root().dump() == first.trust_root().dump()
    assert _signing_certificate(signed_second).dump() == _signing_certificate(signed_first).dump()
    report = await verify_pdf(signed_second, [first.trust_root()])
    assert report.genuine


async def test_a_renamed_signer_keeps_the_key_under_a_new_certificate(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    old = _signing_certificate(await _sign(signer, letter_pdf))
    renamed = SignerIdentity(
        id=KEPALA_DESA.id,
        name="H. Moh. Hasan",
        position=KEPALA_DESA.position,
        organisation=KEPALA_DESA.organisation,
    )
    signed = await _sign(signer, letter_pdf, renamed)
    new = _signing_certificate(signed)

    assert new.serial_number != old.serial_number
    assert new.public_key.dump() == old.public_key.dump()
    assert (await verify_pdf(signed, [signer.trust_root()])).signer_name == ("H. Moh. Hasan")


async def test_two_officials_sign_with_different_keys(
    signer: LocalSigner, letter_pdf: bytes
) -> None:
    sekretaris = SignerIdentity(
        id="sekdes-noreh",
        name="Nur Aini",
        position="Sekretaris Desa Noreh",
        organisation="Pemerintah Desa Noreh",
    )
    head_key = _signing_certificate(await _sign(signer, letter_pdf)).public_key
    secretary_key = _signing_certificate(await _sign(signer, letter_pdf, sekretaris)).public_key
    assert head_key.dump() != secretary_key.dump()


@pytest.mark.parametrize("signer_id", ["../kades", "kades/noreh", "", "a" * 65])
async def test_a_signer_id_that_is_not_a_safe_file_name_is_refused(
    signer: LocalSigner, letter_pdf: bytes, signer_id: str
) -> None:
    unsafe = SignerIdentity(
        id=signer_id, name="X", position="Kepala Desa", organisation="Pemerintah Desa"
    )
    with pytest.raises(ValueError, match="ID penanda tangan"):
        await _sign(signer, letter_pdf, unsafe)
