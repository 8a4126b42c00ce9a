"""The one parser for a date a client types (`?date=` on the web and in the API, API date fields).

    on = parse_registry_date("2021-03-01")   # datetime.date(2021, 3, 1)
    parse_registry_date("9999-12-31")        # raises InvalidDate("Kies een datum tussen 1900 en 2999.")

Dates are ISO (JJJJ-MM-DD) and lie between 1 January 1900 and 31 December 2999: services count days and
quarters back and forth from them (coverage, sync imports), which years 1 and 9999 would overflow.
"""

import datetime
import re

EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The same rule for an OpenAPI schema (JSON Schema has no date range): the years 1900 to 2999.
SCHEMA_PATTERN = r"^(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
FORMAT_MESSAGE = "Ongeldige datum: gebruik JJJJ-MM-DD."
RANGE_MESSAGE = "Kies een datum tussen 1900 en 2999."


class InvalidDate(ValueError):
    """A date the registry cannot use; `str(error)` is the Dutch message for the user."""


def check_registry_range(value: datetime.date) -> datetime.date:
    """`value` itself when it lies from EARLIEST to LATEST inclusive; raises InvalidDate otherwise."""
    if not EARLIEST <= value <= LATEST:
        raise InvalidDate(RANGE_MESSAGE)
    return value


def parse_registry_date(text: str) -> datetime.date:
    """An ISO date (JJJJ-MM-DD) within the registry's years; raises InvalidDate with a Dutch message."""
    text = text.strip() if isinstance(text, str) else ""
    if not ISO_DATE.fullmatch(text):
        raise InvalidDate(FORMAT_MESSAGE)
    try:
        value = datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidDate(FORMAT_MESSAGE) from exc
    return check_registry_range(value)
