"""The sheet and the rows a person would pick (IMPORT.md "Which sheet", "Which row is the header",
"Which rows are data"): the active visible sheet or the first other visible one holding a list, the row
naming the most known columns, and the rows that are section headings or totals rather than people.
"""

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..names import fold
from .columns import HEADER_SEARCH_ROWS, ColumnMap, find_header, map_columns
from .errors import ImportFileError
from .readers import Book, UncachedFormula, clip
from .values import cell_text

# A list needs one column that identifies a person.
IDENTITY_FIELDS = ("email", "full_name", "last_name")
# A totals row starts with one of these words: "Totaal", "Subtotaal: 12", "Aantal deelnemers", "Total".
_TOTAL = re.compile(r"(sub)?tota+l\b|aantal\b|som\b")
_TOTAL_INITIALS = set("staSTA")


def _filled(cell) -> bool:
    """The cell holds something (a formula without a value too); cheap, as it runs for every cell."""
    if type(cell) is str:
        return bool(cell.strip())
    return isinstance(cell, UncachedFormula) or bool(cell_text(cell))


@dataclass
class SheetList:
    """The list found in a file: its sheet (None for a CSV), column map and data rows (number, cells)."""

    sheet: str | None
    cmap: ColumnMap
    rows: Iterator[tuple[int, list]]
    warnings: list[str] = field(default_factory=list)


def _candidates(book: Book, file_name: str, requested: str | None) -> list[str]:
    names = [sheet.name for sheet in book.sheets]
    if requested:
        if requested not in names:
            raise ImportFileError(f"Het werkblad '{clip(requested)}' bestaat niet in {file_name}. {_sheet_names(book)}")
        return [requested]
    visible = [sheet.name for sheet in book.sheets if sheet.visible]
    if not visible:
        raise ImportFileError(f"{file_name} bevat geen zichtbare werkbladen.")
    active = book.sheets[book.active] if 0 <= book.active < len(book.sheets) else None
    first = active.name if active is not None and active.visible else visible[0]
    return [first] + [name for name in visible if name != first]


def _sheet_names(book: Book) -> str:
    shown = ", ".join(f"'{clip(sheet.name, 40)}'" for sheet in book.sheets if sheet.visible)
    hidden = ", ".join(f"'{clip(sheet.name, 40)}'" for sheet in book.sheets if not sheet.visible)
    text = f"Werkbladen in het bestand: {shown or 'geen'}"
    if hidden:
        text += f" (verborgen, niet gelezen: {hidden})"
    return text + ". Noem het werkblad met de lijst met --sheet NAAM (op de website en in de API: Werkblad)."


def find_list(book: Book, file_name: str, requested: str | None = None) -> SheetList:
    """The sheet holding the list, its header mapped; raises ImportFileError naming the sheets when none does."""
    is_csv = [sheet.name for sheet in book.sheets] == [""]
    candidates = _candidates(book, file_name, None if is_csv else requested)
    reason = f"In {file_name} staat geen kopregel met bekende kolommen (zoals Naam, E-mail, Organisatie)."
    for name in candidates:
        rows = book.rows(name)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        index = find_header([cells for _, cells in head])
        if index is None:
            continue
        cmap = map_columns(head[index][1], index)
        if not any(field_name in cmap.columns for field_name in IDENTITY_FIELDS):
            reason = f"{file_name} heeft geen kolom met een naam of e-mailadres."
            continue
        found = SheetList(sheet=None if is_csv else name, cmap=cmap, rows=itertools.chain(head[index + 1 :], rows))
        if name != candidates[0]:
            first, read = clip(candidates[0], 40), clip(name, 40)
            found.warnings.append(f"Het werkblad '{first}' bevat geen lijst; gelezen is het werkblad '{read}'.")
        return found
    if is_csv:
        raise ImportFileError(reason)
    raise ImportFileError(f"{reason} {_sheet_names(book)}")


def skipped_row_reason(cells: list, cmap: ColumnMap) -> str | None:
    """Why the row is no person, or None: a totals row, or a section heading (one filled cell, in the first
    column or outside the list's columns, in a list of several columns). The message quotes the row."""
    filled = [(index, cell) for index, cell in enumerate(cells) if _filled(cell)]
    if not filled:
        return None
    first_index, first = filled[0]
    if any(type(cell) is str and "@" in cell for _, cell in filled):
        return None
    text = cell_text(first)
    if text[:1] in _TOTAL_INITIALS and _TOTAL.match(fold(text)):
        return f"Totaalregel overgeslagen: '{clip(text)}'."
    mapped = set(cmap.columns.values())
    if (
        len(filled) == 1
        and len(cmap.columns) > 1
        and not isinstance(first, UncachedFormula)
        and (first_index == 0 or first_index not in mapped)
    ):
        return f"Tussenkop overgeslagen: '{clip(text)}'."
    return None
