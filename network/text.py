"""Text as people type and paste it, made plain before it is matched or stored (IMPORT.md, "Values").

Typographic apostrophes and quotes become `'` and `"`; non-breaking, zero-width and other odd spaces,
tabs, line breaks and the other whitespace control characters become one plain space; the control
characters that are not whitespace (a bell, an escape, C1 controls, bidirectional overrides) are dropped;
the result is stripped.
"""

import re

# ’ ‘ ‚ ‛ ` ´ ′ and the modifier letters Word uses → '; “ ” „ ‟ « » ″ → ".
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2019\u2018\u201a\u201b\u0060\u00b4\u2032\u02bc\u02bb", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    }
)
# Characters that take no room, dropped: C0 controls that are not whitespace (U+0000–U+0008, U+000E–U+001B:
# bell, backspace, escape…; FileMaker's and Excel's `_x0007_`), DEL and the C1 controls but NEL
# (U+007F–U+0084, U+0086–U+009F); zero-width space/joiners, direction marks and overrides, word joiner and
# invisible operators, BOM, soft hyphen.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Every kind of space → one space: NBSP, narrow NBSP, figure space, ideographic space, and the whitespace
# controls (tab, line feed, vertical tab, form feed, carriage return, the separators U+001C–U+001F that
# FileMaker puts between repeated values, NEL, U+2028 and U+2029), all of which `\s` matches.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u3000]+")


def normalise_text(value: str) -> str:
    """`value` with plain quotes and single plain spaces, stripped; control characters that are no whitespace
    dropped. "’t  Hoen\u00a0" → "'t Hoen"; "Anna\x07" → "Anna"; "Jan\vPeter" → "Jan Peter"."""
    if not value:
        return ""
    if value.isascii() and value.isprintable() and "  " not in value and "`" not in value:
        return value.strip()  # the usual cell: nothing to replace (a 100 000-row list has a million of them)
    text = _INVISIBLE.sub("", value.translate(_QUOTES))
    return _SPACES.sub(" ", text).strip()
