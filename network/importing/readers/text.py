"""Reading .csv as Dutch offices save it: delimiter and encoding detected, never asked for.

Encodings: a BOM decides; else strict UTF-8; else charset-normalizer ranks the single-byte encodings
office software writes (Windows-1252 from Dutch Excel, Mac Roman from old Macs, DOS 850). Readings
that look garbled ("JosŽ", "JosÈ") are dropped; when the remaining good readings differ, the file is
refused: a guess could store garbled names.
"""

import csv
import io
import re
from collections.abc import Iterator

import charset_normalizer

from ..errors import ImportFileError
from .book import Book, SheetInfo, trim
from .limits import MAX_CELL_CHARS, CellGuard

CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_SNIFF_LINES = 30
SINGLE_BYTE_CANDIDATES = ["cp1252", "mac_roman", "cp850"]
# Chaos scores this close to the best count as a tie.
CHAOS_TIE = 0.01
# What a file in one of these encodings looks like when read in another: a lower-case letter directly
# followed by a Windows-1252 sign from 0x80–0x9F ("JosŽ", "Zo‘"), by an accented capital ("JosÈ", "JosÇ"),
# or by an accent sign at a word's end ("Zo´").
_GARBLED = re.compile(r"[a-zà-ÿ](?:[‚„†‡ˆ‰‹ŒŽ•˜™›Ÿ‘“”]|[À-ÖØ-Þ]|[´¨¸˜˘˙˚˝˛ˇ](?![a-zA-Z]))")
UNCERTAIN = (
    "De tekenset van {name} is niet met zekerheid te bepalen (letters als é en ë zouden verminkt worden "
    "opgeslagen). Sla de lijst op als 'CSV UTF-8' en probeer het opnieuw."
)


def _strict(data: bytes, encoding: str, file_name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(UNCERTAIN.format(name=file_name)) from exc


def decode_text(data: bytes, file_name: str = "Het bestand") -> str:
    """The file as text; raises ImportFileError when its encoding cannot be determined with confidence."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", file_name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", file_name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data, cp_isolation=SINGLE_BYTE_CANDIDATES)
    best = matches.best()
    if best is None:
        raise ImportFileError(UNCERTAIN.format(name=file_name))
    # The candidates about as coherent as the best, minus those whose text looks garbled: when the rest
    # agree on the text it is the file's; when they do not, a guess could store garbled names.
    near = {str(match) for match in matches if match.chaos <= best.chaos + CHAOS_TIE}
    plausible = {text for text in near if not _GARBLED.search(text)}
    if len(plausible) != 1:
        raise ImportFileError(UNCERTAIN.format(name=file_name))
    return plausible.pop()


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most equally wide rows of more than one field."""
    sample = [line for line in text[:200_000].splitlines()[:CSV_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class CsvBook(Book):
    """A CSV file as a book of one unnamed sheet."""

    def __init__(self, data: bytes, file_name: str, guard: CellGuard):
        self.file_name = file_name
        self.guard = guard
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise ImportFileError(
                f"{file_name}: regel {line} bevat een NUL-teken (een onzichtbaar controleteken); sla de lijst "
                "opnieuw op als CSV en probeer het nog eens."
            )
        self.text = decode_text(data, file_name)
        self.sheets = [SheetInfo(name="", visible=True)]

    def rows(self, name: str = "") -> Iterator[tuple[int, list]]:
        text = self.text
        first_line, _, rest = text.partition("\n")
        if re.fullmatch(r"sep=.\r?", first_line, flags=re.IGNORECASE):
            # Excel's "sep=;" hint line: it names the delimiter and Excel does not show it as a row.
            delimiter, text = first_line[4], rest
        else:
            delimiter = detect_delimiter(text)
        self.row_hint = text.count("\n")
        # csv's own field limit (131 072) stops a giant field early; the guard refuses one over Excel's.
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for number, cells in enumerate(reader, start=1):
                where = f"regel {reader.line_num}"
                cells = trim([self.guard.text(cell, where) for cell in cells])
                if cells:
                    yield number, cells
        except csv.Error as exc:
            raise ImportFileError(
                f"{self.file_name}: regel {reader.line_num} kan niet worden gelezen (een veld van meer dan "
                f"{MAX_CELL_CHARS:,} tekens of een aanhalingsteken dat niet sluit).".replace(",", ".")
            ) from exc
