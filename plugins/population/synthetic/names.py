"""Indonesian personal names by naming tradition, sex and generation.

Names are drawn from common parts and combined, so a regency gets many distinct names from short
lists. Older people carry older-style names (SUKARDI, TUKINEM); people born from 1980 on carry
modern Islamic or Sanskrit-derived ones (MUHAMMAD RIZKY, PUTRI RAHMAWATI). Java and Madura have no
family names; Batak and Chinese-Indonesian families pass one from father to children.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

MODERN_FROM_YEAR = 1980


@dataclass(frozen=True, slots=True)
class NamePool:
    """The parts one naming tradition combines into a person's name."""

    male_old: tuple[str, ...]
    male_new: tuple[str, ...]
    female_old: tuple[str, ...]
    female_new: tuple[str, ...]
    second_male: tuple[str, ...]
    """Second parts for men; the second part is what follows the first, e.g. ``SANTOSO``."""
    second_female: tuple[str, ...]
    second_share: float
    """Share of modern names with a second part (older names get a third of it)."""
    family_names: tuple[str, ...] = ()
    """Non-empty when the tradition passes a family name to the children."""
    prefix_male: tuple[str, ...] = ()
    """Birth-order or honorific prefixes, e.g. Balinese ``I WAYAN``."""
    prefix_female: tuple[str, ...] = ()
    female_family_prefix: str = ""
    """Put before a woman's family name, e.g. Batak ``BR.`` (boru, daughter of the clan)."""


