"""Rows of the OpenSID import sheet for one family.

Columns and their order are OpenSID's (see DOMAIN.md); values are codes, dates ISO, and the cells
a village rarely fills (passport, insurance, KB method, coordinates…) stay empty as in real sheets.
The sheet has no village column: a single-file export puts ``kode_desa`` in front of it.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from random import Random

from plugins.population.synthetic.attributes import blood_type, disability, education, occupation
from plugins.population.synthetic.family import CHILD, Family
from plugins.population.synthetic.identity import IdentityIssuer
from plugins.population.synthetic.villages import Village

OPENSID_COLUMNS = (
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir",
    "agama_id", "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin",
    "kk_level", "warganegara_id", "ayah_nik", "nama_ayah", "ibu_nik", "nama_ibu",
    "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor", "dokumen_kitas",
    "akta_perkawinan", "tanggalperkawinan", "akta_perceraian", "tanggalperceraian", "cacat_id",
    "cara_kb_id", "hamil", "ktp_el", "status_rekam", "alamat_sekarang", "status_dasar", "suku",
    "tag_id_card", "id_asuransi", "no_asuransi", "lat", "lng",
)  # fmt: skip
VILLAGE_COLUMN = "kode_desa"
"""Leading column of the single-file export: the village's Kemendagri code, ``35.10.01.2001``."""

KK_RECENT_YEARS = 20
"""Cards are reissued on every change, so most were issued in the last two decades."""
_ELSEWHERE = ("SURABAYA", "MALANG", "JEMBER", "SIDOARJO", "JAKARTA", "PROBOLINGGO", "BONDOWOSO")
_TRAILING_EMPTY = ("",) * (len(OPENSID_COLUMNS) - OPENSID_COLUMNS.index("suku") - 1)


@cache
def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


class SheetWriter:
    """Turns families into sheet rows, numbering their cards and members as it goes."""

    def __init__(self, rng: Random, issuer: IdentityIssuer, regency_name: str, as_of: date) -> None:
        self._rng = rng
        self._issuer = issuer
        self._regency_name = regency_name
        self._as_of = as_of.toordinal()
        self._as_of_year = as_of.year
        self._earliest_card = as_of.replace(year=as_of.year - KK_RECENT_YEARS).toordinal()

    def rows(self, family: Family, village: Village) -> list[list[str]]:
        """One row per member, head first, ready for ``csv.writer``."""
        rng = self._rng
        issuer = self._issuer
        district = village.district_index
        members = family.members
        for person in members:
            person.nik = issuer.nik(district, person.birth, person.female)
        first_day = max(self._earliest_card, max(person.birth for person in members))
        kk = issuer.kk(district, first_day + int(rng.random() * (self._as_of - first_day + 1)))

        hamlet = village.hamlets[int(rng.random() * len(village.hamlets))]
        address = self._address(village, hamlet.dusun)
        dusun, rw, rt = hamlet.dusun, str(hamlet.rw), str(hamlet.rt)
        religion = str(family.religion)
        suku = family.culture.suku
        rows = []
        for person in members:
            age = int(person.age)
            birth_year = self._as_of_year - age
            father = person.father.nik if person.father is not None else ""
            mother = person.mother.nik if person.mother is not None else ""
            rows.append(
                [
                    address, dusun, rw, rt, person.name, kk, person.nik,
                    "2" if person.female else "1",
                    self._birthplace(village), _iso(person.birth), religion,
                    str(education(rng, age, birth_year)), "",
                    str(occupation(rng, age, person.female, person.role == CHILD)),
                    str(person.marital), str(person.role), "1",
                    father, person.father_name, mother, person.mother_name,
                    str(blood_type(rng)), "", "", "", "", "", "", "", "",
                    disability(rng), "", "", "", "", "", "1", suku, *_TRAILING_EMPTY,
                ]
            )  # fmt: skip
        return rows

    def _address(self, village: Village, dusun: str) -> str:
        rng = self._rng
        if village.is_kelurahan:
            street = village.streets[int(rng.random() * len(village.streets))]
            return f"JL. {street} NO. {1 + int(rng.random() * 120)}"
        return "" if rng.random() < 0.15 else f"DUSUN {dusun}"

    def _birthplace(self, village: Village) -> str:
        draw = self._rng.random()
        if draw < 0.75:
            return village.district_name
        if draw < 0.95:
            return self._regency_name
        return _ELSEWHERE[int((draw - 0.95) * 20 * len(_ELSEWHERE))]
