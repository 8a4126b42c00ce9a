"""Reading .csv as Dutch offices save it: delimiter and encoding detected, never asked for.

Encodings: a BOM decides; else strict UTF-8; else charset-normalizer ranks the single-byte encodings
office software writes (Windows-1252 from Dutch Excel, Mac Roman from old Macs, DOS 850). Readings that
look garbled are dropped: one code page read as another ("JosŽ", "JosÈ") or UTF-8 read as a code page
("JosÃ©"); when the remaining good readings differ, the file is refused: a guess could store garbled
names. Whatever the encoding, text that shows mojibake (ftfy's heuristic) is refused, never stored: a
UTF-8 list with a Windows-1252 row added, or "double" UTF-8 that Excel saved after opening a UTF-8 list
as ANSI.

Lines end at CR LF, CR or LF only, as csv reads them: a vertical tab, form feed or U+2028 is text in a
cell (`normalise_text` makes it a space), not a line end as `str.splitlines` has it.
"""

import csv
import io
import itertools
import re
from collections.abc import Iterator

import charset_normalizer
from ftfy.badness import is_bad

from ..errors import ImportFileError
from .book import Book, SheetInfo, trim
from .limits import MAX_CELL_CHARS, CellGuard, clip

CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_SNIFF_LINES = 30
SINGLE_BYTE_CANDIDATES = ["cp1252", "mac_roman", "cp850"]
# Chaos scores this close to the best count as a tie.
CHAOS_TIE = 0.01
# One code page read as another, which ftfy (UTF-8 read wrongly) does not look for: a lower-case letter
# directly followed by a Windows-1252 sign from 0x80–0x9F ("JosŽ", "Zo‘"), by an accented capital
# ("JosÈ", "JosÇ"), or by an accent sign at a word's end ("Zo´").
_GARBLED = re.compile(r"[a-zà-ÿ](?:[‚„†‡ˆ‰‹ŒŽ•˜™›Ÿ‘“”]|[À-ÖØ-Þ]|[´¨¸˜˘˙˚˝˛ˇ](?![a-zA-Z]))")
# UTF-8 read as DOS 850 or Mac Roman in the shapes ftfy does not list: a letter followed by box drawing
# ("Müller" → "M├╝ller"), a root sign followed by a letter ("Ümit" → "√úmit").
_DOS_MAC_MOJIBAKE = re.compile(r"[A-Za-zÀ-ÿ][\u2500-\u259f]|√[A-Za-zÀ-ÿ]")
# NEL not after a non-ASCII sign is a line break in a cell, not the C1 mojibake ftfy takes any C1 sign for.
_PLAIN_NEL = re.compile("(?<![^\x00-\x7f])\x85")
# Where a part of the text ends that the mojibake check looks at on its own: a cell (any delimiter) or line.
_PART_BREAKS = re.compile("[;,\t|\r\n]")
_SLICE_CHARS = 1_000_000
_LINE_END = re.compile(r"\r\n|\r|\n")
_SEP_HINT = re.compile(r"sep=([^\r\n])(?:\r\n|\r|\n|\Z)", flags=re.IGNORECASE)
UNCERTAIN = (
    "De tekenset van {name} is niet met zekerheid te bepalen (letters als é en ë zouden verminkt worden "
    "opgeslagen). Sla de lijst op als 'CSV UTF-8' en probeer het opnieuw."
)
MOJIBAKE = (
    "De tekenset van {name} klopt niet: regel {line} bevat verminkte letters (“{sample}”), zoals “Ã©” waar "
    "“é” bedoeld is. Open de oorspronkelijke lijst, sla hem op als 'CSV UTF-8' en probeer het opnieuw."
)


def split_lines(text: str) -> list[str]:
    """`text` cut at CR LF, CR and LF only, the line ends of a CSV file, without them ("a\\vb\\r\\nc" →
    ["a\\vb", "c"]); `str.splitlines` also cuts at a vertical tab, form feed, U+001C–U+001E, NEL, U+2028
    and U+2029, which are text in a cell."""
    lines = _LINE_END.split(text)
    return lines[:-1] if not lines[-1] else lines


