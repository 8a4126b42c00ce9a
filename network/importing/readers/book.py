"""What every reader hands the pipeline: a workbook's sheets and, per sheet, its rows one at a time."""

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool


class UncachedFormula:
    """A formula cell without a stored (calculated) value: never an empty value, a row error naming the cell."""

    __slots__ = ("ref",)

    def __init__(self, ref: str):
        self.ref = ref

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"UncachedFormula({self.ref!r})"


class Book:
    """A file's sheets (`sheets`, in workbook order) and the one it opens on (`active`, an index).

    `rows(name)` yields (row number as the user sees it, list of cell values) for the non-empty rows of
    a sheet, trailing empty cells left off; a cell is None, text, a number, a bool, a datetime or an
    UncachedFormula. Iterating raises ImportFileError when the file turns out to be broken or too big.
    """

    sheets: list[SheetInfo]
    active: int = 0
    # About how many rows the sheet being read has (for a progress bar only; 0: unknown).
    row_hint: int = 0

    def rows(self, name: str) -> Iterator[tuple[int, list]]:
        raise NotImplementedError


def trim(cells: list) -> list:
    """The row without its trailing empty cells (a stray space far to the right is not a column)."""
    end = len(cells)
    while end and (cells[end - 1] is None or (isinstance(cells[end - 1], str) and not cells[end - 1].strip())):
        end -= 1
    return cells[:end] if end < len(cells) else cells
