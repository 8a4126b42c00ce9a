"""Dutch personal names: splitting a full name, sorting on the last name, comparing for duplicates."""

import re
import unicodedata
from typing import NamedTuple

from .text import normalise_text

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
    return normalise_text(value or "")


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


_BRACKETED = re.compile(r"\(([^()]*)\)")
# One given name as written in brackets: capitalised letters, maybe joined by a hyphen or apostrophe ("Hans-Peter").
_ROEPNAAM = re.compile(r"[^\W\d_][^\W\d_]*(?:[-'][^\W\d_]+)*")


def roepnaam_apart(name: str, *, trailing: bool = True) -> tuple[str, str]:
    """(the roepnaam in brackets or "", `name` without its bracketed parts): "J.W. (Hans) de Vries" → ("Hans",
    "J.W. de Vries"). A roepnaam is one capitalised given name; with `trailing` False, brackets at the end of
    the name ("Jan Jansen (Noord)") hold no roepnaam. Unbalanced brackets leave `name` as it is."""
    text = _clean(name)
    if text.count("(") != text.count(")"):
        return "", text
    roepnaam = ""
    for match in _BRACKETED.finditer(text):
        inner = match.group(1).strip()
        at_end = not text[match.end() :].strip()
        if (
            not roepnaam
            and (trailing or not at_end)
            and _ROEPNAAM.fullmatch(inner)
            and inner[0].isupper()
            and not (len(inner) > 1 and inner.isupper())
            and not _is_title(inner)
        ):
            roepnaam = inner
    return roepnaam, _clean(_BRACKETED.sub(" ", text))


def split_name(full_name: str) -> NameParts:
    """Split a name as Dutch lists write it.

    "Jan van der Berg" → ("Jan", "van der", "Berg"); "Berg, Jan van der" → same;
    "J. van der Berg" → ("J.", "van der", "Berg"); "Lotte van 't Hof" → ("Lotte", "van 't", "Hof").
    A roepnaam in brackets is the first name, in place of the initials: "T. (Tom) Hendriks" → ("Tom", "",
    "Hendriks"), so the name matches a list that gives "Tom" and a letter reads "Geachte heer Hendriks"; other
    bracketed text ("(secr.)", "(Gemeente X)") is no part of the name.
    """
    name = _clean(full_name)
    roepnaam = ""
    if "(" in name:
        roepnaam, name = roepnaam_apart(name, trailing="," in name)
    parts = _split_bare_name(name)
    return parts._replace(first_name=roepnaam) if roepnaam else parts


def _split_bare_name(name: str) -> NameParts:
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
    while index < len(words) - 1 and _DOTTED_INITIALS.fullmatch(words[index]):
        first_words.append(words[index])
        index += 1
    tussen, rest = _split_tussenvoegsel(words[index:])
    return NameParts(" ".join(first_words), tussen, " ".join(rest))


def strip_accents(value: str) -> str:
    if value.isascii():
        return value
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


def fold(value: str) -> str:
    """Case-, accent- and whitespace-insensitive form of a text, for comparing."""
    return _clean(strip_accents(value or "")).casefold()


def sort_key(first_name: str, tussenvoegsel: str, last_name: str) -> tuple[str, str, str]:
    """Dutch filing order: on the last name without tussenvoegsel ("van der Berg" under B)."""
    return (fold(last_name), fold(first_name), fold(tussenvoegsel))


def name_key(first_name: str, tussenvoegsel: str, last_name: str) -> str:
    """Normalised full name for duplicate detection: "Jan van der Berg" == "JAN VAN DER BERG" == "Jàn van der  Berg";
    initials in any spelling are one form ("J. P." == "JP" == "J.P.")."""
    first = fold(normalise_initials(first_name))
    return " ".join(part for part in (first, fold(tussenvoegsel), fold(last_name)) if part)


def split_filing_last_name(last_name: str, tussenvoegsel: str = "") -> tuple[str, str]:
    """A last-name cell as (tussenvoegsel, last name), also in filing form.

    "Berg, van den" → ("van den", "Berg"); "Dijk van" → ("van", "Dijk"); "van Dijk" → ("van", "Dijk");
    "Berg" → ("", "Berg"). A cell that is all particles keeps its last word as the last name.
    With the `tussenvoegsel` of its own column, the cell keeps it and loses a repetition of it (any case, in
    filing form or in front): ("Vries de", "de") and ("Berg,van der", "van der") → the tussenvoegsel and
    "Vries" / "Berg"; other particles in the cell stay as they are.
    """
    name = _clean(last_name)
    if tussenvoegsel:
        return tussenvoegsel, _without_repeated_tussenvoegsel(name, tussenvoegsel)
    if "," in name:
        last, _, particles = (part.strip() for part in name.partition(","))
        words = particles.split()
        if last and words and all(word.lower() in _PARTICLES for word in words):
            return " ".join(w.lower() for w in words), last
    words = name.split()
    if words and words[0].lower() not in _PARTICLES:
        cut = len(words)
        while cut > 1 and words[cut - 1].lower() in _PARTICLES:
            cut -= 1
        if cut < len(words):
            return " ".join(w.lower() for w in words[cut:]), " ".join(words[:cut])
    return split_last_name(name)


