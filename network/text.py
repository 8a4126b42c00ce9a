"""Text as people type and paste it, made plain before it is matched or stored (IMPORT.md, "Values").

Typographic apostrophes and quotes become `'` and `"`; non-breaking, zero-width and other odd spaces,
tabs and line breaks become one plain space; the result is stripped.
"""

import re

# ’ ‘ ‚ ‛ ` ´ ′ and the modifier letters Word uses → '; “ ” „ ‟ « » ″ → ".
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2019\u2018\u201a\u201b\u0060\u00b4\u2032\u02bc\u02bb", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    }
)
# Characters that take no room: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of space (NBSP, narrow NBSP, figure space, ideographic space, tabs, line breaks) → one space.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u3000]+")


def normalise_text(value: str) -> str:
    """`value` with plain quotes and single plain spaces, stripped. "’t  Hoen\u00a0" → "'t Hoen"."""
    if not value:
        return ""
    if value.isascii() and value.isprintable() and "  " not in value and "`" not in value:
        return value.strip()  # the usual cell: nothing to replace (a 100 000-row list has a million of them)
    text = _INVISIBLE.sub("", value.translate(_QUOTES))
    return _SPACES.sub(" ", text).strip()
