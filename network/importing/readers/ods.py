"""Reading .ods row by row from content.xml, like the .xlsx reader: memory and time follow the cells
present, never the repeat counts LibreOffice writes for the empty rest of a sheet. A filled row or cell
stored once with a repeat count is counted against the row, character and repeated-cell bounds before it
is handed out, copy by copy; a value past the sheet's last column or row is a damaged file.

Sheets hidden through their table style (table:display="false") are known but not read unless named;
the active sheet comes from settings.xml. Formulas are never evaluated: a formula cell gives the value
LibreOffice stored for it, or an UncachedFormula.
"""

import bisect
import datetime
from collections.abc import Iterator

from defusedxml import ElementTree as SafeElementTree
from django.conf import settings

from ..errors import ImportFileError
from .book import Book, Row, ScientificFormat, SheetInfo, UncachedFormula, is_blank, scientific_cell
from .limits import MAX_CELL_CHARS, CellGuard, clip, column_letters
from .sheetxml import parse
from .xlsx import BROKEN, SMALL_PART_BYTES, check_zip

# A sheet's bounds in LibreOffice (and Excel): columns A … XFD, rows 1 … 1 048 576.
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576
NUMBER_TYPES = ("float", "percentage", "currency")
_STYLE_DEPTH = 10


def _count(text: str | None) -> int:
    """A repeat count as written ("table:number-rows-repeated"); ValueError for one below 1."""
    count = int(text or 1)
    if count < 1:
        raise ValueError(f"repeat count {count}")
    return count


class _Tables:
    """First pass (content.xml, then styles.xml): the sheets in order, the table styles that hide a sheet and
    the cell styles whose number format shows scientific notation."""

    def __init__(self):
        self.ready: list = []
        self.names: list[str] = []
        self.styles: dict[str, str] = {}
        self.hidden_styles: set[str] = set()
        self.style: str | None = None
        self.number_style: str | None = None
        # cell style → (its data style, its parent cell style); data style → scientific notation shown.
        self.cell_styles: dict[str, tuple[str | None, str | None]] = {}
        self.scientific_numbers: dict[str, ScientificFormat] = {}

    def start(self, name, attrs):
        if name == "style:style":
            family, style = attrs.get("style:family"), attrs.get("style:name")
            self.style = style if family == "table" else None
            if family == "table-cell" and style:
                self.cell_styles[style] = (attrs.get("style:data-style-name"), attrs.get("style:parent-style-name"))
        elif name == "style:table-properties" and self.style and attrs.get("table:display") == "false":
            self.hidden_styles.add(self.style)
        elif name == "table:table":
            sheet = attrs.get("table:name", f"Blad{len(self.names) + 1}")
            self.names.append(sheet)
            self.styles[sheet] = attrs.get("table:style-name", "")
        elif name == "number:number-style":
            self.number_style = attrs.get("style:name")
        elif name == "number:scientific-number" and self.number_style:
            self.scientific_numbers[self.number_style] = ScientificFormat(
                decimals=min(int(attrs.get("number:decimal-places") or 0), 30),
                exponent_digits=min(int(attrs.get("number:min-exponent-digits") or 1), 10),
                step=max(1, min(int(attrs.get("number:exponent-interval") or 1), 10)),
                integer_digits=max(1, min(int(attrs.get("number:min-integer-digits") or 1), 10)),
            )

    def end(self, name):
        if name == "number:number-style":
            self.number_style = None

    def chars(self, data):
        pass

    def scientific_styles(self) -> dict[str, ScientificFormat]:
        """Cell style name → the scientific notation its data style (or a parent's) shows."""
        found = {}
        for style in self.cell_styles:
            current = style
            for _ in range(_STYLE_DEPTH):
                data, parent = self.cell_styles.get(current, (None, None))
                if data is not None or parent is None:
                    break
                current = parent
            if data in self.scientific_numbers:
                found[style] = self.scientific_numbers[data]
        return found