def _without_repeated_tussenvoegsel(name: str, tussenvoegsel: str) -> str:
    wanted = fold(tussenvoegsel).split()
    if "," in name:
        last, _, particles = (part.strip() for part in name.partition(","))
        if last and fold(particles).split() == wanted:
            return last
    words = name.split()
    size = len(wanted)
    if len(words) > size:
        if [fold(word) for word in words[-size:]] == wanted:
            return " ".join(words[:-size])
        if [fold(word) for word in words[:size]] == wanted:
            return " ".join(words[size:])
    return name


_SINGLE_LETTERS = re.compile(r"(?:[A-Za-z]\.?\s*){1,6}")
_LETTERS_ONLY = re.compile(r"[A-Z]{2,4}")
_SPACES_AND_DOTS = re.compile(r"[\s.]+")
_VOWELS = re.compile(r"[AEIOUY]")
_DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def normalise_initials(first_name: str) -> str:
    """Initials in one form: "J.P.", "J. P.", "J P", "j.p." and "JP" → "J.P."; any other name unchanged.

    Letters without dots count as initials when they are one letter, or 2–4 capitals without a vowel
    or of two letters ("JP", "AB"; not "JAN", which is a shouted name). A roepnaam in brackets is the first
    name, in place of the initials: "T. (Tom)" → "Tom" (see `split_name`).
    """
    text = _clean(first_name)
    if "(" in text:
        roepnaam, rest = roepnaam_apart(text)
        text = roepnaam or rest
    if not text:
        return text
    letters = _SPACES_AND_DOTS.sub("", text)
    dotted_or_spaced = "." in text or " " in text
    if (
        dotted_or_spaced
        and _SINGLE_LETTERS.fullmatch(text)
        and all(len(part) == 1 for part in _SPACES_AND_DOTS.split(text) if part)
    ):
        return "".join(f"{letter.upper()}." for letter in letters)
    if len(letters) == 1 and letters.isalpha():
        return f"{letters.upper()}."
    if not dotted_or_spaced and _LETTERS_ONLY.fullmatch(text) and (len(text) == 2 or not _VOWELS.search(text)):
        return "".join(f"{letter}." for letter in text)
    return text


# Salutations, academic titles and offices written before a name; post-nominals written after it.
# Compared folded and without dots, so "Mevr." = "mevr" = "MEVR.".
PREFIX_TITLES = frozenset(
    {
        "dhr", "heer", "mevr", "mevrouw", "mw", "mej", "mejuffrouw", "fam", "mr", "mrs", "ms", "drs", "dr", "ir",
        "ing", "prof", "bc", "bacc", "ds", "lic", "burgemeester", "loco-burgemeester", "locoburgemeester",
        "wethouder", "gedeputeerde", "griffier", "gemeentesecretaris", "secretaris", "minister",
        "staatssecretaris", "hoofdcommissaris", "commissaris", "hoofdofficier", "officier", "raadslid",
        "kamerlid", "sir", "jhr", "jkvr", "dominee", "pastoor", "zr", "br",
    }
)  # fmt: skip
POSTNOMINALS = frozenset(
    {
        "msc", "ma", "bsc", "ba", "llm", "llb", "mba", "phd", "mpa", "mph", "md", "ra", "rc", "emia", "cpc",
        "mcm", "mmo", "mres", "med", "bed", "bba", "bc", "ad", "mfa", "msw", "eng", "jr", "sr", "mpm", "cisa",
        "cissp", "ceh", "cipp/e", "cipm",
    }
)  # fmt: skip
# Two-letter post-nominals that are also words or names ("Ma", "Ad") count only in capitals.
_CAPITALS_ONLY = frozenset({"ma", "ba", "md", "ra", "rc", "ad", "jr", "sr"})
# Titles that are also surnames ("Kees de Heer", "J. Mr", "Bas Ing"): alone in a cell and without a dot, a name.
_SURNAME_LIKE = frozenset(
    {
        "heer", "mr", "ms", "mrs", "dr", "ir", "ing", "ds", "sir", "br", "zr", "bc", "lic", "bacc", "dominee",
        "pastoor", "eng", "med", "bed", *_CAPITALS_ONLY,
    }
)  # fmt: skip
# A word cut at its dots, each piece with its dot: "mr.drs.C.J." → "mr.", "drs.", "C.", "J.".
_DOTTED_PIECES = re.compile(r"[^.]+\.?")


