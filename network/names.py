"""Dutch personal names: splitting a full name, sorting on the last name, comparing for duplicates."""

import re
import unicodedata
from typing import NamedTuple

# Longest first, so "van der" wins over "van".
TUSSENVOEGSELS = sorted(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ter",
        "ten",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "onder",
        "over",
        "voor",
        "la",
        "le",
        "du",
        "da",
        "di",
        "dos",
        "von",
        "zu",
        "d'",
        "l'",
        "van de",
        "van der",
        "van den",
        "van het",
        "van 't",
        "van ter",
        "van te",
        "in de",
        "in 't",
        "in het",
        "in den",
        "op de",
        "op den",
        "op het",
        "op 't",
        "uit de",
        "uit den",
        "uit het",
        "aan de",
        "aan den",
        "aan het",
        "bij de",
        "de la",
        "de le",
        "von der",
        "von dem",
    },
    key=lambda v: -len(v.split()),
)
_PARTICLES = {word for value in TUSSENVOEGSELS for word in value.split()}


class NameParts(NamedTuple):
    first_name: str
    tussenvoegsel: str
    last_name: str


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", (value or "").replace("\u00a0", " ")).strip()


def _split_tussenvoegsel(words: list[str]) -> tuple[str, list[str]]:
    """Take the longest leading run of particles that leaves at least one word for the last name."""
    run = 0
    while run < len(words) - 1 and words[run].lower() in _PARTICLES:
        run += 1
    return " ".join(w.lower() for w in words[:run]), words[run:]


def split_last_name(last_name: str) -> tuple[str, str]:
    """A last-name cell that starts with its tussenvoegsel, as (tussenvoegsel, last name).

    "van der Berg" → ("van der", "Berg"); "Berg" → ("", "Berg"); the last word is always the last name,
    so "Van" → ("", "Van"). The tussenvoegsel comes back in lower case, as `split_name` gives it.
    """
    tussen, rest = _split_tussenvoegsel(last_name.split())
    return tussen, " ".join(rest)


def split_name(full_name: str) -> NameParts:
    """Split a name as Dutch lists write it.

    "Jan van der Berg" → ("Jan", "van der", "Berg"); "Berg, Jan van der" → same;
    "J. van der Berg" → ("J.", "van der", "Berg"); "Lotte van 't Hof" → ("Lotte", "van 't", "Hof").
    """
    name = _clean(full_name)
    if not name:
        return NameParts("", "", "")
    if "," in name:
        last, _, given = (part.strip() for part in name.partition(","))
        given_words = given.split()
        # Trailing particles after the comma belong to the last name: "Berg, Jan van der".
        cut = len(given_words)
        while cut > 0 and given_words[cut - 1].lower() in _PARTICLES:
            cut -= 1
        first = " ".join(given_words[:cut])
        tussen = " ".join(w.lower() for w in given_words[cut:])
        last_words = last.split()
        leading, rest = _split_tussenvoegsel(last_words)
        if leading:
            tussen = " ".join(filter(None, (tussen, leading)))
            last = " ".join(rest)
        return NameParts(first, tussen, last)
    words = name.split()
    if len(words) == 1:
        return NameParts("", "", words[0])
    # The first name is the first word (initials like "J.P." stay together); particles follow.
    first_words = [words[0]]
    index = 1
    while index < len(words) - 1 and re.fullmatch(r"(?:[A-Za-z]\.)+", words[index]):
        first_words.append(words[index])
        index += 1
    tussen, rest = _split_tussenvoegsel(words[index:])
    return NameParts(" ".join(first_words), tussen, " ".join(rest))


def strip_accents(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


def fold(value: str) -> str:
    """Case-, accent- and whitespace-insensitive form of a text, for comparing."""
    return _clean(strip_accents(value or "")).casefold()


def sort_key(first_name: str, tussenvoegsel: str, last_name: str) -> tuple[str, str, str]:
    """Dutch filing order: on the last name without tussenvoegsel ("van der Berg" under B)."""
    return (fold(last_name), fold(first_name), fold(tussenvoegsel))


def name_key(first_name: str, tussenvoegsel: str, last_name: str) -> str:
    """Normalised full name for duplicate detection: "Jan van der Berg" == "JAN VAN DER BERG" == "Jàn van der  Berg"."""
    return " ".join(part for part in (fold(first_name), fold(tussenvoegsel), fold(last_name)) if part)
