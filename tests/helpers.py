"""Helpers tests in several folders share: test files, small lists as Dutch Excel saves them, API clients.

Fixtures stay in the conftest.py files; factories (users included) are in tests/factories.py.
"""

from pathlib import Path

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

DATA = Path(__file__).resolve().parent / "data"

# The keys of the `--json` summary, in IMPORT.md's order: the contract the command and the API both keep.
SUMMARY_KEYS = [
    "file",
    "dry_run",
    "rows",
    "contacts",
    "memberships",
    "skipped",
    "warnings",
    "errors",
    "ignored_columns",
    "batch",
]


def data_file(name: str) -> Path:
    """A committed test file in tests/data."""
    return DATA / name


def csv_bytes(rows: list[list], delimiter: str = ";") -> bytes:
    """A small list as Dutch Excel would save it, for tests that need one specific shape."""
    lines = [delimiter.join("" if value is None else str(value) for value in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def token_client(user) -> APIClient:
    """An API client that authenticates as `user` with its token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client
