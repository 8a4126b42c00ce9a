"""Which column means what: header synonyms (IMPORT.md), the header row, and the column mapping.

The mapping is detected from the headers and can be changed by the user (`overrides`: header → field);
`header_set_hash` identifies a set of headers, so a chosen mapping can be proposed again.
"""

import hashlib
import re
from dataclasses import dataclass, field

from ..names import fold
from .values import cell_text

# field → the headers that mean it, as Excel lists, Outlook and Google Contacts write them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("Voornaam", "Roepnaam", "First Name", "Given Name"),
    "initials": ("Voorletters", "Voorletter", "Initialen", "Initials"),
    "titles": ("Titel", "Titels", "Aanhef", "Titulatuur", "Aanspreektitel", "Name Prefix"),
    "titles_after": ("Achtervoegsel", "Name Suffix"),
    "tussenvoegsel": (
        "Tussenvoegsel",
        "Tussenvoegsels",
        "Voorvoegsel",
        "Voorvoegsels",
        "Tussenv.",
        "Middelste naam",
        "Middle Name",
        "Additional Name",
    ),
    "last_name": ("Achternaam", "Last Name", "Family Name", "Surname"),
    "full_name": ("Naam", "Volledige naam", "Contactpersoon", "Name", "Full Name"),
    "email": (
        "E-mail",
        "E-mailadres",
        "Email",
        "Mail",
        "Mailadres",
        "E-mail werk",
        "E-mail Address",
        "E-mail 1 - Value",
    ),
    "phone": (
        "Telefoon",
        "Telefoonnummer",
        "Tel",
        "Tel.",
        "Telefoon op werk",
        "Telefoon werk",
        "Telefoonnummer werk",
        "Werktelefoon",
        "Hoofdtelefoon bedrijf",
        "Vaste telefoon",
        "Business Phone",
        "Phone 1 - Value",
    ),
    "mobile": (
        "Mobiel",
        "Mobiel nummer",
        "Mobielnummer",
        "Mobiel nr.",
        "Mobiele telefoon",
        "Mobiel telefoonnummer",
        "06",
        "06-nummer",
        "Mobile Phone",
    ),
    "organisation": (
        "Organisatie",
        "Organisatienaam",
        "Bedrijf",
        "Bedrijfsnaam",
        "Instantie",
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
    "notes": ("Opmerkingen", "Opmerking", "Notities", "Notitie", "Toelichting", "Notes"),
}

# "Naam" next to a first-name column is the last name, on its own it is the whole name.
DUTCH_NAAM = "naam"

NAME_FIELDS = ("first_name", "tussenvoegsel", "last_name", "full_name")

# Left out of a header when it is compared: spaces, dashes, underscores, dots, a colon or an asterisk.
_HEADER_NOISE = re.compile(r"[\s\-_.:*]")


def header_key(text) -> str:
    """Ignore case, accents, spaces, dashes, underscores and dots (and a trailing colon or asterisk)."""
    return _HEADER_NOISE.sub("", fold(cell_text(text)))


HEADER_FIELDS: dict[str, str] = {header_key(header): name for name, headers in SYNONYMS.items() for header in headers}

# The field names a user gives when changing the mapping (CLI `--column "KOP=veld"`, API `columns`, web, admin):
# Dutch as the user reads them, the English field names too; "negeren" (or nothing) leaves the column out.
FIELD_CHOICES: dict[str, str] = {
    "first_name": "voornaam",
    "initials": "voorletters",
    "titles": "aanhef/titulatuur",
    "titles_after": "titels achter de naam",
    "tussenvoegsel": "tussenvoegsel",
    "last_name": "achternaam",
    "full_name": "naam",
    "email": "e-mail",
    "phone": "telefoon",
    "mobile": "mobiel",
    "organisation": "organisatie",
    "job_title": "functie",
    "gemeente": "gemeente",
    "network": "netwerk",
    "role": "rol",
    "start_date": "startdatum",
    "end_date": "einddatum",
    "notes": "opmerkingen",
}
IGNORE = ""
_FIELD_WORDS = {
    **{header_key(name): name for name in FIELD_CHOICES},
    **{header_key(label): name for name, label in FIELD_CHOICES.items()},
    header_key("aanhef"): "titles",
    header_key("titels"): "titles",
    header_key("volledige naam"): "full_name",
    header_key("negeren"): IGNORE,
    header_key("geen"): IGNORE,
}


def field_for(word: str) -> str | None:
    """The field a user means by `word` ("achternaam", "last_name", "negeren" → ""), or None when unknown."""
    return _FIELD_WORDS.get(header_key(word))


