"""The one guard against formula injection (CSV injection) in everything the registry writes to a spreadsheet.

A cell whose text starts with =, +, -, @, a tab or a carriage return would be run as a formula by Excel,
LibreOffice or Google Sheets (OWASP, "CSV Injection"). In .csv such a value gets a leading apostrophe,
which spreadsheets show as text and the importer removes again (`importing.values.cell_text`); in .xlsx
it is written as a text cell with Excel's quote prefix, so the cell shows the value unchanged and stays
text when someone edits it. Headers go through the same guard as values.
"""

import datetime

from openpyxl.cell import WriteOnlyCell

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read `text` as the start of a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def guard_csv(value) -> str:
    """A value as the text of a .csv cell: dates as Dutch dates, formula-like text behind an apostrophe.

    Numbers are checked as text too (`-2` becomes `'-2`): in a .csv everything is text to the reader.
    """
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    return f"'{text}" if is_formula_like(text) else text


def guard_xlsx(sheet, value):
    """A value for a write-only .xlsx sheet: formula-like text as a quote-prefixed text cell, dates as dates.

    Numbers and booleans stay typed values (a number cell is never a formula); any other object is
    written as its text.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD-MM-YYYY" if not isinstance(value, datetime.datetime) else "DD-MM-YYYY HH:MM"
        return cell
    if isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else str(value)
    if is_formula_like(text):
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return text
