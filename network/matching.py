"""Matching gemeente names as users type them ("Capelle a/d IJssel", "Gem. Dordrecht", "0599") to gemeenten."""

import re
from collections.abc import Iterable

from .names import fold

_PREFIX = re.compile(r"^(gemeente|gem\.?)\s+")
_CODE = re.compile(r"^(?:gm)?\s*0*(\d{1,4})$")


def gemeente_key(value: str) -> str:
    """Fold a gemeente name to a key that ignores case, accents, spacing, punctuation and common prefixes."""
    text = fold(value)
    text = _PREFIX.sub("", text)
    text = re.sub(r"\ba\s*/\s*d\b\.?", "aan den", text)
    text = re.sub(r"\ba\.\s*d\.", "aan den", text)
    return re.sub(r"[^0-9a-z]", "", text)


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
