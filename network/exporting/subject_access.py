"""An inzageverzoek (AVG art. 15) as files: everything `selectors.contact_subject_access` returns, as JSON and xlsx."""

import json

from .writers import write_workbook

SHEETS = (
    ("Rollen", "rollen"),
    ("Contactmomenten", "contactmomenten"),
    ("Historie contactpersoon", "historie contactpersoon"),
    ("Historie rollen", "historie rollen"),
    ("Evenementen", "evenementen"),
    ("Historie evenementen", "historie evenementen"),
)


def subject_access_json(data: dict) -> str:
    """The data as indented JSON text (UTF-8 safe, dates as ISO text)."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _value(value):
    """Nested history (changes, the stored record) as JSON text in one cell."""
    return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict) else value


def subject_access_workbook(data: dict) -> bytes:
    """The .xlsx: the contact's details as (Gegeven, Waarde) rows, then one sheet per list, "(geen)" when empty."""
    sheets = [("Contactpersoon", ["Gegeven", "Waarde"], [[k, _value(v)] for k, v in data["contactpersoon"].items()])]
    for title, key in SHEETS:
        rows = data.get(key, [])
        if not rows:
            sheets.append((title, ["(geen)"], []))
        else:
            sheets.append((title, list(rows[0]), [[_value(v) for v in row.values()] for row in rows]))
    return write_workbook(sheets)
