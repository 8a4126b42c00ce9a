"""Which column means what: header synonyms (IMPORT.md), the header row, and the column mapping.

The mapping is detected from the headers and can be changed by the user (`overrides`: header → field);
`header_set_hash` identifies a set of headers, so a chosen mapping can be proposed again.
"""

import functools
import hashlib
import re
from dataclasses import dataclass, field

from ..names import fold
from .values import cell_text

# field → the headers that mean it, as Excel lists, Outlook and Google Contacts write them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("Voornaam", "Roepnaam", "First Name", "Given Name"),
    "initials": ("Voorletters", "Voorletter", "Initialen", "Initials"),
    "titles": ("Titel", "Titels", "Aanhef", "Titulatuur", "Aanspreektitel", "Name Prefix", "Title", "Salutation"),
    "titles_after": ("Achtervoegsel", "Name Suffix", "Suffix"),
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
    "full_name": ("Naam", "Volledige naam", "Contactpersoon", "Naam contactpersoon", "Name", "Full Name"),
    "email": (
        "E-mail",
        "E-mailadres",
        "Email",
        "Mail",
        "Mailadres",
        "E-mail werk",
        "Contact e-mail",
        "E-mail contactpersoon",
        "E-mail Address",
        "E-mail 1 - Value",
    ),
    "phone": (
        "Telefoon",
        "Telefoonnummer",
        "Telefoonnr.",
        "Tel",
        "Tel.",
        "Tel. nr.",
        "Telnr.",
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
        "Naam organisatie",
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

# A longer header that names a known field (IMPORT.md "Columns"), read word by word after the exact synonyms:
# words that say whose value it is ("E-mail contactpersoon", "Functie deelnemer") are left out; "naam" of an
# organisation, gemeente or network is that field ("Naam organisatie", "Company name"); e-mail, mobile and phone
# are recognised by a keyword ("Zakelijk e-mailadres", "Telefoonnummer secretariaat", "Mobiel werk").
_WHOSE = frozenset({"contactpersoon", "contact", "persoon", "deelnemer", "medewerker", "aanvrager", "person"})
_NAME_WORDS = frozenset({"naam", "name"})
_LINK_WORDS = frozenset({"van", "de", "het", "der", "of", "the"})
_NAMED_FIELDS = frozenset({"organisation", "gemeente", "network"})
# A header with one of these words is about something else than the field its keyword names: a label or type
# column, a display name, a fax or a private number.
_OTHER_THAN = frozenset(
    {
        "label", "type", "soort", "display", "weergavenaam", "weergave", "fax", "prive", "home", "thuis", "privaat",
        "nieuwsbrief", "toestemming",
    }
)  # fmt: skip
_KEYWORD_HEADER_LENGTH = 40
_E_MAIL = re.compile(r"\be[\s_-]*mail")
_WORDS = re.compile(r"[a-z0-9]+")


def _email_word(word: str) -> bool:
    return word == "mail" or word.startswith("email") or word.endswith("mailadres")


def _phone_words(words: set[str]) -> bool:
    if any("telefoon" in word for word in words) or words & {"telnr", "phone", "telephone"}:
        return True
    return "tel" in words and bool(words & {"nr", "nummer", "no"})


@functools.lru_cache(maxsize=1024)
def keyword_field(text: str) -> str | None:
    """The field a header that is no exact synonym still names, or None: "E-mail contactpersoon" → "email",
    "Naam organisatie" → "organisation", "Telefoonnr. secretariaat" → "phone", "Naam deelnemer" → "naam" (the
    caller decides full or last name, as for DUTCH_NAAM). Conservative: a header with an "@", over 40
    characters, or about a label, type, display name, fax or private number names nothing."""
    if "@" in text or len(text) > _KEYWORD_HEADER_LENGTH:
        return None
    words = _WORDS.findall(_E_MAIL.sub("email", fold(text)))
    present = set(words)
    if not words or present & _OTHER_THAN:
        return None
    own = [word for word in words if word not in _WHOSE]
    if own != words and "".join(own) in HEADER_FIELDS:
        key = "".join(own)
        return DUTCH_NAAM if key == DUTCH_NAAM else HEADER_FIELDS[key]
    named = "".join(word for word in own if word not in _NAME_WORDS and word not in _LINK_WORDS)
    if present & _NAME_WORDS and HEADER_FIELDS.get(named) in _NAMED_FIELDS:
        return HEADER_FIELDS[named]
    if present & _NAME_WORDS:
        return None
    if any(_email_word(word) for word in words):
        return "email"
    if any(word.startswith(("mobiel", "mobile")) for word in words) or "gsm" in present:
        return "mobile"
    if _phone_words(present):
        return "phone"
    return None


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


def _known_fields(row, chosen: dict[str, str]) -> tuple[int, int, bool]:
    """(how many columns of `row` are exact synonyms or chosen, how many more a keyword names, whether one
    identifies a person); `chosen` (header key → field, the user's mapping) counts as exact."""
    keys = [header_key(cell) for cell in row]
    fields = {HEADER_FIELDS[key] for key in keys if key in HEADER_FIELDS and key not in chosen}
    mapped = [chosen[key] for key in keys if key in chosen]
    named = {
        keyword_field(cell_text(cell))
        for cell, key in zip(row, keys, strict=True)
        if key and key not in HEADER_FIELDS and key not in chosen
    }
    named = {_resolve_naam(name, False) for name in named if name} - fields
    identity = any(name in IDENTITY_FIELDS for name in (*fields, *mapped, *named))
    return len(fields) + len(mapped), len(named), identity


def _resolve_naam(name: str, has_first_name: bool) -> str:
    if name != DUTCH_NAAM:
        return name
    return "last_name" if has_first_name else "full_name"


def find_header(table: list[list], overrides: dict[str, str] | None = None) -> int | None:
    """The row (among the first HEADER_SEARCH_ROWS) naming the most known columns, the first of equals; None
    when no row names any. One column is enough when it identifies a person (an e-mail column alone is a
    list); a row naming a single other column ("Titel", "Gemeente") is a title, not a header. Headers the
    user mapped (`overrides`, header → field) count as known; headers a keyword names (`keyword_field`) count
    too, in a row with at least one exact synonym. Merged group headings above the header ("Persoon", "Werk")
    name fewer. IMPORT.md "Which row is the header"."""
    chosen = {header_key(header): name for header, name in (overrides or {}).items()}
    best, best_count = None, 0
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        exact, named, identity = _known_fields(row, chosen)
        count = exact + named
        # A keyword alone never makes a header: a title row "E-mailadressen deelnemers" is none.
        if not exact or (count < 2 and not identity):
            continue
        if count > best_count:
            best, best_count = index, count
    return best


def map_columns(header_row: list, header_index: int, overrides: dict[str, str] | None = None) -> ColumnMap:
    """The columns' fields: the user's `overrides` (header → field, "" to ignore) first, then the exact synonyms,
    then what a keyword names (`keyword_field`) for a field no column has yet. A column whose field another
    column already has is ignored (listed in `ignored`), except a further phone or mobile column of the exact
    synonyms, which is a fallback."""
    keys = [header_key(cell) for cell in header_row]
    chosen = {header_key(header): name for header, name in (overrides or {}).items()}
    named = [
        keyword_field(cell_text(cell)) if key and key not in chosen and key not in HEADER_FIELDS else None
        for cell, key in zip(header_row, keys, strict=True)
    ]
    has_first_name = (
        "first_name" in chosen.values()
        or any(HEADER_FIELDS.get(key) == "first_name" and key not in chosen for key in keys)
        or "first_name" in named
    )
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    fallbacks: dict[str, list[int]] = {}
    proposed: dict[int, str] = {}

    def take(index: int, name: str) -> None:
        columns[name] = index
        headers[name] = str(header_row[index]).strip()
        proposed[index] = name

    # Chosen fields first, so a chosen column wins over a synonym elsewhere in the row.
    for index, key in enumerate(keys):
        if chosen.get(key) and chosen[key] not in columns:
            take(index, chosen[key])
    for index, key in enumerate(keys):
        if not key or key in chosen:
            continue
        name = HEADER_FIELDS.get(key)
        if key == DUTCH_NAAM and has_first_name and "last_name" not in columns:
            name = "last_name"
        if name in columns and name in FALLBACK_FIELDS:
            fallbacks.setdefault(name, []).append(index)
            proposed[index] = name
        elif name is not None and name not in columns:
            take(index, name)
    for index, name in enumerate(named):
        name = _resolve_naam(name, has_first_name) if name else None
        if name is not None and name not in columns:
            take(index, name)
    ignored: list[str] = []
    mapping: list[tuple[str, str]] = []
    for index, key in enumerate(keys):
        if not key:
            continue
        text = str(header_row[index]).strip()
        name = proposed.get(index, IGNORE)
        if not name:
            ignored.append(text)
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
