"""Finding and removing a person's traces in every text and JSON column, in every form they were written.

A person is matched in normalised forms: names case- and accent-insensitively with any spaces, commas, dots, hyphens
or underscores between the words ("lijst_van-der.Kwakkelstein.csv"), e-mail addresses case-insensitively, and
phone numbers by their digits whatever the notation (010-4567890, +31 10 456 78 90, 0031104567890,
+31 (0)10…). Each column is first narrowed down in the database with a regular expression both SQLite (Python's
`re`, registered by Django) and PostgreSQL understand; the exact replacement then runs in Python. Login attempts
(django-axes) that name the person are deleted, not rewritten: a rewritten username can collide with an
earlier `[verwijderd]` row under axes' unique (username, ip address, user agent).
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import phonenumbers
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

REDACTED = "[verwijderd]"

# CharFields that hold free text (copied names, file names, list names), not a structured value of another record.
# `contact` is the name an import row copied (ImportBatchRow), scrubbed like the JSON results it came from.
FREE_TEXT_CHARFIELDS = {"object_repr", "history_change_reason", "file_name", "list_name", "contact"}

# Rows that are only a record of someone's login attempts: deleted when they name the person.
DELETE_ON_MATCH = {"axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}

_SEPARATORS = r"[\s.,_-]+"
_PHONE_SEPARATORS = r"[\s.()/-]*"


def _accent_classes() -> dict[str, str]:
    """Each ASCII letter → a character class of it and its accented Latin forms: e → [eéèêë…]."""
    variants: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0].lower()
        if base.isascii() and base.isalpha():
            variants.setdefault(base, {base}).add(char.lower())
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in variants.items()}


_ACCENTS = _accent_classes()


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[0].lower()
    return _ACCENTS.get(base, re.escape(char))


def name_pattern(name: str) -> str:
    """A name's words in any case and accent, with any run of separators between them."""
    words = [word for word in re.split(_SEPARATORS, name.strip()) if word]
    return _SEPARATORS.join("".join(_fold_char(char) for char in word) for word in words)


def email_pattern(email: str) -> str:
    return re.escape(email.strip())


def phone_pattern(phone: str) -> str | None:
    """The number's digits after its country code, in any notation: +31 / 0031 / a national 0, any separators.

    None when the text is not a phone number (phonenumbers cannot parse it, taking NL as the default region).
    """
    try:
        number = phonenumbers.parse(phone, "NL")
    except phonenumbers.NumberParseException:
        return None
    national = str(number.national_number)
    if len(national) < 6:
        return None
    country = str(number.country_code)
    prefix = rf"(?:(?:\+|00)\s*{country}{_PHONE_SEPARATORS}(?:0{_PHONE_SEPARATORS})?|0{_PHONE_SEPARATORS})"
    return prefix + _PHONE_SEPARATORS.join(national)


@dataclass
class Traces:
    """What identifies one person: exact-form patterns for any column, bare surnames for free text only."""

    specific: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.specific or self.phones or self.surnames)

    def update(self, other: "Traces") -> None:
        self.specific |= other.specific
        self.phones |= other.phones
        self.surnames |= other.surnames

    def patterns(self, *, free_text: bool, for_database: bool) -> list[str]:
        # Phone digits must not be part of a longer number; lookarounds only where Python evaluates them.
        phones = self.phones if for_database else {rf"(?<![\d+]){p}(?!\d)" for p in self.phones}
        found = [*self.specific, *phones, *(self.surnames if free_text else ())]
        return sorted(found, key=len, reverse=True)


def _text_columns():
    """Every (model, field, is_json, is_free_text) of the database that can hold copied text, history included.

    Users are left out: a login account is not a contact, and erasing one is a separate decision. Sessions
    are signed and encoded; they expire on their own.
    """
    user_model = get_user_model()
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or model is user_model or meta.label == "sessions.Session":
            continue
        for fld in meta.concrete_fields:
            if isinstance(fld, models.JSONField):
                yield model, fld, True, True
            elif isinstance(fld, models.TextField):
                yield model, fld, False, True
            elif isinstance(fld, models.CharField) and not fld.choices:
                yield model, fld, False, fld.name in FREE_TEXT_CHARFIELDS


def _replace_in_json(value, pattern: re.Pattern):
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_replace_in_json(item, pattern) for item in value]
    if isinstance(value, dict):
        return {pattern.sub(REDACTED, key): _replace_in_json(item, pattern) for key, item in value.items()}
    return value


def _candidates(model, fld, is_json: bool, database_pattern: str) -> Iterable[tuple]:
    """(pk, value) of the rows whose column may hold a trace; JSON columns are read whole (escapes vary)."""
    manager = model._base_manager
    if is_json:
        return manager.exclude(**{f"{fld.attname}__isnull": True}).values_list("pk", fld.attname).iterator()
    return manager.filter(**{f"{fld.attname}__iregex": database_pattern}).values_list("pk", fld.attname)


def scrub_everywhere(traces: Traces) -> int:
    """Replace every trace in every text and JSON column, historical tables included; returns the rows changed.

    Rows of login attempts (`DELETE_ON_MATCH`) that hold a trace are deleted instead. Bare surnames are only
    replaced in free text, never in another record's structured fields, where the same word may well be
    somebody else's name.
    """
    if not traces:
        return 0
    changed = 0
    for model, fld, is_json, is_free_text in _text_columns():
        wanted = traces.patterns(free_text=is_free_text, for_database=True)
        if not wanted:
            continue
        exact = re.compile("|".join(traces.patterns(free_text=is_free_text, for_database=False)), re.IGNORECASE)
        replaced = {}
        # Collected first, written after: no row is changed while the query that found it is still being read.
        for pk, value in _candidates(model, fld, is_json, "|".join(f"(?:{p})" for p in wanted)):
            new = _replace_in_json(value, exact) if is_json else exact.sub(REDACTED, value)
            if new != value:
                replaced[pk] = new
        if replaced and model._meta.label_lower in DELETE_ON_MATCH:
            model._base_manager.filter(pk__in=list(replaced)).delete()
        else:
            for pk, new in replaced.items():
                model._base_manager.filter(pk=pk).update(**{fld.attname: new})
        changed += len(replaced)
    return changed
