"""E-mail addresses and phone numbers as people type them into a list (IMPORT.md, "Values").

Each parser returns the value to store and what to tell the user: `(value, warning, error)`, where a
warning keeps the row and an error refuses it. Messages are Dutch and quote at most a short prefix.
"""

import re
from email.utils import getaddresses

import email_validator
import phonenumbers

# Google Contacts joins several values of one field with " ::: ".
_GOOGLE_JOIN = " ::: "
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
PHONE_REGION = "NL"
QUOTE_LIMIT = 60


def quote(value: str) -> str:
    """A value for a message: at most QUOTE_LIMIT characters, so a message never grows with a hostile cell."""
    return value if len(value) <= QUOTE_LIMIT else value[: QUOTE_LIMIT - 1] + "…"


def _addresses(text: str) -> list[str]:
    """The addresses in a cell, in order: `a; b`, `a, b`, `a ::: b`, `Name <a>`, `"Last, First" <a>`."""
    parts = text.split(_GOOGLE_JOIN)
    found = []
    for part in parts:
        # getaddresses splits on commas outside quotes; a semicolon is Outlook's separator.
        for _name, address in getaddresses([part.replace(";", ",")]):
            address = address.strip().removeprefix("mailto:").strip()
            if address:
                found.append(address)
    return found


def parse_email(text: str) -> tuple[str, str, str]:
    """(address, warning, error) for an e-mail cell; the address lower-cased as email-validator normalises it.

    "Pim Kuiper <pim@example.nl>" → the address with a warning; "a@x.nl; b@x.nl" → the first, with a
    warning naming the others; an address that email-validator refuses is an error. An empty cell → ("", "", "").
    """
    text = text.strip()
    if not text:
        return "", "", ""
    plain = text.lower().removeprefix("mailto:").strip()
    addresses = [plain] if re.fullmatch(r"[^\s<>\",;:]+@[^\s<>\",;]+", plain) else _addresses(text)
    if not addresses:
        return "", "", "Dit is geen geldig e-mailadres."
    first, others = addresses[0], addresses[1:]
    try:
        address = email_validator.validate_email(first, check_deliverability=False).normalized.lower()
    except email_validator.EmailNotValidError:
        return "", "", "Dit is geen geldig e-mailadres."
    warning = ""
    if others:
        warning = f"Meerdere e-mailadressen in één cel; {address} gebruikt, niet: {quote(', '.join(others))}."
    elif address != plain:
        warning = f"Het e-mailadres {address} is uit '{quote(text)}' gehaald."
    return address, warning, ""


def parse_phone(text: str) -> tuple[str, str, str]:
    """(number, warning, error) for a phone cell.

    Stored format: a Dutch number in national notation as phonenumbers writes it ("010 412 3456",
    "06 12345678"), any other country's in international notation ("+32 2 555 12 12"). A number cell
    that lost its leading 0 (104123456) or kept its country code without + (31612345678) gets it back.
    A value in scientific notation (6,12346E+08: digits Excel already lost) is an error; a value
    phonenumbers cannot read as a valid number is kept as typed, with a warning.
    """
    text = text.strip()
    if not text:
        return "", "", ""
    if _SCIENTIFIC.match(text.replace(" ", "")):
        return (
            "",
            "",
            (
                f"'{quote(text)}' is een nummer in wetenschappelijke notatie; de cijfers zijn verloren. "
                "Maak de kolom tekst in Excel en typ het nummer opnieuw."
            ),
        )
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return text, f"'{quote(text)}' is geen geldig telefoonnummer; opgeslagen zoals het er staat.", ""
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == PHONE_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style), "", ""
