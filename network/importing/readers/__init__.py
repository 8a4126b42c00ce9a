"""Reading an uploaded list into rows of cell values, behind the guards that keep a hostile file out.

    book = open_book(read_upload(file), file_name)
    for number, cells in book.rows(book.sheets[book.active].name): ...

.xlsx and .ods are streamed from the zip by our own readers (xlsx.py, ods.py): memory and time follow
the cells present, not the sheet's declared size, corner cell or repeat counts. .xls goes through
python-calamine (calamine.py; its active sheet and scientific-notation cells from biff.py), .csv through
text.py (encoding and delimiter detected). Every text cell passes one CellGuard per file (limits.py).
Spreadsheet readers hand out Rows, which know their filled cells: per-row work follows those cells, not
the column of a row's last cell. A number shown in scientific notation is handed out as the text shown.
"""

import os
from pathlib import Path

from django.conf import settings

from ..errors import ImportFileError
from .book import Book, Row, UncachedFormula, filled_indices
from .calamine import CalamineBook
from .limits import CellGuard, clip, column_letters
from .ods import OdsBook
from .text import CsvBook, decode_text
from .xlsx import XlsxBook

SPREADSHEET_EXTENSIONS = (".xlsx", ".xls", ".ods")
CSV_EXTENSIONS = (".csv", ".txt")
SUPPORTED = ".xlsx, .xls, .ods of .csv"

__all__ = [
    "CSV_EXTENSIONS",
    "SPREADSHEET_EXTENSIONS",
    "Book",
    "Row",
    "UncachedFormula",
    "check_extension",
    "check_row_count",
    "clip",
    "column_letters",
    "decode_text",
    "filled_indices",
    "open_book",
    "read_upload",
]


def extension_of(file_name: str) -> str:
    return Path(file_name or "").suffix.lower()


def check_extension(file_name: str) -> str:
    ext = extension_of(file_name)
    if ext in (".xlsm", ".xltm", ".xlsb"):
        raise ImportFileError(
            f"Bestanden met macro's of in binair Excel-formaat ({ext}) worden niet geïmporteerd; "
            "sla de lijst op als .xlsx."
        )
    if ext not in SPREADSHEET_EXTENSIONS + CSV_EXTENSIONS:
        shown = ext or "zonder extensie"
        raise ImportFileError(f"Het bestandstype {shown} wordt niet ondersteund; gebruik {SUPPORTED}.")
    return ext


def read_upload(file) -> bytes:
    """The file's bytes, refusing anything over IMPORT_MAX_FILE_BYTES without reading all of it."""
    limit = settings.IMPORT_MAX_FILE_BYTES
    too_big = ImportFileError(
        f"Het bestand is groter dan {limit / (1024 * 1024):.0f} MB; splits de lijst of neem contact op met beheer."
    )
    if isinstance(file, str | os.PathLike):
        try:
            if os.path.getsize(file) > limit:
                raise too_big
            with open(file, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise ImportFileError(f"Het bestand {os.fspath(file)} kan niet worden geopend.") from exc
    elif isinstance(file, bytes | bytearray):
        data = bytes(file)
    else:
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise too_big
    if not data:
        raise ImportFileError("Het bestand is leeg.")
    return data


def check_row_count(count: int) -> None:
    limit = settings.IMPORT_MAX_ROWS
    if count > limit:
        raise ImportFileError(f"Het bestand heeft meer dan {limit:,} rijen; splits de lijst.".replace(",", "."))


def open_book(data: bytes, file_name: str) -> Book:
    """The file as a Book (its sheets, the active one, rows per sheet); raises ImportFileError when it
    cannot be read. Reading rows may still raise ImportFileError (a broken or oversized part)."""
    ext = check_extension(file_name)
    guard = CellGuard(file_name)
    if ext in CSV_EXTENSIONS:
        return CsvBook(data, file_name, guard)
    if ext == ".xlsx":
        return XlsxBook(data, file_name, guard)
    if ext == ".ods":
        return OdsBook(data, file_name, guard)
    return CalamineBook(data, file_name, ext, guard)
