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

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
# Something with an "@" between the characters that separate, bracket or quote addresses in a cell: newlines,
# tabs and spaces, ";" and "," (Outlook), " ::: " (Google), " / ", <…>, (…), […], "…" ('…' is taken off after).
_ADDRESS_LIKE = re.compile(r"[^\s<>()\[\]\",;]+@[^\s<>()\[\]\",;]+")
_ONE_ADDRESS = re.compile(r"[^\s<>\",;:]+@[^\s<>\",;]+")
_JOINED = re.compile(r"/|\||:::")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_NON_DIGITS = re.compile(r"\D")
PHONE_REGION = "NL"
_DUTCH_CODE = 31
# An address email-validator accepts as it is (plain ASCII, no quoting, no IP literal): checked by this pattern
# alone, which is 20× faster on a 100 000-row list; anything else goes through email-validator.
_PLAIN_ADDRESS = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]"
)
_DUTCH_DIGITS = re.compile(r"[\d\s().+-]+")


def _candidates(text: str) -> list[str]:
    """What looks like an address in a cell, in order, with the quotes, a "mailto:" and a closing full stop
    around it taken off: "Eva Bos (eva@x.nl)", "'eva@x.nl'", "a@x.nl / b@x.nl", "Smit, Anna <a@x.nl>"."""
    found = []
    for match in _ADDRESS_LIKE.finditer(text):
        token = match.group()
        # Two addresses without a space between them: "a@x.nl/b@x.nl", "a@x.nl:::b@x.nl".
        for part in _JOINED.split(token) if token.count("@") > 1 else [token]:
            address = _MAILTO.sub("", part.strip("'`")).rstrip(".:'")
            if "@" in address:
                found.append(address)
    return found


def _folded_addresses(text: str) -> list[str]:
    """The addresses the standard library reads in a cell whose address has a space in it ("a@example .nl")."""
    return [address for _name, address in getaddresses([text.replace(";", ",")]) if "@" in address]


def _valid(address: str) -> str:
    """`address` as email-validator normalises it, lower-cased; "" when it is no valid address."""
    plain = _plain_address(address.lower())
    if plain:
        return plain
    try:
        return email_validator.validate_email(address, check_deliverability=False).normalized.lower()
    except email_validator.EmailNotValidError:
        return ""


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

    The addresses are found whatever separates, brackets or quotes them: "Pim Kuiper <pim@example.nl>",
    "Kuiper, Pim <pim@example.nl>", "Pim Kuiper (pim@example.nl)", "'pim@example.nl'" → the address, with a
    warning quoting the cell; "a@x.nl; b@x.nl" (also ",", " ::: ", " / ", a tab or a new line in the cell) →
    the first valid one, with a warning naming the others. A cell without a valid address is an error.
    An empty cell → ("", "", "").
    """
    text = text.strip()
    if not text:
        return "", "", ""
    plain = text.lower().removeprefix("mailto:").strip()
    if _ONE_ADDRESS.fullmatch(plain):
        address = _valid(plain)
        if address == plain:
            return address, "", ""
    candidates = _candidates(text)
    valid = [(candidate, address) for candidate in candidates if (address := _valid(candidate))]
    if not valid:
        candidates = _folded_addresses(text)
        valid = [(candidate, address) for candidate in candidates if (address := _valid(candidate))]
    if not valid:
        return "", "", "Dit is geen geldig e-mailadres."
    first, address = valid[0]
    others = [candidate for candidate in candidates if candidate != first]
    if others:
        warning = f"Meerdere e-mailadressen in één cel; {address} gebruikt, niet: {clip(', '.join(others))}."
    elif address != plain:
        warning = f"Het e-mailadres {address} is uit '{clip(text)}' gehaald."
    else:
        warning = ""
    return address, warning, ""


def parse_phone(text: str) -> tuple[str, str, str]:
    """(number, warning, error) for a phone cell.

    Stored format: a Dutch number in national notation as phonenumbers writes it ("010 412 3456",
    "06 12345678"), any other country's in international notation ("+32 2 555 12 12"), as phonenumbers reads
    it (valid, or of a length that country's numbers have: its lists of numbers in use lag). A number cell
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
    if number.country_code == _DUTCH_CODE:
        if not phonenumbers.is_valid_number(number):
            return ""
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    # Another country's number counts when its length fits that country's numbers: phonenumbers' ranges of
    # numbers in use lag behind (it refuses +32 2 123 45 67, a Brussels number in the Belgian plan).
    if not (phonenumbers.is_valid_number(number) or _possible(number)):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _possible(number: phonenumbers.PhoneNumber) -> bool:
    reason = phonenumbers.is_possible_number_with_reason(number)
    return reason == phonenumbers.ValidationResult.IS_POSSIBLE and phonenumbers.region_code_for_number(number) != (
        phonenumbers.UNKNOWN_REGION
    )


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
