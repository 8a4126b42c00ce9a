"""Which column means what: header synonyms (IMPORT.md), the header row, and the column mapping."""

import re
from dataclasses import dataclass, field

from ..names import fold
from .values import cell_text

# field → the headers that mean it, as Excel lists, Outlook and Google Contacts write them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("Voornaam", "Roepnaam", "First Name", "Given Name"),
    "tussenvoegsel": ("Tussenvoegsel", "Tussenvoegsels", "Voorvoegsel", "Middle Name", "Additional Name"),
    "last_name": ("Achternaam", "Last Name", "Family Name", "Surname"),
    "full_name": ("Naam", "Volledige naam", "Contactpersoon", "Name", "Full Name"),
    "email": ("E-mail", "E-mailadres", "Email", "Mail", "E-mail Address", "E-mail 1 - Value"),
    "phone": ("Telefoon", "Telefoonnummer", "Tel", "Tel.", "Business Phone", "Phone 1 - Value"),
    "mobile": ("Mobiel", "Mobiel nummer", "06", "Mobile Phone"),
    "organisation": (
        "Organisatie",
        "Organisation",
        "Organization",
        "Company",
        "Werkgever",
        "Organization Name",
        "Organization 1 - Name",
    ),
    "job_title": ("Functie", "Job Title", "Organization Title", "Organization 1 - Title"),
    "gemeente": ("Gemeente", "Namens gemeente", "Municipality", "Werkgebied"),
    "network": ("Netwerk", "Network", "Overleg"),
    "role": ("Rol", "Role"),
    "start_date": ("Startdatum", "Vanaf", "Start", "Ingangsdatum"),
    "end_date": ("Einddatum", "Tot", "End"),
    "notes": ("Opmerkingen", "Notities", "Notes"),
}

# "Naam" next to a first-name column is the last name, on its own it is the whole name.
DUTCH_NAAM = "naam"

NAME_FIELDS = ("first_name", "tussenvoegsel", "last_name", "full_name")


def header_key(text) -> str:
    """Ignore case, accents, spaces, dashes, underscores and dots (and a trailing colon or asterisk)."""
    return re.sub(r"[\s\-_.:*]", "", fold(cell_text(text)))


HEADER_FIELDS: dict[str, str] = {header_key(header): name for name, headers in SYNONYMS.items() for header in headers}

# How far down a sheet the header row is looked for: titles, notes and group headings above it are a few rows.
HEADER_SEARCH_ROWS = 20


@dataclass
class ColumnMap:
    header_index: int
    columns: dict[str, int]  # field → column index
    headers: dict[str, str]  # field → header as written in the file, for messages
    ignored: list[str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.columns


def _known_fields(row) -> int:
    return len({HEADER_FIELDS[key] for key in (header_key(cell) for cell in row) if key in HEADER_FIELDS})


def find_header(table: list[list]) -> int | None:
    """The row (among the first HEADER_SEARCH_ROWS) naming the most known columns, the first of equals; None
    when no row names any. Merged group headings above the header ("Persoon", "Werk") name fewer. IMPORT.md."""
    best, best_count = None, 0
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        count = _known_fields(row)
        if count > best_count:
            best, best_count = index, count
    return best


def map_columns(header_row: list, header_index: int) -> ColumnMap:
    keys = [header_key(cell) for cell in header_row]
    has_first_name = any(HEADER_FIELDS.get(key) == "first_name" for key in keys)
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, (cell, key) in enumerate(zip(header_row, keys, strict=True)):
        if not key:
            continue
        name = HEADER_FIELDS.get(key)
        if key == DUTCH_NAAM and has_first_name and "last_name" not in columns:
            name = "last_name"
        if name is None or name in columns:
            ignored.append(str(cell).strip())
            continue
        columns[name] = index
        headers[name] = str(cell).strip()
    return ColumnMap(header_index=header_index, columns=columns, headers=headers, ignored=ignored)
