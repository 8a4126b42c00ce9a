"""Parsing a sheet's and the shared strings' XML with expat, one Python call per tag and no element tree:
the fastest way Python offers, and the memory of one row at a time.

A DTD (which OOXML never has) is refused before any entity could be expanded.
"""

import re
from collections.abc import Callable, Iterator
from xml.parsers import expat

CHUNK_BYTES = 256 * 1024
# A sheet's bounds in Excel 2007 and later: columns A … XFD, rows 1 … 1 048 576.
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576
_DIGITS = "0123456789"
_LETTERS = re.compile(r"[A-Z]{1,3}")
# Column letters → index, for the columns seen (at most MAX_COLUMNS entries, as only valid ones are kept).
_COLUMNS: dict[str, int] = {}


def _refuse_dtd(*args) -> None:
    raise ValueError("Een DTD hoort niet in een .xlsx-bestand.")


def _parser(handler, strip_prefixes: bool) -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = CHUNK_BYTES
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.CharacterDataHandler = handler.chars

    def root(name, attrs):
        # Most writers use the default namespace and the handlers compare plain names; for a document
        # with prefixed tags ("x:row") every name is stripped of its prefix first.
        if strip_prefixes and ":" in name:
            parser.StartElementHandler = lambda name, attrs: handler.start(local(name), attrs)
            parser.EndElementHandler = lambda name: handler.end(local(name))
        else:
            parser.StartElementHandler = handler.start
            parser.EndElementHandler = handler.end
        parser.StartElementHandler(name, attrs)

    parser.StartElementHandler = root
    parser.EndElementHandler = handler.end
    return parser


def parse(stream, handler, *, strip_prefixes: bool = True) -> Iterator:
    """Feed `stream` to a parser calling `handler`; yield what the handler put in `handler.ready` as it comes.

    With `strip_prefixes` the handler sees "row" for "x:row" (OOXML); without, names as written ("table:table",
    the prefixes every OpenDocument writer uses)."""
    parser = _parser(handler, strip_prefixes)
    ready = handler.ready
    while chunk := stream.read(CHUNK_BYTES):
        parser.Parse(chunk, False)
        yield from ready
        ready.clear()
    parser.Parse(b"", True)
    yield from ready
    ready.clear()


_LOCAL: dict[str, str] = {}


def local(name: str) -> str:
    """The tag without the namespace prefix a few writers use: "x:row" → "row"."""
    tag = _LOCAL.get(name)
    if tag is None:
        tag = _LOCAL[name] = name.rpartition(":")[2]
    return tag


def column_index(ref: str) -> int:
    """ "D5" → 3; ValueError for a reference that is no cell of a sheet (beyond column XFD or row 1 048 576,
    or not letters followed by digits): the file is damaged."""
    letters = ref.rstrip(_DIGITS)
    index = _COLUMNS.get(letters)
    if index is None:
        if not _LETTERS.fullmatch(letters.upper()):
            raise ValueError(f"cell reference {ref[:20]!r}")
        index = -1
        for letter in letters.upper():
            index = (index + 1) * 26 + ord(letter) - 65
        if index >= MAX_COLUMNS:
            raise ValueError(f"cell reference {ref[:20]!r}")
        _COLUMNS[letters] = index
    digits = ref[len(letters) :]
    if not digits or len(digits) > 7 or not 1 <= int(digits) <= MAX_ROWS:
        raise ValueError(f"cell reference {ref[:20]!r}")
    return index


def row_number(text: str) -> int:
    """A row's "r" attribute as a number; ValueError outside 1 … 1 048 576."""
    if not text.isdigit() or len(text) > 7 or not 1 <= int(text) <= MAX_ROWS:
        raise ValueError(f"row number {text[:20]!r}")
    return int(text)


class SharedStrings:
    """<si> items as text (phonetic runs left out); `ready` gets each string."""

    def __init__(self):
        self.ready: list[str] = []
        self.parts: list[str] | None = None
        self.text: list[str] | None = None
        self.phonetic = 0

    def start(self, tag, attrs):
        if tag == "si":
            self.parts = []
        elif tag == "t" and self.parts is not None and not self.phonetic:
            self.text = []
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, tag):
        if tag == "t" and self.text is not None:
            self.parts.append("".join(self.text))
            self.text = None
        elif tag == "si" and self.parts is not None:
            self.ready.append("".join(self.parts))
            self.parts = None
        elif tag == "rPh":
            self.phonetic -= 1

    def chars(self, data):
        if self.text is not None:
            self.text.append(data)


class SheetRows:
    """A sheet's rows: `ready` gets (row number, {column index: value}) for each row with a value.

    `value(kind, style, v, has_formula, inline_text, ref)` turns one cell's parts into its value (None: empty).
    """

    def __init__(self, value: Callable):
        self.value = value
        self.ready: list[tuple[int, dict]] = []
        self.row_hint = 0
        self.number = 0
        self.cells: dict[int, object] = {}
        self.column = -1
        self.text: list[str] | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0
        self.kind, self.style, self.ref, self.v, self.formula = "n", None, None, None, False

    def start(self, tag, attrs):
        if tag == "c":
            self.ref = attrs.get("r")
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.v, self.formula, self.inline = None, False, None
        elif tag == "v":
            self.text = []
        elif tag == "row":
            number = attrs.get("r")
            self.number = row_number(number) if number else self.number + 1
            self.cells, self.column = {}, -1
        elif tag == "f":
            self.formula = True
        elif tag == "is":
            self.inline = []
        elif tag == "t" and self.inline is not None and not self.phonetic:
            self.text = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "dimension":
            # Only for a progress bar: the declared size is not trusted for anything else.
            corner = (attrs.get("ref") or "").rpartition(":")[2].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$")
            self.row_hint = int(corner) if corner.isdigit() else 0

    def end(self, tag):
        if tag == "v":
            self.v = "".join(self.text)
            self.text = None
        elif tag == "c":
            ref = self.ref
            self.column = column_index(ref) if ref else self.column + 1
            if self.column >= MAX_COLUMNS:
                raise ValueError("more cells in a row than a sheet has columns")
            value = self.value(self.kind, self.style, self.v, self.formula, self.inline, ref or f"rij {self.number}")
            if value is not None:
                self.cells[self.column] = value
        elif tag == "row":
            if self.cells:
                self.ready.append((self.number, self.cells))
            self.cells = {}
        elif tag == "t" and self.text is not None:
            self.inline.append("".join(self.text))
            self.text = None
        elif tag == "rPh":
            self.phonetic -= 1

    def chars(self, data):
        if self.text is not None:
            self.text.append(data)
