"""Reading .xlsx row by row straight from the zip, in memory and time proportional to the cells present.

A sheet's declared dimension, its outer corner cell and the number of times a shared string is used
cost nothing beyond the cells themselves: rows are parsed one at a time with ElementTree's iterparse and
dropped once handed out (expat, sheetxml.py); trailing empty cells and empty rows are never produced. Formulas are never
evaluated: a formula cell gives the value Excel stored for it, or an UncachedFormula.
"""

import datetime
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree
from xml.parsers import expat

from defusedxml import ElementTree as SafeElementTree

from ..errors import ImportFileError
from .book import (
    BUILTIN_SCIENTIFIC,
    Book,
    ScientificFormat,
    SheetInfo,
    UncachedFormula,
    row_of,
    scientific_cell,
    scientific_format,
)
from .limits import CellGuard
from .sheetxml import SharedStrings, SheetRows, parse

# A zip whose content unpacks to more than this many times its own size is refused (zip bomb),
# once the unpacked size is past ZIP_RATIO_FLOOR: tiny files legitimately compress very well.
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR = 20 * 1024 * 1024
ZIP_MAX_UNPACKED = 1024 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000
# workbook.xml, styles.xml and the relationship files are small; a bigger one is not from office software.
SMALL_PART_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0"

# Number formats 14–22 and 45–47 are Excel's built-in date and time formats.
BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# What zip, zlib and the XML parser raise for a broken or lying file.
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, ElementTree.ParseError, expat.ExpatError, KeyError, ValueError,
          IndexError, NotImplementedError, RuntimeError, OSError)  # fmt: skip


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (transitional or strict OOXML)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text) if "_x" in text else text


def is_date_format(code: str) -> bool:
    """A number format that shows a date: d, m or y outside quoted text and [colour] sections."""
    return bool(re.search(r"[dmy]", _QUOTED_OR_BRACKETED.sub("", code).lower()))


def check_zip(data: bytes, file_name: str) -> zipfile.ZipFile:
    """The opened zip, once it is a zip without macros that does not unpack out of proportion."""
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            f"{file_name} is beveiligd met een wachtwoord of is een oud Excel-bestand; "
            "sla het op als .xlsx zonder wachtwoord."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise ImportFileError(f"{file_name} is geen geldig spreadsheetbestand en kan niet worden gelezen.") from exc
    members = archive.infolist()
    if len(members) > ZIP_MAX_MEMBERS:
        raise ImportFileError(f"{file_name} bevat verdacht veel onderdelen en wordt niet geopend.")
    if any(member.filename.lower().endswith("vbaproject.bin") for member in members):
        raise ImportFileError(f"{file_name} bevat macro's en wordt niet geïmporteerd; sla de lijst op zonder macro's.")
    unpacked = sum(member.file_size for member in members)
    if unpacked > ZIP_MAX_UNPACKED or (unpacked > ZIP_RATIO_FLOOR and unpacked > ZIP_MAX_RATIO * len(data)):
        raise ImportFileError(
            f"{file_name} pakt uit tot {unpacked // (1024 * 1024)} MB, buiten verhouding tot de bestandsgrootte, "
            "en wordt niet geopend."
        )
    return archive


