"""The personal links of verification requests: a random nonce, signed with a timestamp (Django's signing).

Only a SHA-256 hash of the nonce is stored, so neither the database nor a backup holds a working link; the
signature (SECRET_KEY, salted) makes a guessed or altered token fail before the database is asked, and the
timestamp lets it expire after VERIFICATION_TOKEN_MAX_AGE_DAYS days.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core import signing

SALT = "network.verification-request"


class TokenInvalid(Exception):
    """A token that is wrong or tampered with (answered with a 404)."""


class TokenExpired(Exception):
    """A token older than VERIFICATION_TOKEN_MAX_AGE_DAYS days (answered with a 410)."""


def max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.VERIFICATION_TOKEN_MAX_AGE_DAYS)


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh `(token, nonce_hash)`: the token goes into the mail only, the hash into the database."""
    nonce = secrets.token_urlsafe(24)
    return signing.TimestampSigner(salt=SALT).sign(nonce), nonce_hash(nonce)


def read_token(token: str) -> str:
    """The nonce hash a token stands for. Raises `TokenInvalid` (bad signature, wrong shape), `TokenExpired`."""
    try:
        nonce = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
    return nonce_hash(nonce)
