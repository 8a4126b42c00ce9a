"""E-mail addresses and phone numbers as people type them into a list (IMPORT.md, "Values").

Each parser returns the value to store and what to tell the user: `(value, warning, error)`, where a
warning keeps the row and an error refuses it. Messages are Dutch and quote a value through `clip`.
"""

import functools
import re
from email.utils import getaddresses

import email_validator
import phonenumbers

from .readers import clip

# Google Contacts joins several values of one field with " ::: ".
_GOOGLE_JOIN = " ::: "
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_ONE_ADDRESS = re.compile(r"[^\s<>\",;:]+@[^\s<>\",;]+")
_NON_DIGITS = re.compile(r"\D")
PHONE_REGION = "NL"
# An address email-validator accepts as it is (plain ASCII, no quoting, no IP literal): checked by this pattern
# alone, which is 20× faster on a 100 000-row list; anything else goes through email-validator.
_PLAIN_ADDRESS = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]"
)
_DUTCH_DIGITS = re.compile(r"[\d\s().+-]+")


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


def _plain_address(address: str) -> str:
    """`address` when it is plain ASCII that email-validator would accept unchanged, else ""."""
    local, _, domain = address.partition("@")
    if len(address) > 254 or len(local) > 64 or not _PLAIN_ADDRESS.fullmatch(address):
        return ""
    if domain.rsplit(".", 1)[-1] in email_validator.SPECIAL_USE_DOMAIN_NAMES:
        return ""
    return address


def parse_email(text: str) -> tuple[str, str, str]:
    """(address, warning, error) for an e-mail cell; the address lower-cased as email-validator normalises it.

    "Pim Kuiper <pim@example.nl>" → the address with a warning; "a@x.nl; b@x.nl" → the first, with a
    warning naming the others; an address that email-validator refuses is an error. An empty cell → ("", "", "").
    """
    text = text.strip()
    if not text:
        return "", "", ""
    plain = text.lower().removeprefix("mailto:").strip()
    addresses = [plain] if _ONE_ADDRESS.fullmatch(plain) else _addresses(text)
    if not addresses:
        return "", "", "Dit is geen geldig e-mailadres."
    first, others = addresses[0], addresses[1:]
    address = _plain_address(first.lower())
    if not address:
        try:
            address = email_validator.validate_email(first, check_deliverability=False).normalized.lower()
        except email_validator.EmailNotValidError:
            return "", "", "Dit is geen geldig e-mailadres."
    warning = ""
    if others:
        warning = f"Meerdere e-mailadressen in één cel; {address} gebruikt, niet: {clip(', '.join(others))}."
    elif address != plain:
        warning = f"Het e-mailadres {address} is uit '{clip(text)}' gehaald."
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
                f"'{clip(text)}' is een nummer in wetenschappelijke notatie; de cijfers zijn verloren. "
                "Maak de kolom tekst in Excel en typ het nummer opnieuw."
            ),
        )
    national = _dutch_national_digits(text)
    if national:
        groups = _dutch_groups(national[:4], len(national))
        if groups:
            parts, start = [], 0
            for size in groups:
                parts.append(national[start : start + size])
                start += size
            return " ".join(parts), "", ""
    formatted = _format_phone(text)
    if not formatted:
        return text, f"'{clip(text)}' is geen geldig telefoonnummer; opgeslagen zoals het er staat.", ""
    return formatted, "", ""


def _format_phone(text: str) -> str:
    """phonenumbers' reading of `text` in the stored format, or "" when it is no valid number."""
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == PHONE_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def _dutch_national_digits(text: str) -> str:
    """A Dutch number's ten national digits ("0104123456") from the usual spellings, or "" when unsure."""
    if not _DUTCH_DIGITS.fullmatch(text) or "(" in text:
        return ""
    digits = _NON_DIGITS.sub("", text)
    if text.lstrip().startswith("+"):
        digits = "0" + digits[2:] if digits.startswith("31") else ""
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif len(digits) == 11 and digits.startswith("31"):
        digits = "0" + digits[2:]
    elif len(digits) == 9 and not digits.startswith("0"):
        digits = "0" + digits
    return digits if len(digits) == 10 and digits.startswith("0") and digits[1] != "0" else ""


@functools.lru_cache(maxsize=2048)
def _dutch_groups(prefix: str, length: int) -> tuple[int, ...] | None:
    """How phonenumbers groups a valid Dutch number that starts with these four digits and has this length
    (the grouping and the validity follow from the area code and the length); None when such a number is
    not valid. Asking phonenumbers once per prefix keeps a 100 000-row list fast."""
    formatted = _format_phone(prefix + "1" * (length - len(prefix)))
    if not formatted or formatted.startswith("+") or len(formatted.replace(" ", "")) != length:
        return None
    return tuple(len(part) for part in formatted.split(" "))
