"""The sheet and the rows a person would pick (IMPORT.md "Which sheet", "Which row is the header",
"Which rows are data"): the active visible sheet or the first other visible one holding a list, the row
naming the most known columns (the headers the user mapped count as known), its mapping (the user's, else
one remembered for these headers, else the synonyms), and the rows that are section headings or totals
rather than people.
"""

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..names import fold
from .columns import (
    HEADER_SEARCH_ROWS,
    IDENTITY_FIELDS,
    ColumnMap,
    find_header,
    header_key,
    header_set_hash,
    map_columns,
)
from .errors import ImportFileError
from .readers import Book, UncachedFormula, clip, filled_indices
from .values import cell_text

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


def _missing_header(header: list, overrides: dict[str, str]) -> str | None:
    """The first header the user mapped that is not in `header`, or None."""
    present = {header_key(cell) for cell in header}
    return next((name for name in overrides if header_key(name) not in present), None)


def find_list(
    book: Book,
    file_name: str,
    requested: str | None = None,
    *,
    overrides: dict[str, str] | None = None,
    remembered: Callable[[str], dict[str, str] | None] | None = None,
) -> SheetList:
    """The sheet holding the list, its header mapped; raises ImportFileError naming the sheets when none does.

    `overrides` (header → field, "" to ignore: the user's column choice) count as known headers when the
    header row is looked for, and must all be in it; without them `remembered(header_set_hash)` may give the
    mapping chosen before for the same headers (None: the synonyms alone).
    """
    is_csv = [sheet.name for sheet in book.sheets] == [""]
    candidates = _candidates(book, file_name, None if is_csv else requested)
    reason = f"In {file_name} staat geen kopregel met bekende kolommen (zoals Naam, E-mail, Organisatie)."
    for name in candidates:
        rows = book.rows(name)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        index = find_header([cells for _, cells in head], overrides)
        if index is None:
            continue
        header = head[index][1]
        chosen = overrides
        if overrides:
            missing = _missing_header(header, overrides)
            if missing is not None:
                reason = f"De kolom '{clip(missing)}' staat niet in de kopregel van {file_name}."
                continue
        elif remembered is not None:
            chosen = remembered(header_set_hash(header))
        cmap = map_columns(header, index, chosen)
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
    column or outside the list's columns, in a list of several columns). The message quotes the row.
    Work follows the row's filled cells (a reader's Row knows them), not the column of its last cell."""
    filled = [(index, cells[index]) for index in filled_indices(cells) if _filled(cells[index])]
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