class XlsxBook(Book):
    def __init__(self, data: bytes, file_name: str, guard: CellGuard):
        self.file_name = file_name
        self.guard = guard
        self.archive = check_zip(data, file_name)
        self._shared: list[str] | None = None
        try:
            self._read_workbook()
        except BROKEN as exc:
            raise self.broken() from exc

    def broken(self) -> ImportFileError:
        return ImportFileError(
            f"{self.file_name} is beschadigd of geen geldig .xlsx-bestand en kan niet worden gelezen."
        )

    def _small_xml(self, name: str):
        if self.archive.getinfo(name).file_size > SMALL_PART_BYTES:
            raise ValueError(name)
        return SafeElementTree.fromstring(self.archive.read(name), forbid_dtd=True)

    def _relationships(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.archive.NameToInfo:
            return {}
        targets = {}
        for rel in self._small_xml(rels_name):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            targets[rel.get("Id")] = (rel.get("Type", ""), path)
        return targets

    def _read_workbook(self) -> None:
        root_rels = self._relationships("")
        workbook = next(
            (path for kind, path in root_rels.values() if kind.endswith("/officeDocument")), "xl/workbook.xml"
        )
        rels = self._relationships(workbook)
        root = self._small_xml(workbook)
        self.date1904 = False
        self.sheets, self._paths, self.active = [], {}, 0
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "workbookPr":
                self.date1904 = element.get("date1904") in ("1", "true")
            elif tag == "workbookView" and not self.active:
                self.active = int(element.get("activeTab") or 0)
            elif tag == "sheet":
                name = element.get("name", "")
                self.sheets.append(SheetInfo(name=name, visible=element.get("state", "visible") == "visible"))
                self._paths[name] = rels[_attr(element, "id")][1]
        if not 0 <= self.active < len(self.sheets):
            self.active = 0
        self._shared_path = next(
            (path for kind, path in rels.values() if kind.endswith("/sharedStrings")), "xl/sharedStrings.xml"
        )
        self.date_styles: set[int] = set()
        # Cell style (the "s" attribute, as written) → the scientific notation its number format shows.
        self.scientific_styles: dict[str, ScientificFormat] = {}
        styles = next((path for kind, path in rels.values() if kind.endswith("/styles")), None)
        if styles and styles in self.archive.NameToInfo:
            self._read_styles(self._small_xml(styles))

    def _read_styles(self, root) -> None:
        custom_dates = set()
        scientific = {number: scientific_format(code) for number, code in BUILTIN_SCIENTIFIC.items()}
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "numFmt":
                code, number = element.get("formatCode", ""), int(element.get("numFmtId"))
                if is_date_format(code):
                    custom_dates.add(number)
                scientific[number] = scientific_format(code)
            elif tag == "cellXfs":
                for index, xf in enumerate(element):
                    number_format = int(xf.get("numFmtId") or 0)
                    if number_format in BUILTIN_DATE_FORMATS or number_format in custom_dates:
                        self.date_styles.add(index)
                    elif scientific.get(number_format) is not None:
                        self.scientific_styles[str(index)] = scientific[number_format]

    @property
    def shared(self) -> list[str]:
        """The shared strings, read once; their characters count against the file's bound."""
        if self._shared is None:
            self._shared = []
            if self._shared_path in self.archive.NameToInfo:
                self._read_shared(self._shared_path)
        return self._shared

    def _read_shared(self, name: str) -> None:
        with self.archive.open(name) as stream:
            for text in parse(stream, SharedStrings()):
                self._shared.append(self.guard.text(_unescape(text), f"gedeelde tekst {len(self._shared) + 1}"))

    def rows(self, name: str) -> Iterator[tuple[int, list]]:
        try:
            yield from self._rows(self._paths[name])
        except BROKEN as exc:
            raise self.broken() from exc

    def _rows(self, path: str) -> Iterator[tuple[int, list]]:
        handler = SheetRows(self._value)
        self.shared  # noqa: B018 - loaded before the rows, so _value reads the plain list
        with self.archive.open(path) as stream:
            for number, cells in parse(stream, handler):
                self.row_hint = handler.row_hint
                row = row_of(cells)
                if row is not None:
                    yield number, row

    def _value(self, kind: str, style: str | None, value: str | None, formula: bool, inline: list | None, ref: str):
        """One cell's value from its parts (type, style, <v>, whether it has <f>, inline text runs)."""
        if formula and (value is None or (value == "" and kind not in ("str", "inlineStr"))):
            return UncachedFormula(ref)
        if kind == "inlineStr":
            return self.guard.text(_unescape("".join(inline or ())), "cel ", ref)
        if value is None or value == "":
            return None
        if kind == "s":
            index = int(value)
            if not 0 <= index < len(self._shared):
                raise IndexError(f"shared string {index}")
            return self.guard.text(self._shared[index], "cel ", ref)
        if kind in ("str", "e"):
            return self.guard.text(_unescape(value), "cel ", ref)
        if kind == "b":
            return value in ("1", "true")
        if kind == "d":
            return datetime.datetime.fromisoformat(value)
        number = float(value) if any(ch in value for ch in ".eE") else int(value)
        if style:
            if int(style) in self.date_styles and 0 <= number < 2958466:
                epoch = datetime.datetime(1904, 1, 1) if self.date1904 else datetime.datetime(1899, 12, 30)
                return epoch + datetime.timedelta(days=number)
            shown = self.scientific_styles.get(style)
            if shown is not None:
                # "6,12E+08" when the digits behind it may be lost (a row error for a phone, IMPORT.md).
                return scientific_cell(number, shown)
        return number