def _title_word(word: str) -> str:
    return fold(word).replace(".", "").strip(",()")


def _is_title(word: str) -> bool:
    """Whether `word` is one title as written: a prefix title, or a post-nominal (in capitals where it is also a
    name)."""
    key = _title_word(word)
    if key in PREFIX_TITLES:
        return True
    return key in POSTNOMINALS and (key not in _CAPITALS_ONLY or word.replace(".", "").strip(",()").isupper())


def _joined_titles(word: str) -> tuple[list[str], str]:
    """Titles written together without a space, apart from the rest of the word, as (titles, rest):
    "mr.drs." → (["mr.", "drs."], ""); "ing.MSc" → (["ing.", "MSc"], ""); "Mr.dr.J.P." → (["Mr.", "dr."],
    "J.P."); a word that starts with no title, or is a single title, → ([], word)."""
    if "." not in word[:-1]:  # the usual word: no dot, or one at its end
        return [], word
    pieces = _DOTTED_PIECES.findall(word)
    if len(pieces) < 2:
        return [], word
    cut = 0
    while cut < len(pieces) and pieces[cut].endswith(".") and _is_title(pieces[cut]):
        cut += 1
    if cut == len(pieces) - 1 and _is_title(pieces[-1]):
        cut = len(pieces)
    if not cut:
        return [], word
    return pieces[:cut], "".join(pieces[cut:])


def _lone_title(word: str) -> bool:
    """Whether a word left alone as the name is a title all the same: titles written together ("mr.drs."), an
    abbreviation with its dot ("Dhr.", "Mr."), or a title that is no surname ("Wethouder", "Mevrouw", "MSc")."""
    titles, rest = _joined_titles(word)
    if titles and not rest:
        return True
    return _is_title(word) and ("." in word or _title_word(word) not in _SURNAME_LIKE)


def split_titles(name: str) -> tuple[str, str]:
    """A name cell's titles apart from the name, as (titles, the bare name); titles keep their spelling.

    "Dhr. J. de Vries" → ("Dhr.", "J. de Vries"); "Mevr. drs. A.B. Jansen" → ("Mevr. drs.", "A.B. Jansen");
    "ing. P. van Dam MSc" → ("ing. MSc", "P. van Dam"); "de heer Jan Smit" → ("de heer", "Jan Smit");
    titles written together are taken apart: "mr.drs. C.J. de Wit" → ("mr. drs.", "C.J. de Wit").
    A cell that holds only titles has no name: "Wethouder" → ("Wethouder", ""), "Dhr. Mr." → ("Dhr. Mr.", "");
    but a title that is also a surname, alone and without a dot, stays the name: "Heer", "Mr", "Ing", "Ma".
    Prefixes come first in the titles, post-nominals after.
    """
    words = _clean(name).split()
    before: list[str] = []
    while words:
        joined, rest = _joined_titles(words[0])
        if len(words) == 1 and not (joined and rest):
            break
        if len(words) > 2 and fold(words[0]) == "de" and _title_word(words[1]) == "heer":
            before += words[:2]
            words = words[2:]
        elif joined:
            before += joined
            words = [rest, *words[1:]] if rest else words[1:]
        elif _title_word(words[0]) in PREFIX_TITLES:
            before.append(words.pop(0))
        else:
            break
    after: list[str] = []
    while len(words) > 1:
        word = words[-1].strip(",")
        joined, rest = _joined_titles(word)
        if joined and not rest:
            after[:0] = joined
        elif _is_title(word) and _title_word(word) in POSTNOMINALS:
            after.insert(0, word)
        else:
            break
        words.pop()
        words[-1] = words[-1].rstrip(",")
    if len(words) == 1 and _lone_title(words[0]):
        joined, _ = _joined_titles(words[0])
        pieces = joined or words
        if all(_title_word(piece) in POSTNOMINALS for piece in pieces) and before:
            after[:0] = pieces
        else:
            before += pieces
        words = []
    return " ".join(before + after), " ".join(words)
