"""What every reader hands the pipeline: a workbook's sheets and, per sheet, its rows one at a time."""

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple


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

    `rows(name)` yields (row number as the user sees it, Row of cell values) for the non-empty rows of a
    sheet, trailing empty cells left off; a cell is None, text, a number, a bool, a datetime or an
    UncachedFormula. Iterating raises ImportFileError when the file turns out to be broken or too big.
    """

    sheets: list[SheetInfo]
    active: int = 0
    # About how many rows the sheet being read has (for a progress bar only; 0: unknown).
    row_hint: int = 0

    def rows(self, name: str) -> Iterator[tuple[int, list]]:
        raise NotImplementedError


class Row(list):
    """A row's cells (a plain list: index = column) that also knows `filled`, the ascending indices of its
    non-blank cells, so that work per row follows the cells present, not a far-right cell's column."""

    __slots__ = ("filled",)


def is_blank(value) -> bool:
    """None or text of spaces only: a cell that holds nothing."""
    return value is None or (type(value) is str and not value.strip())


def row_of(cells: dict[int, object]) -> Row | None:
    """The Row holding `cells` ({column index: value}), trailing blank cells left off; None when all are blank.
    Costs one C-level allocation of the row's width plus a step per cell in `cells`."""
    filled = sorted(index for index, value in cells.items() if not is_blank(value))
    if not filled:
        return None
    last = filled[-1]
    row = Row([None] * (last + 1))
    for index, value in cells.items():
        if index <= last:
            row[index] = value
    row.filled = filled
    return row


def filled_indices(cells: list) -> list[int]:
    """The indices of the row's non-blank cells, ascending: a Row's own, else found by walking the list."""
    filled = getattr(cells, "filled", None)
    if filled is None:
        filled = [index for index, value in enumerate(cells) if not is_blank(value)]
    return filled


def trim(cells: list) -> list:
    """The row without its trailing empty cells (a stray space far to the right is not a column)."""
    end = len(cells)
    while end and (cells[end - 1] is None or (isinstance(cells[end - 1], str) and not cells[end - 1].strip())):
        end -= 1
    return cells[:end] if end < len(cells) else cells


class ScientificFormat(NamedTuple):
    """How a number format shows a number in scientific notation: digits after the decimal sign, at least
    this many exponent digits, the exponent a multiple of `step` (3: engineering "##0.0E+0"), the mantissa's
    integer digits otherwise, and whether a positive exponent gets a "+"."""

    decimals: int
    exponent_digits: int
    step: int = 1
    integer_digits: int = 1
    plus: bool = True


# Excel's built-in number formats in scientific notation (the same ids in .xlsx and .xls): 11 and 48.
BUILTIN_SCIENTIFIC = {11: "0.00E+00", 48: "##0.0E+0"}
# The significant digits a number written in scientific notation by a spreadsheet carries at most: Excel's
# General format shows 11 characters, "6,12346E+08".
SCIENTIFIC_TEXT_DIGITS = 6
_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_SCIENTIFIC_CODE = re.compile(r"([#0?,]*)(?:\.([#0?]*))?[eE]([+-])([#0?]+)")


def scientific_format(code: str) -> ScientificFormat | None:
    """The scientific notation an Excel number format code ("0.00E+00", "##0.0E+0") shows positive numbers
    in; None for any other format. Quoted text, [colours] and escaped characters are not read as the format."""
    plain = _LITERALS.sub("", code).split(";", 1)[0]
    found = _SCIENTIFIC_CODE.search(plain)
    if found is None:
        return None
    integer, decimals, sign, exponent = found.groups()
    integer = integer.replace(",", "")
    step = len(integer) if "#" in integer and len(integer) > 1 else 1
    return ScientificFormat(len(decimals or ""), len(exponent), step, max(1, integer.count("0")), sign == "+")


def scientific_cell(value: float, shown: ScientificFormat | None):
    """A number cell's value as handed out: the text it shows (`scientific_text`) when its format shows
    scientific notation and the digits behind it may be lost, else the number itself.

    Digits may be lost when the value has no more significant digits than a text in scientific notation
    carries (SCIENTIFIC_TEXT_DIGITS): Excel turns a CSV's "6,12346E+08" into 612346000 shown as "6,12E+08",
    and the phone number behind it is gone. A value with more significant digits (612345678 shown as
    "6,12E+08") was typed in full; its format only hides digits, and it stays a number.
    """
    if shown is None or not math.isfinite(value):
        return value
    mantissa = f"{abs(value):.14e}".partition("e")[0].replace(".", "").rstrip("0")
    return scientific_text(value, shown) if len(mantissa) <= SCIENTIFIC_TEXT_DIGITS else value


def scientific_text(value: float, shown: ScientificFormat) -> str:
    """`value` as a Dutch spreadsheet shows it in scientific notation: 612346000 with "0.00E+00" → "6,12E+08"."""
    integer_digits = shown.step if shown.step > 1 else shown.integer_digits
    if not value:
        return f"{0:.{shown.decimals}f}".replace(".", ",") + ("E+" if shown.plus else "E") + "0" * shown.exponent_digits
    exponent = math.floor(math.log10(abs(value)))
    for _ in range(2):  # a second time when rounding gave the mantissa one digit too many (9.999 → 10.00)
        exponent = exponent - exponent % shown.step if shown.step > 1 else exponent - (shown.integer_digits - 1)
        mantissa = f"{value / 10**exponent:.{shown.decimals}f}"
        if abs(float(mantissa)) < 10**integer_digits:
            break
        exponent += shown.step if shown.step > 1 else shown.integer_digits
    sign = "-" if exponent < 0 else "+" if shown.plus else ""
    return f"{mantissa.replace('.', ',')}E{sign}{abs(exponent):0{shown.exponent_digits}d}"
