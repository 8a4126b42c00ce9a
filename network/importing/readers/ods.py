"""Reading .ods row by row from content.xml, like the .xlsx reader: memory and time follow the cells
present, never the repeat counts LibreOffice writes for the empty rest of a sheet.

Sheets hidden through their table style (table:display="false") are known but not read unless named;
the active sheet comes from settings.xml. Formulas are never evaluated: a formula cell gives the value
LibreOffice stored for it, or an UncachedFormula.
"""

import datetime
from collections.abc import Iterator

from defusedxml import ElementTree as SafeElementTree
from django.conf import settings

from ..errors import ImportFileError
from .book import Book, SheetInfo, UncachedFormula, trim
from .limits import CellGuard, clip, column_letters
from .sheetxml import parse
from .xlsx import BROKEN, SMALL_PART_BYTES, check_zip

MAX_COLUMNS = 16_384
NUMBER_TYPES = ("float", "percentage", "currency")


class _Tables:
    """First pass: the sheets in order, and the table styles that hide a sheet."""

    def __init__(self):
        self.ready: list = []
        self.names: list[str] = []
        self.styles: dict[str, str] = {}
        self.hidden_styles: set[str] = set()
        self.style: str | None = None

    def start(self, name, attrs):
        if name == "style:style":
            self.style = attrs.get("style:name") if attrs.get("style:family") == "table" else None
        elif name == "style:table-properties" and self.style and attrs.get("table:display") == "false":
            self.hidden_styles.add(self.style)
        elif name == "table:table":
            sheet = attrs.get("table:name", f"Blad{len(self.names) + 1}")
            self.names.append(sheet)
            self.styles[sheet] = attrs.get("table:style-name", "")

    def end(self, name):
        pass

    def chars(self, data):
        pass


class _Rows:
    """Second pass: the rows of one sheet as (row number, {column: value}) in `ready`."""

    def __init__(self, sheet: str, value):
        self.sheet = sheet
        self.value = value
        self.ready: list = []
        self.inside = False
        self.number = 0
        self.repeat = 1
        self.cells: dict[int, object] = {}
        self.column = 0
        self.cell: dict | None = None
        self.paragraphs: list[str] = []
        self.text: list[str] | None = None
        self.annotation = 0

    def start(self, name, attrs):
        if name == "table:table":
            self.inside = attrs.get("table:name") == self.sheet
        elif not self.inside:
            return
        elif name == "table:table-row":
            self.repeat = int(attrs.get("table:number-rows-repeated") or 1)
            self.cells, self.column = {}, 0
        elif name in ("table:table-cell", "table:covered-table-cell"):
            self.cell, self.paragraphs = attrs, []
        elif name == "office:annotation":
            self.annotation += 1
        elif self.annotation:
            return
        elif name == "text:p" and self.cell is not None:
            self.text = []
        elif name == "text:s" and self.text is not None:
            self.text.append(" " * int(attrs.get("text:c") or 1))
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
            attrs, repeat = self.cell, int(self.cell.get("table:number-columns-repeated") or 1)
            value = self.value(attrs, "\n".join(self.paragraphs), f"{column_letters(self.column)}{self.number + 1}")
            if value is not None:
                for column in range(self.column, min(self.column + repeat, MAX_COLUMNS)):
                    self.cells[column] = value
            self.column += repeat
            self.cell = None
        elif name == "table:table-row":
            if self.cells:
                if self.repeat > settings.IMPORT_MAX_ROWS:
                    raise ImportFileError(
                        f"Het werkblad '{clip(self.sheet, 40)}' herhaalt een rij {self.repeat} keer; "
                        "het wordt niet gelezen."
                    )
                self.ready.extend((self.number + n + 1, self.cells) for n in range(self.repeat))
            self.number += self.repeat
        elif name == "table:table":
            self.inside = False

    def chars(self, data):
        if self.text is not None and not self.annotation:
            self.text.append(data)


class OdsBook(Book):
    def __init__(self, data: bytes, file_name: str, guard: CellGuard):
        self.file_name = file_name
        self.guard = guard
        self.archive = check_zip(data, file_name)
        try:
            tables = _Tables()
            with self.archive.open("content.xml") as stream:
                for _ in parse(stream, tables, strip_prefixes=False):
                    pass
            active = self._active_table()
        except BROKEN as exc:
            raise self.broken() from exc
        self.sheets = [SheetInfo(name, tables.styles[name] not in tables.hidden_styles) for name in tables.names]
        self.active = tables.names.index(active) if active in tables.names else 0

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
        try:
            with self.archive.open("content.xml") as stream:
                for number, cells in parse(stream, _Rows(name, self._value), strip_prefixes=False):
                    row = [None] * (max(cells) + 1)
                    for index, value in cells.items():
                        row[index] = value
                    row = trim(row)
                    if row:
                        yield number, row
        except BROKEN as exc:
            raise self.broken() from exc

    def _value(self, attrs: dict, text: str, ref: str):
        kind = attrs.get("office:value-type")
        if kind is None:
            return UncachedFormula(ref) if "table:formula" in attrs else None
        if kind in NUMBER_TYPES:
            number = float(attrs.get("office:value", "nan"))
            return int(number) if number.is_integer() and abs(number) < 1e15 else number
        if kind == "date":
            return datetime.datetime.fromisoformat(attrs["office:date-value"])
        if kind == "boolean":
            return attrs.get("office:boolean-value") == "true"
        return self.guard.text(attrs.get("office:string-value") or text, f"cel {ref}")