def header_set_hash(header_row: list) -> str:
    """SHA-256 of the normalised, non-empty headers in order: the same headers however spelled → the same key."""
    keys = [header_key(cell) for cell in header_row]
    return hashlib.sha256("\x1f".join(key for key in keys if key).encode()).hexdigest()


# How far down a sheet the header row is looked for: titles, notes and group headings above it are a few rows.
HEADER_SEARCH_ROWS = 20


# A field that several columns may fill: the first non-empty one counts (Outlook has "Hoofdtelefoon bedrijf"
# and "Telefoon op werk"; a row fills one of them).
FALLBACK_FIELDS = frozenset({"phone", "mobile"})


@dataclass
class ColumnMap:
    header_index: int
    columns: dict[str, int]  # field → column index
    headers: dict[str, str]  # field → header as written in the file, for messages
    ignored: list[str] = field(default_factory=list)
    fallbacks: dict[str, list[int]] = field(default_factory=dict)  # field → further columns, in order
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (header, field or "") per non-empty header
    header_hash: str = ""
    chosen: bool = False  # the user chose (part of) the mapping, now or for these headers before

    def has(self, name: str) -> bool:
        return name in self.columns


# A list needs one column that identifies a person.
IDENTITY_FIELDS = ("email", "full_name", "last_name")


def _known_fields(row, chosen: dict[str, str]) -> tuple[int, bool]:
    """(how many known columns `row` names, whether one identifies a person); `chosen` (header key → field,
    the user's mapping) counts as known."""
    keys = [header_key(cell) for cell in row]
    fields = {HEADER_FIELDS[key] for key in keys if key in HEADER_FIELDS and key not in chosen}
    mapped = [chosen[key] for key in keys if key in chosen]
    identity = any(name in IDENTITY_FIELDS for name in (*fields, *mapped))
    return len(fields) + len(mapped), identity


def find_header(table: list[list], overrides: dict[str, str] | None = None) -> int | None:
    """The row (among the first HEADER_SEARCH_ROWS) naming the most known columns, the first of equals; None
    when no row names any. One column is enough when it identifies a person (an e-mail column alone is a
    list); a row naming a single other column ("Titel", "Gemeente") is a title, not a header. Headers the
    user mapped (`overrides`, header → field) count as known. Merged group headings above the header
    ("Persoon", "Werk") name fewer. IMPORT.md "Which row is the header"."""
    chosen = {header_key(header): name for header, name in (overrides or {}).items()}
    best, best_count = None, 0
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        count, identity = _known_fields(row, chosen)
        if count < 2 and not identity:
            continue
        if count > best_count:
            best, best_count = index, count
    return best


def map_columns(header_row: list, header_index: int, overrides: dict[str, str] | None = None) -> ColumnMap:
    """The columns' fields: the user's `overrides` (header → field, "" to ignore) first, then the synonyms."""
    keys = [header_key(cell) for cell in header_row]
    chosen = {header_key(header): name for header, name in (overrides or {}).items()}
    has_first_name = "first_name" in chosen.values() or any(
        HEADER_FIELDS.get(key) == "first_name" and key not in chosen for key in keys
    )
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    fallbacks: dict[str, list[int]] = {}
    ignored: list[str] = []
    mapping: list[tuple[str, str]] = []
    # Chosen fields first, so a chosen column wins over a synonym elsewhere in the row.
    for index, key in enumerate(keys):
        if chosen.get(key) and chosen[key] not in columns:
            columns[chosen[key]] = index
            headers[chosen[key]] = str(header_row[index]).strip()
    for index, (cell, key) in enumerate(zip(header_row, keys, strict=True)):
        if not key:
            continue
        text = str(cell).strip()
        if key in chosen:
            name = chosen[key]
            if not name or columns.get(name) != index:
                ignored.append(text)
                name = IGNORE
            mapping.append((text, name))
            continue
        name = HEADER_FIELDS.get(key)
        if key == DUTCH_NAAM and has_first_name and "last_name" not in columns:
            name = "last_name"
        if name in columns and name in FALLBACK_FIELDS:
            fallbacks.setdefault(name, []).append(index)
            mapping.append((text, name))
            continue
        if name is None or name in columns:
            ignored.append(text)
            mapping.append((text, IGNORE))
            continue
        columns[name] = index
        headers[name] = text
        mapping.append((text, name))
    return ColumnMap(
        header_index=header_index,
        columns=columns,
        headers=headers,
        ignored=ignored,
        fallbacks=fallbacks,
        mapping=mapping,
        header_hash=header_set_hash(header_row),
        chosen=bool(overrides),
    )
