"""The Dukcapil code lists, shared with OpenSID so that data moves between the systems without loss.

Spreadsheets carry these values as codes ("1", 1.0) or as labels typed by people over decades
("LAKI-LAKI", "Katolik", "SLTA / Sederajat"); `CodeList.parse` takes all of them so that an import
never depends on how a particular operator spelled a label.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_DROP = str.maketrans("", "", string.punctuation + string.whitespace)
_RHESUS = "+-"


def normalize_label(text: str) -> str:
    """Reduces a label to the key it is looked up by, so spelling noise cannot split one value.

    Case, spaces and punctuation carry no meaning in these labels, except a trailing rhesus sign
    on a blood type ("A+" and "A-" are different values, "A" is a third).
    """
    text = text.strip().upper()
    sign = text[-1] if text and text[-1] in _RHESUS and len(text) > 1 else ""
    return text.translate(_DROP) + sign


class CodeError(ValueError):
    """A value that is neither a code nor a label of the list; the message is for the operator."""

    def __init__(self, list_name: str, value: object) -> None:
        super().__init__(f"{list_name} '{value}' tidak dikenal")
        self.list_name = list_name
        self.value = value


@dataclass(frozen=True, slots=True, eq=False)
class CodeList:
    """One code list: codes with their official labels, plus the spellings met in real exports.

    Lists compare by identity: each one is a module constant.
    """

    name: str
    labels: Mapping[int, str]
    _lookup: Mapping[str, int] = field(repr=False)

    @classmethod
    def build(
        cls, name: str, labels: Mapping[int, str], aliases: Mapping[str, int] | None = None
    ) -> CodeList:
        """Builds the list; every alias must point at an existing code, and keys must not clash."""
        lookup: dict[str, int] = {}
        spellings = [*labels.items(), *((code, alias) for alias, code in (aliases or {}).items())]
        for code, label in spellings:
            if code not in labels:
                raise ValueError(f"{name}: alias {label!r} points at unknown code {code}")
            key = normalize_label(label)
            if lookup.get(key, code) != code:
                raise ValueError(f"{name}: {label!r} is ambiguous")
            lookup[key] = code
        return cls(name, MappingProxyType(dict(labels)), MappingProxyType(lookup))

    def label(self, code: int) -> str:
        try:
            return self.labels[code]
        except KeyError:
            raise CodeError(self.name, code) from None

    def codes(self) -> tuple[int, ...]:
        return tuple(self.labels)

    def parse(self, value: object) -> int:
        """The code for a code or a label in any spelling; raises `CodeError` for anything else."""
        code: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            code = value
        elif isinstance(value, float):
            code = int(value) if value.is_integer() else None
        elif isinstance(value, str):
            text = value.strip()
            if text.endswith(".0"):
                text = text[:-2]
            code = int(text) if text.isdecimal() else self._lookup.get(normalize_label(text))
        if code is None or code not in self.labels:
            raise CodeError(self.name, value)
        return code


SEX = CodeList.build(
    "Jenis kelamin",
    {1: "Laki-laki", 2: "Perempuan"},
    {"L": 1, "LK": 1, "Pria": 1, "Lelaki": 1, "P": 2, "PR": 2, "Wanita": 2},
)

RELIGION = CodeList.build(
    "Agama",
    {
        1: "Islam",
        2: "Kristen",
        3: "Katholik",
        4: "Hindu",
        5: "Budha",
        6: "Khonghucu",
        7: "Kepercayaan Terhadap Tuhan YME / Lainnya",
    },
    {
        "Protestan": 2,
        "Kristen Protestan": 2,
        "Katolik": 3,
        "Kristen Katolik": 3,
        "Kristen Katholik": 3,
        "Buddha": 5,
        "Budhha": 5,
        "Konghucu": 6,
        "Kong Hu Cu": 6,
        "Khong Hu Cu": 6,
        "Konghuchu": 6,
        "Kepercayaan Terhadap Tuhan YME": 7,
        "Kepercayaan Terhadap Tuhan Yang Maha Esa": 7,
        "Kepercayaan": 7,
        "Lainnya": 7,
    },
)

EDUCATION = CodeList.build(
    "Pendidikan dalam KK",
    {
        1: "Tidak/Belum Sekolah",
        2: "Belum Tamat SD/Sederajat",
        3: "Tamat SD/Sederajat",
        4: "SLTP/Sederajat",
        5: "SLTA/Sederajat",
        6: "Diploma I/II",
        7: "Akademi/Diploma III/S. Muda",
        8: "Diploma IV/Strata I",
        9: "Strata II",
        10: "Strata III",
    },
    {
        "Tidak/Blm Sekolah": 1,
        "Tidak Sekolah": 1,
        "Belum Sekolah": 1,
        "Blm Tamat SD/Sederajat": 2,
        "Belum Tamat SD": 2,
        "Tamat SD": 3,
        "SD": 3,
        "SLTP": 4,
        "SMP": 4,
        "SLTA": 5,
        "SMA": 5,
        "D1": 6,
        "D2": 6,
        "Akademi/Diploma III/Sarjana Muda": 7,
        "D3": 7,
        "D4": 8,
        "S1": 8,
        "S2": 9,
        "S3": 10,
    },
)

MARITAL_STATUS = CodeList.build(
    "Status perkawinan",
    {1: "Belum Kawin", 2: "Kawin", 3: "Cerai Hidup", 4: "Cerai Mati"},
    {
        "Kawin Tercatat": 2,
        "Kawin Belum Tercatat": 2,
        "Kawin Tidak Tercatat": 2,
        "Cerai Hidup Tercatat": 3,
        "Cerai Hidup Belum Tercatat": 3,
        "Cerai Tercatat": 3,
        "Cerai Belum Tercatat": 3,
        "Cerai Mati Tercatat": 4,
        "Cerai Mati Belum Tercatat": 4,
    },
)

RELATIONSHIP = CodeList.build(
    "Hubungan dalam keluarga",
    {
        1: "Kepala Keluarga",
        2: "Suami",
        3: "Istri",
        4: "Anak",
        5: "Menantu",
        6: "Cucu",
        7: "Orangtua",
        8: "Mertua",
        9: "Famili Lain",
        10: "Pembantu",
        11: "Lainnya",
    },
    {"Isteri": 3, "Anak Kandung": 4, "Orang Tua": 7, "Famili": 9, "Family Lain": 9},
)

BLOOD_TYPE = CodeList.build(
    "Golongan darah",
    {
        1: "A",
        2: "B",
        3: "AB",
        4: "O",
        5: "A+",
        6: "A-",
        7: "B+",
        8: "B-",
        9: "AB+",
        10: "AB-",
        11: "O+",
        12: "O-",
        13: "Tidak Tahu",
    },
    {"Tidak Diketahui": 13, "TDK Tahu": 13},
)

CITIZENSHIP = CodeList.build(
    "Kewarganegaraan",
    {1: "WNI", 2: "WNA", 3: "Dua Kewarganegaraan"},
    {"Warga Negara Indonesia": 1, "Indonesia": 1, "Warga Negara Asing": 2},
)

BASIC_STATUS = CodeList.build(
    "Status dasar",
    {1: "Hidup", 2: "Mati", 3: "Pindah", 4: "Hilang", 6: "Pergi", 9: "Tidak Valid"},
    {
        "Meninggal": 2,
        "Meninggal Dunia": 2,
        "Pindah Dalam Negeri": 3,
        "Pindah Luar Negeri": 3,
        "Pindah Keluar": 3,
    },
)

DISABILITY = CodeList.build(
    "Cacat",
    {
        1: "Fisik",
        2: "Netra/Buta",
        3: "Rungu/Wicara",
        4: "Mental/Jiwa",
        5: "Fisik dan Mental",
        6: "Lainnya",
        7: "Tidak Cacat",
    },
    {
        "Cacat Fisik": 1,
        "Netra": 2,
        "Buta": 2,
        "Cacat Netra/Buta": 2,
        "Rungu": 3,
        "Wicara": 3,
        "Cacat Rungu/Wicara": 3,
        "Mental": 4,
        "Jiwa": 4,
        "Cacat Mental/Jiwa": 4,
        "Cacat Fisik dan Mental": 5,
        "Cacat Lainnya": 6,
    },
)

OCCUPATION = CodeList.build(
    "Pekerjaan",
    {
        1: "Belum/Tidak Bekerja",
        2: "Mengurus Rumah Tangga",
        3: "Pelajar/Mahasiswa",
        4: "Pensiunan",
        5: "PNS",
        6: "TNI",
        7: "POLRI",
        8: "Perdagangan",
        9: "Petani/Pekebun",
        10: "Peternak",
        11: "Nelayan/Perikanan",
        12: "Industri",
        13: "Konstruksi",
        14: "Transportasi",
        15: "Karyawan Swasta",
        16: "Karyawan BUMN",
        17: "Karyawan BUMD",
        18: "Karyawan Honorer",
        19: "Buruh Harian Lepas",
        20: "Buruh Tani/Perkebunan",
        21: "Buruh Nelayan/Perikanan",
        22: "Buruh Peternakan",
        23: "Pembantu Rumah Tangga",
        24: "Tukang Cukur",
        25: "Tukang Listrik",
        26: "Tukang Batu",
        27: "Tukang Kayu",
        28: "Tukang Sol Sepatu",
        29: "Tukang Las/Pandai Besi",
        30: "Tukang Jahit",
        31: "Tukang Gigi",
        32: "Penata Rias",
        33: "Penata Busana",
        34: "Penata Rambut",
        35: "Mekanik",
        36: "Seniman",
        37: "Tabib",
        38: "Paraji",
        39: "Perancang Busana",
        40: "Penterjemah",
        41: "Imam Masjid",
        42: "Pendeta",
        43: "Pastor",
        44: "Wartawan",
        45: "Ustadz/Mubaligh",
        46: "Juru Masak",
        47: "Promotor Acara",
        48: "Anggota DPR-RI",
        49: "Anggota DPD",
        50: "Anggota BPK",
        51: "Presiden",
        52: "Wakil Presiden",
        53: "Anggota Mahkamah Konstitusi",
        54: "Anggota Kabinet/Kementerian",
        55: "Duta Besar",
        56: "Gubernur",
        57: "Wakil Gubernur",
        58: "Bupati",
        59: "Wakil Bupati",
        60: "Walikota",
        61: "Wakil Walikota",
        62: "Anggota DPRD Provinsi",
        63: "Anggota DPRD Kabupaten/Kota",
        64: "Dosen",
        65: "Guru",
        66: "Pilot",
        67: "Pengacara",
        68: "Notaris",
        69: "Arsitek",
        70: "Akuntan",
        71: "Konsultan",
        72: "Dokter",
        73: "Bidan",
        74: "Perawat",
        75: "Apoteker",
        76: "Psikiater/Psikolog",
        77: "Penyiar Televisi",
        78: "Penyiar Radio",
        79: "Pelaut",
        80: "Peneliti",
        81: "Sopir",
        82: "Pialang",
        83: "Paranormal",
        84: "Pedagang",
        85: "Perangkat Desa",
        86: "Kepala Desa",
        87: "Biarawati",
        88: "Wiraswasta",
        89: "Lainnya",
    },
    {
        "Belum Bekerja": 1,
        "Tidak Bekerja": 1,
        "Ibu Rumah Tangga": 2,
        "Pelajar": 3,
        "Mahasiswa": 3,
        "Pegawai Negeri Sipil": 5,
        "Pegawai Negeri Sipil (PNS)": 5,
        "Tentara Nasional Indonesia": 6,
        "Tentara Nasional Indonesia (TNI)": 6,
        "Kepolisian RI": 7,
        "Kepolisian RI (POLRI)": 7,
        "Petani": 9,
        "Pekebun": 9,
        "Nelayan": 11,
        "Buruh Tani": 20,
        "Buruh Nelayan": 21,
        "Tukang Las": 29,
        "Pandai Besi": 29,
        "Penerjemah": 40,
        "Ustadz": 45,
        "Mubaligh": 45,
        "Anggota DPR": 48,
        "Anggota Kabinet Kementerian": 54,
        "Anggota DPRD Propinsi": 62,
        "Anggota DPRD Prop.": 62,
        "Anggota DPRD Kab. Kota": 63,
        "Anggota DPRD Kabupaten": 63,
        "Psikiater": 76,
        "Psikolog": 76,
        "Supir": 81,
        "Wirausaha": 88,
    },
)

LIFE_EVENT = CodeList.build(
    "Peristiwa",
    {1: "Lahir", 2: "Mati", 3: "Pindah Keluar", 4: "Hilang", 5: "Pindah Masuk", 6: "Pergi"},
    {"Kelahiran": 1, "Kematian": 2, "Meninggal": 2, "Kedatangan": 5, "Datang": 5},
)

DEATH_CAUSE = CodeList.build(
    "Sebab kematian",
    {
        1: "Sakit Biasa/Tua",
        2: "Wabah Penyakit",
        3: "Kecelakaan",
        4: "Kriminalitas",
        5: "Bunuh Diri",
        6: "Lainnya",
    },
    {"Sakit Biasa": 1, "Sakit": 1, "Tua": 1, "Wabah": 2},
)

ALL_CODE_LISTS: tuple[CodeList, ...] = (
    SEX,
    RELIGION,
    EDUCATION,
    MARITAL_STATUS,
    RELATIONSHIP,
    BLOOD_TYPE,
    CITIZENSHIP,
    BASIC_STATUS,
    DISABILITY,
    OCCUPATION,
    LIFE_EVENT,
    DEATH_CAUSE,
)