def _parts(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


_ISLAMIC_MALE = _parts(
    "MUHAMMAD, MOH., AHMAD, ABDUL, MOCH., ACH., MUHAMAD, ABDULLAH, HASAN, HUSEIN, ALI, UMAR, "
    "FAUZI, RIZKY, FIKRI, ILHAM, SYAIFUL, IMAM, FAHRUL, HAFIDZ, NAUFAL, ZAINAL, ARIF, FARHAN"
)
_ISLAMIC_FEMALE = _parts(
    "SITI, NUR, NURUL, ST., FATIMAH, AISYAH, KHOIRUN, LAILATUL, UMMI, ZAHRA, NABILA, AULIA, "
    "ANISA, HALIMAH, KHOTIJAH, SALSABILA, NADIA, AZZAHRA, FITRIA, RAHMA, MAULIDA"
)

JAVANESE = NamePool(
    male_old=_parts(
        "SUKARDI, PAIMIN, SUPARMAN, SLAMET, SUTRISNO, MULYONO, SUGIYANTO, DARMAJI, WAGIMAN, "
        "KASIMAN, SUWARNO, SUMARNO, TUKIRAN, SARIJO, KARTO, PARJO, SUPRIYADI, BAMBANG, "
        "HARIYANTO, JOKO, SUPENO, SUYITNO, WIDODO, SUDARMO, TARMUJI, PONIMAN, SAMSUL, "
        "KATIMIN, SUROSO, MISDI"
    ),
    male_new=_parts(
        "AGUS, DWI, EKO, BUDI, ANDI, RIZKY, DIMAS, ADITYA, YOGA, BAGUS, FAJAR, RENDI, ARYA, "
        "HENDRA, WAHYU, TEGUH, ARIF, DENI, ANDRE, FERRY, GALIH, BAYU, RIKI, DANANG, MUHAMMAD, "
        "AHMAD, ILHAM, FIRMAN, NOVAN, SATRIA"
    ),
    female_old=_parts(
        "SUMIATI, SUPARMI, TUKINEM, SULASTRI, SRI, SUMARNI, PAINEM, KASIYEM, SUTINI, SUYATI, "
        "RUKMINI, NGATINI, WARTINI, SUPINAH, SITI, MARSINAH, SUMINAH, KATIRAH, SUNARSIH, JUMINTEN, "
        "WAGINAH, SARMI, TUMINAH, SUPIATI, SUKESI"
    ),
    female_new=_parts(
        "DEWI, AYU, PUTRI, DIAN, NUR, INDAH, RINA, SITI, ANISA, NABILA, AULIA, ZAHRA, WULAN, "
        "LINDA, ENDANG, YULI, RATNA, NOVITA, FITRI, INTAN, DWI, EKA, TRI, RETNO, SEPTI, DESI, "
        "KARTIKA, LESTARI, ANGGI, CITRA"
    ),
    second_male=_parts(
        "SANTOSO, SETIAWAN, PRASETYO, WIJAYA, PRATAMA, SAPUTRA, NUGROHO, KURNIAWAN, SUSILO, "
        "HIDAYAT, WIBOWO, HARTONO, PURNOMO, RAMADHAN, FIRMANSYAH, SUGIARTO, HERMAWAN, SAFI'I, "
        "ARIFIN, SYAHPUTRA, MAULANA, ANSORI"
    ),
    second_female=_parts(
        "LESTARI, WULANDARI, RAHMAWATI, SAFITRI, AINI, PERMATASARI, KURNIASIH, NURHALIZA, "
        "WAHYUNI, RAHAYU, HANDAYANI, PUSPITASARI, NINGSIH, UTAMI, SULISTYOWATI, ASTUTI, "
        "MAULIDA, FEBRIANTI, ANGGRAENI, YULIANTI, SUSANTI"
    ),
    second_share=0.75,
)

MADURESE = NamePool(
    male_old=_parts(
        "MATSARI, SAHWI, MAT RAWI, SAHRI, BUHARI, MARSUKI, JUHARI, ABD. RAHEM, MOH. SARIP, SUHRI, "
        "HOSNAN, RASIDI, HALILI, SUKRI, JUMALI, NURHADI, MOKSIN, SAMHARI, MATRASA, SAMSUDIN, "
        "HOLILI, MUDHAR, SANAWI, RAMLI, SUNAWI"
    ),
    male_new=_ISLAMIC_MALE
    + _parts("FATHORRAHMAN, SYAIFUL, MOH. HASAN, ACH. BAHRUL, ROFIKI, SUBAIDI, HOIRUL, MUKHLIS"),
    female_old=_parts(
        "SUHAIMAH, HATIJAH, SALAMAH, JUMA'ANI, MISNATEN, SUNARTI, HALIMAH, KHOTIJAH, MUNA, "
        "NURSIA, MARYAM, HOSNIYAH, SUNAIYAH, SATIMA, SUMAIRAH, HAMIDAH, SITTI, RUKAYAH, SAINAH, "
        "MASRIYAH, ASIYAH, MUSLIHAH"
    ),
    female_new=_ISLAMIC_FEMALE,
    second_male=_parts(
        "HASAN, FAUZI, RAHMAN, WAHID, RIZAL, BAHRI, HOLIK, ROFIQ, ULUM, AMIN, HANAFI, YASIN, "
        "SHOLEH, MAHFUD, ZAINI, HAMID, ANWAR, FATHONI, MAS'UD"
    ),
    second_female=_parts(
        "AMINAH, HIDAYAH, ZAHRO, QOMARIYAH, KULSUM, FADILAH, NISA, JANNAH, MUNAWAROH, "
        "ROHMAH, HASANAH, SHOLIHAH, FAIZAH, MAGHFIROH, AZIZAH, MUFIDAH"
    ),
    second_share=0.8,
)

SUNDANESE = NamePool(
    male_old=_parts(
        "ASEP, UJANG, DEDE, CECEP, DADANG, ENTIS, IWAN, YAYAN, ENDANG, UDIN, OMAN, DUDUNG, "
        "ENJANG, ADE, TATANG, UJANG, MAMAN"
    ),
    male_new=_parts("RIZKY, ILHAM, FAJAR, DENI, RENDI, GILANG, RANGGA, FIKRI, DIMAS, YUDHA"),
    female_old=_parts(
        "EUIS, NENENG, IMAS, ENOK, CUCU, IIS, YATI, NINING, ENTIN, EUTIK, OOM, NANI, EDAH"
    ),
    female_new=_parts("SITI, NURUL, RISMA, DEDE, NENG, SALSA, RIKA, WINDI, TIARA, SHINTA"),
    second_male=_parts("SUNARYA, SUPRIATNA, HIDAYAT, KURNIA, RAMDANI, SOBARI, SETIAWAN, NURJAMAN"),
    second_female=_parts("NURHAYATI, KURNIASIH, SUMARNI, MARLINA, ROSTIKA, SRI MULYANI, RAHAYU"),
    second_share=0.6,
)

BALINESE = NamePool(
    male_old=_parts("SUDARSANA, ARTA, SUARDANA, WIDIANA, BUDIARTA, SUWETA, MERTA, SUKADANA, RAKA"),
    male_new=_parts("ADI, DIKA, SURYA, ARYA, WIRA, PRADNYA, GUNA, DARMA, ANANTA"),
    female_old=_parts("SUKERTI, ARIANI, SUASTINI, SUARNI, RAI, SUKARNI, SULASMI, MURNI"),
    female_new=_parts("ARI, DEWI, PUSPA, WIDYA, SARI, AYU, INDRA, RATIH"),
    second_male=_parts("PUTRA, WIJAYA, SAPUTRA, ADNYANA, SUPARTA, ASTAWA"),
    second_female=_parts("LESTARI, ASTITI, WULANDARI, PRADNYANI, SUDEWI, PURNAMI"),
    second_share=0.5,
    prefix_male=_parts("I WAYAN, I MADE, I NYOMAN, I KETUT, I PUTU, I KADEK, I KOMANG, I GEDE"),
    prefix_female=_parts("NI WAYAN, NI MADE, NI NYOMAN, NI KETUT, NI PUTU, NI KADEK, NI KOMANG"),
)

BATAK = NamePool(
    male_old=_parts("JANSEN, BONAR, HOTMAN, MANGASI, TUMPAL, PARLINDUNGAN, SAHAT, MARUDUT"),
    male_new=_parts("DANIEL, YOSUA, SAMUEL, KEVIN, RONALD, JEFRI, HENDRIK, IMANUEL"),
    female_old=_parts("TIOMINA, ROSMA, MARIANI, RUMONDANG, NURMALA, TIAMSA, LAMSARIA"),
    female_new=_parts("GRACE, MARIA, YOHANA, SRI, DEBORA, RUTH, NOVITA, LIDIA"),
    second_male=(),
    second_female=(),
    second_share=0.0,
    female_family_prefix="BR.",
    family_names=_parts(
        "SIREGAR, SIMANJUNTAK, NAINGGOLAN, SITUMORANG, HUTAPEA, SINAGA, MANURUNG, TAMPUBOLON, "
        "PANJAITAN, SIMATUPANG, SIHOMBING, PASARIBU"
    ),
)

CHINESE_INDONESIAN = NamePool(
    male_old=_parts("BUDI, HENDRA, TJANDRA, HARTONO, SUGIONO, HERMAN, GUNAWAN, LIEM, TAN, OEY"),
    male_new=_parts("KEVIN, STEVEN, WILLIAM, JONATHAN, MICHAEL, FELIX, RICHARD, VINCENT"),
    female_old=_parts("LILY, LANNY, SUSANA, MEILIANA, LINDAWATI, YULIANA, LIANA, SIANI"),
    female_new=_parts("JESSICA, MICHELLE, CHRISTINE, NATALIA, FELICIA, CINDY, MELINDA, VANESSA"),
    second_male=(),
    second_female=(),
    second_share=0.0,
    family_names=_parts("WIJAYA, GUNAWAN, TANOTO, HALIM, SANTOSO, KUSUMA, SALIM, TANUWIJAYA"),
)


def draw_name(
    rng: Random, pool: NamePool, female: bool, birth_year: int, family_name: str = ""
) -> str:
    """A full name in the upper case of the civil register."""
    modern = birth_year >= MODERN_FROM_YEAR
    if female:
        firsts = pool.female_new if modern else pool.female_old
        seconds, prefixes = pool.second_female, pool.prefix_female
    else:
        firsts = pool.male_new if modern else pool.male_old
        seconds, prefixes = pool.second_male, pool.prefix_male
    name = firsts[int(rng.random() * len(firsts))]
    share = pool.second_share if modern else pool.second_share / 3
    if seconds and rng.random() < share:
        second = seconds[int(rng.random() * len(seconds))]
        if second != name:
            name = f"{name} {second}"
    if prefixes:
        name = f"{prefixes[int(rng.random() * len(prefixes))]} {name}"
    if family_name:
        if female and pool.female_family_prefix:
            family_name = f"{pool.female_family_prefix} {family_name}"
        name = f"{name} {family_name}"
    return name