def count_line_ends(text: str) -> int:
    """How many CR LF, CR and LF line ends `text` has."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _looks_garbled(text: str) -> bool:
    """Whether `text` shows mojibake: ftfy's `is_bad` or the DOS/Mac shapes (ASCII text cannot show any)."""
    if text.isascii():
        return False
    if "\x85" in text:
        text = _PLAIN_NEL.sub(" ", text)
    return is_bad(text) or _DOS_MAC_MOJIBAKE.search(text) is not None


def _distinct_parts(text: str) -> list[str]:
    """The different cells (split at any delimiter and line end) of `text` that hold non-ASCII, in order of
    first appearance; the text is split a megabyte at a time, so the check needs little memory."""
    found: dict[str, None] = {}
    start = 0
    while start < len(text):
        cut = _PART_BREAKS.search(text, min(start + _SLICE_CHARS, len(text)))
        end = cut.end() if cut else len(text)
        for part in dict.fromkeys(_PART_BREAKS.split(text[start:end])):
            if part not in found and not part.isascii():
                found[part] = None
        start = end
    return list(found)


def _garbled_part(text: str) -> str | None:
    """The first cell of `text` that shows mojibake, or None.

    Each different cell with non-ASCII is looked at once (a list repeats its names, organisations and
    functions): time in proportion to the text, about 8 ms per 1 000 rows.
    """
    if text.isascii():
        return None
    parts = _distinct_parts(text)
    if not _looks_garbled("\n".join(parts)):
        return None
    return next((part for part in parts if _looks_garbled(part)), None)  # None: a sign across two parts


def _refuse_mojibake(text: str, file_name: str) -> None:
    """Raises ImportFileError naming the first line that shows mojibake, if any does."""
    if (part := _garbled_part(text)) is not None:
        line = count_line_ends(text[: text.find(part)]) + 1
        raise ImportFileError(MOJIBAKE.format(name=file_name, line=line, sample=clip(part.strip(), 40)))


def _strict(data: bytes, encoding: str, file_name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(UNCERTAIN.format(name=file_name)) from exc


def _single_byte(data: bytes, file_name: str) -> str:
    matches = charset_normalizer.from_bytes(data, cp_isolation=SINGLE_BYTE_CANDIDATES)
    best = matches.best()
    if best is None:
        raise ImportFileError(UNCERTAIN.format(name=file_name))
    # The candidates about as coherent as the best, minus those whose text looks garbled: when the rest
    # agree on the text it is the file's; when they do not, a guess could store garbled names. A UTF-8
    # list with a row in a code page added looks garbled in every reading.
    near = {str(match) for match in matches if match.chaos <= best.chaos + CHAOS_TIE}
    plausible = {text for text in near if not _GARBLED.search(text) and _garbled_part(text) is None}
    if len(plausible) != 1:
        raise ImportFileError(UNCERTAIN.format(name=file_name))
    return plausible.pop()


def decode_text(data: bytes, file_name: str = "Het bestand") -> str:
    """The file as text (line ends kept).

    Raises ImportFileError (Dutch, naming the file and "CSV UTF-8") when the encoding cannot be determined
    with confidence or the text shows mojibake. Costs time in proportion to the size of `data`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", file_name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", file_name)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return _single_byte(data, file_name)
    _refuse_mojibake(text, file_name)
    return text


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most equally wide rows of more than one field.

    Records as csv reads them: ended by CR LF, CR or LF only, a quoted field may hold a line break.
    """
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        reader = csv.reader(io.StringIO(text[:200_000], newline=""), delimiter=delimiter)
        try:
            widths = [len(row) for row in itertools.islice(reader, CSV_SNIFF_LINES) if any(map(str.strip, row))]
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
            before = data[: data.index(b"\x00")]
            line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
            raise ImportFileError(
                f"{file_name}: regel {line} bevat een NUL-teken (een onzichtbaar controleteken); sla de lijst "
                "opnieuw op als CSV en probeer het nog eens."
            )
        self.text = decode_text(data, file_name)
        self.sheets = [SheetInfo(name="", visible=True)]

    def rows(self, name: str = "") -> Iterator[tuple[int, list]]:
        text = self.text
        if hint := _SEP_HINT.match(text):
            # Excel's "sep=;" hint line: it names the delimiter and Excel does not show it as a row.
            delimiter, text = hint.group(1), text[hint.end() :]
        else:
            delimiter = detect_delimiter(text)
        self.row_hint = count_line_ends(text)
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
