"""Sandi: hanya disimpan sebagai hash argon2id (argon2-cffi), paling sedikit 10 karakter. Akun yang tidak ada
tetap memverifikasi hash tiruan agar waktunya serupa (tidak membuka apakah akun itu ada)."""
from __future__ import annotations

import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

PANJANG_SANDI_MIN = 10


class KesalahanAkun(ValueError):
    """Data akun tidak sah (nama, peran, daerah, sandi); pesan bahasa Indonesia."""


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _hash_tiruan() -> str:
    """Hash sandi acak, diverifikasi untuk akun yang tidak ada agar waktunya serupa dengan akun yang ada."""
    return hasher().hash(secrets.token_urlsafe(24))


def hash_sandi(sandi: str) -> str:
    if len(sandi or "") < PANJANG_SANDI_MIN:
        raise KesalahanAkun(f"Sandi paling sedikit {PANJANG_SANDI_MIN} karakter.")
    return hasher().hash(sandi)


def cocok(hash_: str | None, sandi: str) -> bool:
    try:
        return hasher().verify(hash_ or _hash_tiruan(), sandi or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False

