"""Tables to bytes: `;`-separated CSV as Dutch Excel opens it, and .xlsx; every cell through the formula guard."""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .formulas import guard_csv, guard_xlsx

FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def write_csv(headers: Sequence, rows: Iterable[Sequence]) -> bytes:
    """`;`-separated UTF-8 with a byte order mark and CRLF: what Dutch Excel opens without asking."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([guard_csv(header) for header in headers])
    for row in rows:
        writer.writerow([guard_csv(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_workbook(sheets: Iterable[tuple[str, Sequence, Iterable[Sequence]]]) -> bytes:
    """An .xlsx with one sheet per (title, headers, rows); titles are cut to Excel's 31 characters.

    Each sheet opens with its bold header row frozen and an autofilter over the header and the rows.
    """
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.freeze_panes = "A2"
        sheet.append([_header_cell(sheet, header, bold) for header in headers])
        count = 0
        for row in rows:
            sheet.append([guard_xlsx(sheet, value) for value in row])
            count += 1
        if headers:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_cell(sheet, header, font) -> Cell | None:
    guarded = guard_xlsx(sheet, header)
    if guarded is None:
        return None
    cell = guarded if isinstance(guarded, Cell) else WriteOnlyCell(sheet, value=guarded)
    cell.font = font
    return cell


def write_xlsx(headers: Sequence, rows: Iterable[Sequence], *, sheet_title: str = "Lijst") -> bytes:
    return write_workbook([(sheet_title, headers, rows)])


def write_table(headers: Sequence, rows: Iterable[Sequence], fmt: str, *, sheet_title: str = "Lijst") -> bytes:
    """The table as `fmt` ("csv" or "xlsx"); raises ValueError for another format."""
    if fmt == "csv":
        return write_csv(headers, rows)
    if fmt == "xlsx":
        return write_xlsx(headers, rows, sheet_title=sheet_title)
    raise ValueError(f"Unknown export format: {fmt}")
