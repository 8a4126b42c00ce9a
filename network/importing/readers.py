"""Reading an uploaded list into rows of cell values, behind the guards that keep a hostile file out.

Spreadsheets go through python-calamine (xlsx, xls, ods): it never evaluates formulas — a formula cell
arrives as the text or number Excel stored for it — and reads ODS without the bugs of tablib/odfpy.
CSV is decoded and split here because Dutch Excel writes `;` and Windows-1252 and nobody says so.
"""

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import python_calamine
from django.conf import settings

from .errors import ImportFileError

SPREADSHEET_EXTENSIONS = (".xlsx", ".xls", ".ods")
CSV_EXTENSIONS = (".csv", ".txt")
SUPPORTED = ".xlsx, .xls, .ods of .csv"

# A zip whose content unpacks to more than this many times its own size is refused (zip bomb),
# once the unpacked size is past ZIP_RATIO_FLOOR: tiny files legitimately compress very well.
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR = 20 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000

CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_SNIFF_LINES = 30


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


def check_zip(data: bytes, file_name: str) -> None:
    """Refuse zip-based files that are not zips, hide macros, or unpack out of proportion (before parsing)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportFileError(f"{file_name} is geen geldig spreadsheetbestand en kan niet worden gelezen.") from exc
    with archive:
        members = archive.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            raise ImportFileError(f"{file_name} bevat verdacht veel onderdelen en wordt niet geopend.")
        if any(member.filename.lower().endswith("vbaproject.bin") for member in members):
            raise ImportFileError(
                f"{file_name} bevat macro's en wordt niet geïmporteerd; sla de lijst op zonder macro's."
            )
        unpacked = sum(member.file_size for member in members)
    if unpacked > ZIP_RATIO_FLOOR and unpacked > ZIP_MAX_RATIO * len(data):
        raise ImportFileError(
            f"{file_name} pakt uit tot {unpacked // (1024 * 1024)} MB, buiten verhouding tot de bestandsgrootte, "
            "en wordt niet geopend."
        )


def _read_spreadsheet(data: bytes, file_name: str, ext: str, sheet: str | None) -> tuple[Iterator[list], int]:
    if ext in (".xlsx", ".ods"):
        check_zip(data, file_name)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise ImportFileError(f"{file_name} is beveiligd met een wachtwoord; sla het op zonder wachtwoord.") from exc
    except Exception as exc:  # calamine raises several unrelated types for a corrupt file
        raise ImportFileError(f"{file_name} kan niet worden gelezen: het is geen geldig {ext}-bestand.") from exc
    if sheet:
        if sheet not in workbook.sheet_names:
            names = ", ".join(workbook.sheet_names)
            raise ImportFileError(f"Het werkblad '{sheet}' bestaat niet in {file_name} (wel: {names}).")
        worksheet = workbook.get_sheet_by_name(sheet)
    else:
        if not workbook.sheet_names:
            raise ImportFileError(f"{file_name} bevat geen werkbladen.")
        worksheet = workbook.get_sheet_by_index(0)
    check_row_count(worksheet.height - 1)
    # Rows one at a time, so the whole sheet never exists as Python objects; the first row yielded
    # is the sheet's row 1 (empty rows above the data included), which keeps row numbers true.
    height = (worksheet.start[0] if worksheet.start else 0) + worksheet.height
    return iter(worksheet.iter_rows()), height


def decode_text(data: bytes) -> str:
    """BOM first, then strict UTF-8, then Windows-1252 (what Dutch Excel writes for its plain "CSV")."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most equally wide rows of more than one field."""
    sample = [line for line in text.splitlines()[:CSV_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes) -> tuple[Iterator[list], int]:
    text = decode_text(data)
    first_line, _, rest = text.partition("\n")
    if re.fullmatch(r"sep=.\r?", first_line, flags=re.IGNORECASE):
        # Excel's "sep=;" hint line: it names the delimiter and Excel does not show it as a row.
        delimiter, text = first_line[4], rest
    else:
        delimiter = detect_delimiter(text)
    lines = text.count("\n")
    check_row_count(lines - 1)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), lines


def check_row_count(count: int) -> None:
    limit = settings.IMPORT_MAX_ROWS
    if count > limit:
        raise ImportFileError(f"Het bestand heeft meer dan {limit:,} rijen; splits de lijst.".replace(",", "."))


def read_table(data: bytes, file_name: str, sheet: str | None = None) -> tuple[Iterator[list], int]:
    """The rows of the (first or named) sheet, from row 1 (position + 1 is the row number the user sees),
    and about how many there are."""
    ext = check_extension(file_name)
    if ext in CSV_EXTENSIONS:
        return _read_csv(data)
    return _read_spreadsheet(data, file_name, ext, sheet)
