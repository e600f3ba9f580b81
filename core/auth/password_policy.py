"""Which staff passwords are accepted: NIST SP 800-63B style, length and a blocklist, no
composition rules (those make passwords harder to remember, not to guess).

A password is refused when it is shorter than 12 characters, or when it equals (ignoring case)
the username, the name of a village the account works in, the public demo password, or one of
the 20,000 most common passwords.

`common-passwords.txt.gz` is Django's list (django/contrib/auth/common-passwords.txt.gz,
Copyright (c) Django Software Foundation and individual contributors, BSD-3-Clause), shipped
unchanged beside this module.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import cache
from pathlib import Path

MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common-passwords.txt.gz")


class WeakPassword(ValueError):
    """The password would not protect residents' data; the message says why, in Indonesian."""


@cache
def common_passwords() -> frozenset[str]:
    """The blocklist, read once per process (about 20,000 entries)."""
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def check_password(password: str, *, username: str, place_names: Iterable[str] = ()) -> None:
    """Raise `WeakPassword` naming the first rule the password breaks."""
    from core.demo import DEMO_PASSWORD  # the demo creates accounts through this package

    folded = password.strip().casefold()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")
    if folded == username.strip().casefold():
        raise WeakPassword("Kata sandi tidak boleh sama dengan nama pengguna.")
    if any(folded == name.strip().casefold() for name in place_names if name.strip()):
        raise WeakPassword("Kata sandi tidak boleh sama dengan nama desa.")
    if folded == DEMO_PASSWORD.casefold():
        raise WeakPassword("Kata sandi ini adalah kata sandi demo yang diketahui umum.")
    if folded in common_passwords():
        raise WeakPassword("Kata sandi ini termasuk kata sandi yang paling sering dipakai.")