class _Rows:
    """Second pass: the rows of one sheet in `ready` as (first row number, runs, times), a run being
    (first column, count, value): what the file stores, its repeat counts not yet expanded. Filled rows and
    repeated cells are counted against the file's bounds before anything is expanded."""

    def __init__(self, sheet: str, value, guard: CellGuard, scientific: dict[str, ScientificFormat]):
        self.sheet = sheet
        self.value = value
        self.guard = guard
        self.scientific = scientific
        self.row_limit = settings.IMPORT_MAX_ROWS
        self.ready: list = []
        self.inside = False
        self.number = 0
        self.repeat = 1
        self.filled_rows = 0
        self.runs: list[tuple[int, int, object]] = []
        self.column = 0
        self.columns = 0
        # Columns whose default cell style is scientific: their first columns (ascending), (after last, format).
        self.style_starts: list[int] = []
        self.column_styles: list[tuple[int, ScientificFormat]] = []
        self.cell: dict | None = None
        self.paragraphs: list[str] = []
        self.spaces = 0
        self.text: list[str] | None = None
        self.annotation = 0

    def start(self, name, attrs):
        if name == "table:table":
            self.inside = attrs.get("table:name") == self.sheet
        elif not self.inside:
            return
        elif name == "table:table-row":
            self.repeat = _count(attrs.get("table:number-rows-repeated"))
            self.runs, self.column = [], 0
        elif name in ("table:table-cell", "table:covered-table-cell"):
            self.cell, self.paragraphs, self.spaces = attrs, [], 0
        elif name == "table:table-column":
            count = _count(attrs.get("table:number-columns-repeated"))
            shown = self.scientific.get(attrs.get("table:default-cell-style-name"))
            if shown is not None:
                self.style_starts.append(self.columns)
                self.column_styles.append((self.columns + count, shown))
            self.columns += count
        elif name == "office:annotation":
            self.annotation += 1
        elif self.annotation:
            return
        elif name == "text:p" and self.cell is not None:
            self.text = []
        elif name == "text:s" and self.text is not None and self.spaces <= MAX_CELL_CHARS:
            # <text:s text:c="N"/> is N spaces; past a cell's limit no more are made (the guard refuses the cell).
            count = min(int(attrs.get("text:c") or 1), MAX_CELL_CHARS + 1 - self.spaces)
            self.spaces += count
            self.text.append(" " * count)
        elif name == "text:tab" and self.text is not None:
            self.text.append("\t")
        elif name == "text:line-break" and self.text is not None:
            self.text.append("\n")

    def end(self, name):
        if not self.inside:
            return
        if name == "office:annotation":
            self.annotation -= 1
        elif name == "text:p" and self.text is not None and not self.annotation:
            self.paragraphs.append("".join(self.text))
            self.text = None
        elif name in ("table:table-cell", "table:covered-table-cell") and self.cell is not None:
            self._end_cell(self.cell)
            self.cell = None
        elif name == "table:table-row":
            self._end_row()
        elif name == "table:table":
            self.inside = False

    def _shown(self, attrs: dict) -> ScientificFormat | None:
        style = attrs.get("table:style-name")
        if style is not None:
            return self.scientific.get(style)
        at = bisect.bisect_right(self.style_starts, self.column) - 1
        if at >= 0 and self.column < self.column_styles[at][0]:
            return self.column_styles[at][1]
        return None

    def _end_cell(self, attrs: dict) -> None:
        repeat = _count(attrs.get("table:number-columns-repeated"))
        if "office:value-type" in attrs or "table:formula" in attrs:
            ref = f"{column_letters(min(self.column, MAX_COLUMNS))}{self.number + 1}"
            value = self.value(attrs, "\n".join(self.paragraphs), ref, self._shown(attrs))
            if value is not None and not is_blank(value):
                if self.column + repeat > MAX_COLUMNS:
                    raise ValueError("a value beyond the last column of a sheet")
                if repeat > 1:
                    self.guard.repeats(repeat - 1)
                    if type(value) is str:
                        self.guard.count(len(value) * (repeat - 1))
                self.runs.append((self.column, repeat, value))
        self.column += repeat

    def _end_row(self) -> None:
        first, repeat = self.number + 1, self.repeat
        self.number += repeat
        if not self.runs:
            return
        if self.number > MAX_ROWS:
            raise ValueError("a filled row beyond the last row of a sheet")
        self.filled_rows += repeat
        if repeat > self.row_limit:
            raise ImportFileError(
                f"Op het werkblad '{clip(self.sheet, 40)}' is een kolom doorgevuld tot onderaan het werkblad: rij "
                f"{first} staat er {repeat:,} keer. Verwijder de rijen onder de lijst (selecteer ze en kies Rijen "
                "verwijderen) en sla het bestand opnieuw op.".replace(",", ".")
            )
        if self.filled_rows > self.row_limit:
            raise ImportFileError(
                f"Het werkblad '{clip(self.sheet, 40)}' heeft meer dan {self.row_limit:,} gevulde rijen (rijen die "
                "herhaald zijn opgeslagen meegeteld); splits de lijst of verwijder doorgevulde rijen onder de "
                "lijst.".replace(",", ".")
            )
        if repeat > 1:
            self.guard.repeats(sum(count for _, count, _ in self.runs) * (repeat - 1))
            chars = sum(len(value) * count for _, count, value in self.runs if type(value) is str)
            self.guard.count(chars * (repeat - 1))
        self.ready.append((first, self.runs, repeat))

    def chars(self, data):
        if self.text is not None and not self.annotation:
            self.text.append(data)


