"""Uploaded lists waiting between the preview and the confirm step, in a private folder under the server's key.

    key = store_upload(request.FILES["file"])   # checks size and type, then writes <IMPORT_UPLOAD_DIR>/<sha256>
    data = load_upload(key)                      # the bytes the preview showed
    discard_upload(key)                          # after confirming, abandoning or failing

A client only ever sees and sends back the key: the SHA-256 of the content, 64 hex digits. Anything else
is refused before a path is built, so no name from a form can reach another file. The folder is created
with mode 0700 and each file with 0600; files older than IMPORT_UPLOAD_MAX_AGE_HOURS are removed on every
upload and by `manage.py purge_import_uploads` (abandoned previews). The web wizard and the admin use it
(IMPORT.md, uploads; issue 10 deliverable 7, issue 11).
"""

import hashlib
import os
import re
import time
from pathlib import Path

from django.conf import settings

from .importing.errors import ImportFileError
from .importing.readers import CSV_EXTENSIONS, check_extension
from .importing.readers import read_upload as read_limited

KEY = re.compile(r"[0-9a-f]{64}")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAGIC = {".xlsx": ZIP_MAGIC, ".ods": ZIP_MAGIC, ".xls": OLE_MAGIC}
TEXT_SNIFF_BYTES = 64 * 1024
# More than one byte in this many being NUL: binary, not a text file with a stray NUL.
BINARY_NUL_SHARE = 20
GONE = "Het bestand is niet meer beschikbaar; upload de lijst opnieuw."


class UploadGone(ImportFileError):
    """The key names no waiting upload (expired, confirmed, or never issued); the message is Dutch."""


def upload_dir() -> Path:
    """The private folder (created with mode 0700; a symlink in its place is refused)."""
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.is_symlink() or not folder.is_dir():
        raise ImportFileError("De map voor uploads is niet veilig ingesteld; neem contact op met beheer.")
    os.chmod(folder, 0o700)
    return folder


def check_type(data: bytes, file_name: str) -> str:
    """The extension, after checking that the content is what it claims: xlsx/ods a zip, xls an OLE file,
    csv/txt text. Raises ImportFileError with a Dutch message."""
    ext = check_extension(file_name)
    name = Path(file_name).name
    if ext in CSV_EXTENSIONS:
        head = data[:TEXT_SNIFF_BYTES]
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
        # A binary file has NULs everywhere; a stray NUL in a real list is left to the reader, which names its line.
        binary = not utf16 and head.count(b"\x00") * BINARY_NUL_SHARE > len(head)
        if head.startswith((ZIP_MAGIC, OLE_MAGIC)) or binary:
            raise ImportFileError(f"{name} is geen tekstbestand; een CSV-bestand bevat alleen tekst.")
        return ext
    if not data.startswith(MAGIC[ext]):
        raise ImportFileError(f"{name} is geen echt {ext}-bestand; sla de lijst opnieuw op als {ext}.")
    return ext


def store_upload(upload) -> str:
    """Check the upload's size (IMPORT_MAX_FILE_BYTES) and type, then keep it in the private folder.

    `upload` is an UploadedFile (or anything with `name` and `read`). Returns the key (the SHA-256 hex of
    the content). Raises ImportFileError (too big, empty, wrong type) with a Dutch message; nothing is
    written then. Removes expired uploads first.
    """
    purge_expired_uploads()
    data = read_limited(upload)
    check_type(data, getattr(upload, "name", "") or "")
    key = hashlib.sha256(data).hexdigest()
    path = upload_dir() / key
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        os.utime(path)  # the same content again: the waiting file starts a new expiry period
        return key
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return key


def _path(key: str) -> Path:
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise UploadGone(GONE)
    return Path(settings.IMPORT_UPLOAD_DIR) / key


def upload_exists(key: str) -> bool:
    try:
        return _path(key).is_file()
    except UploadGone:
        return False


def load_upload(key: str) -> bytes:
    """The waiting upload's bytes. Raises UploadGone (a Dutch message) for a key that names none."""
    try:
        descriptor = os.open(_path(key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise UploadGone(GONE) from exc
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def discard_upload(key: str) -> None:
    """Remove the waiting upload; a key that names none is ignored."""
    try:
        _path(key).unlink(missing_ok=True)
    except UploadGone:
        return


def purge_expired_uploads(*, max_age_hours: float | None = None) -> int:
    """Remove uploads older than `max_age_hours` (default IMPORT_UPLOAD_MAX_AGE_HOURS); returns how many.

    Only files named by a key are touched; anything else in the folder is left alone.
    """
    hours = settings.IMPORT_UPLOAD_MAX_AGE_HOURS if max_age_hours is None else max_age_hours
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    if not folder.is_dir():
        return 0
    cutoff = time.time() - hours * 3600
    removed = 0
    for entry in os.scandir(folder):
        if KEY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed
