"""Turning cell values (text, numbers, real dates, Excel serials) into what the registry stores."""

import datetime
import re

from ..exporting.formulas import FORMULA_TRIGGERS
from ..text import normalise_text

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def cell_text(value) -> str:
    """A cell as text: numbers without a spurious ".0", dates as Dutch dates, an export's apostrophe removed,
    quotes and spaces made plain (`normalise_text`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y") if value.time() == datetime.time() else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    text = str(value).strip(" ")
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        # Our own export's guard: the value behind it is the registry's, exactly (a tab included).
        return text[1:]
    return normalise_text(text)


def parse_date(value) -> datetime.date:
    """A real spreadsheet date, an Excel serial, ISO `2021-03-01`, or Dutch `1-3-2021` / `1 maart 2021`.

    Raises ValueError when the value is none of these.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise ValueError(value)
    text = cell_text(value).lower()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    if match := _DUTCH.match(text):
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    if (match := _WORDS.match(text)) and match.group(2) in MONTHS:
        return datetime.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    raise ValueError(value)
