"""The room password of ``workbook hub``, kept only as a salted hash, and JupyterHub's login with it.

``hash_password`` makes the hash that goes into the hub's configuration (scrypt from the standard
library, a new random salt each time); ``RoomPasswordAuthenticator`` lets anyone in under their own
name whose password matches it, as JupyterHub's ``SharedPasswordAuthenticator`` does with a
password in clear. Loaded by the hub process only (it needs JupyterHub).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from jupyterhub.auth import Authenticator
from traitlets import Unicode

SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MB and 60 ms per login
SALT_BYTES = 16


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * r * n + 2**20)


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (hexadecimal) of `password` with a new random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, **SCRYPT)
    return "$".join(["scrypt", str(SCRYPT["n"]), str(SCRYPT["r"]), str(SCRYPT["p"]), salt.hex(), digest.hex()])


def password_matches(password: str, hashed: str) -> bool:
    """True when `password` is the one `hashed` was made of; False for anything malformed."""
    try:
        kind, n, r, p, salt, digest = hashed.split("$")
        if kind != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        return hmac.compare_digest(_scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p)), expected)
    except ValueError:
        return False


class RoomPasswordAuthenticator(Authenticator):
    """One password for the room, any name: checked against ``password_hash``."""

    password_hash = Unicode("", config=True, help="The room password's hash, from hash_password().")

    def check_allow_config(self) -> None:
        if not self.password_hash:
            raise ValueError(f"{self.__class__.__name__}.password_hash is not set")
        super().check_allow_config()

    async def authenticate(self, handler: Any, data: dict) -> str | None:
        if password_matches(data.get("password", ""), self.password_hash):
            return data.get("username")
        return None