def _row(runs: list[tuple[int, int, object]]) -> Row:
    """The Row of a row's runs (ascending, none blank): one slice assignment per run."""
    filled: list[int] = []
    for column, count, _ in runs:
        filled.extend(range(column, column + count))
    row = Row([None] * (filled[-1] + 1))
    for column, count, value in runs:
        row[column : column + count] = [value] * count
    row.filled = filled
    return row


class OdsBook(Book):
    def __init__(self, data: bytes, file_name: str, guard: CellGuard):
        self.file_name = file_name
        self.guard = guard
        self.archive = check_zip(data, file_name)
        try:
            tables = _Tables()
            for part in ("content.xml", "styles.xml"):
                if part == "content.xml" or part in self.archive.NameToInfo:
                    with self.archive.open(part) as stream:
                        for _ in parse(stream, tables, strip_prefixes=False):
                            pass
            active = self._active_table()
        except BROKEN as exc:
            raise self.broken() from exc
        self.sheets = [SheetInfo(name, tables.styles[name] not in tables.hidden_styles) for name in tables.names]
        self.active = tables.names.index(active) if active in tables.names else 0
        self.scientific = tables.scientific_styles()

    def broken(self) -> ImportFileError:
        return ImportFileError(
            f"{self.file_name} is beschadigd of geen geldig .ods-bestand en kan niet worden gelezen."
        )

    def _active_table(self) -> str | None:
        if "settings.xml" not in self.archive.NameToInfo:
            return None
        if self.archive.getinfo("settings.xml").file_size > SMALL_PART_BYTES:
            raise ValueError("settings.xml")
        root = SafeElementTree.fromstring(self.archive.read("settings.xml"), forbid_dtd=True)
        for element in root.iter():
            if element.tag.endswith("}config-item") and any(
                key.endswith("}name") and value == "ActiveTable" for key, value in element.attrib.items()
            ):
                return element.text
        return None

    def rows(self, name: str) -> Iterator[tuple[int, list]]:
        """The sheet's filled rows; a row the file stores once with a repeat count is handed out that many
        times (each a copy), its count checked against the row and cell bounds before the first copy."""
        handler = _Rows(name, self._value, self.guard, self.scientific)
        try:
            with self.archive.open("content.xml") as stream:
                for number, runs, repeat in parse(stream, handler, strip_prefixes=False):
                    row = _row(runs)
                    yield number, row
                    for offset in range(1, repeat):
                        copy = Row(row)
                        copy.filled = row.filled
                        yield number + offset, copy
        except BROKEN as exc:
            raise self.broken() from exc

    def _value(self, attrs: dict, text: str, ref: str, shown: ScientificFormat | None):
        kind = attrs.get("office:value-type")
        if kind is None:
            return UncachedFormula(ref) if "table:formula" in attrs else None
        if kind in NUMBER_TYPES:
            number = float(attrs.get("office:value", "nan"))
            if shown is not None and kind == "float":
                # "6,12E+08" when the digits behind it may be lost (a row error for a phone, IMPORT.md).
                value = scientific_cell(number, shown)
                if type(value) is str:
                    return value
            return int(number) if number.is_integer() and abs(number) < 1e15 else number
        if kind == "date":
            return datetime.datetime.fromisoformat(attrs["office:date-value"])
        if kind == "boolean":
            return attrs.get("office:boolean-value") == "true"
        return self.guard.text(attrs.get("office:string-value") or text, f"cel {ref}")
