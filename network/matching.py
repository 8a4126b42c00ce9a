"""Matching gemeente names as users type them ("Capelle a/d IJssel", "Gem. Dordrecht", "0599") to gemeenten."""

import difflib
import re
from collections.abc import Iterable

from .names import fold

_PREFIX = re.compile(r"^(gemeente|gem\.?)\s+")
_CODE = re.compile(r"^(?:gm)?\s*0*(\d{1,4})$")
# "a/d" and "a.d." → "aan den" ("Capelle a/d IJssel"); then everything but letters and digits goes.
_AAN_DEN_SLASH = re.compile(r"\ba\s*/\s*d\b\.?")
_AAN_DEN_DOTS = re.compile(r"\ba\.\s*d\.")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def gemeente_key(value: str) -> str:
    """Fold a gemeente name to a key that ignores case, accents, spacing, punctuation and common prefixes."""
    text = fold(value)
    text = _PREFIX.sub("", text)
    text = _AAN_DEN_SLASH.sub("aan den", text)
    text = _AAN_DEN_DOTS.sub("aan den", text)
    return _NOT_ALNUM.sub("", text)


def normalise_code(value: str) -> str | None:
    """ "GM0599", "gm 599", "0599" and "599" → "GM0599"; None when the value is no CBS code."""
    match = _CODE.match(fold(value).replace(" ", ""))
    return f"GM{int(match.group(1)):04d}" if match else None


class GemeenteMatcher:
    """Resolves typed names, aliases and CBS codes to gemeenten, built once from a list of gemeenten."""

    def __init__(self, gemeenten: Iterable):
        self.by_code = {}
        self.by_key = {}
        for gemeente in gemeenten:
            self.by_code[gemeente.code] = gemeente
            for name in (gemeente.name, gemeente.slug, *(gemeente.aliases or [])):
                self.by_key.setdefault(gemeente_key(name), gemeente)

    def match(self, value: str):
        """The gemeente meant by `value`, or None when nothing matches (never a guess)."""
        if not value or not str(value).strip():
            return None
        value = str(value)
        code = normalise_code(value)
        if code:
            return self.by_code.get(code)
        return self.by_key.get(gemeente_key(value))


def organisation_key(value: str) -> str:
    """Fold an organisation name like a gemeente's: "Gem. Gorinchem" = "Gemeente Gorinchem" = "gemeente  gorinchem"."""
    text = _PREFIX.sub("gemeente ", fold(value))
    text = _AAN_DEN_SLASH.sub("aan den", text)
    text = _AAN_DEN_DOTS.sub("aan den", text)
    return _NOT_ALNUM.sub("", text)


def _words(value: str) -> set[str]:
    return {word for word in _NOT_ALNUM.split(_PREFIX.sub("gemeente ", fold(value))) if word}


def organisations_look_alike(one: str, other: str) -> bool:
    """Whether two differently written organisation names probably mean the same organisation.

    "Politie Rotterdam" ~ "Politie Eenheid Rotterdam" (all words of the one in the other, at least two);
    "Gemeente Rotterdamm" ~ "Gemeente Rotterdam" (nearly the same letters). Not "Gemeente Schiedam" ~
    "Gemeente Rotterdam".
    """
    a, b = _words(one), _words(other)
    smaller = a if len(a) <= len(b) else b
    if len(smaller) >= 2 and (a <= b or b <= a):
        return True
    return difflib.SequenceMatcher(None, organisation_key(one), organisation_key(other)).ratio() >= 0.9
