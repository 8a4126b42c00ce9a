"""Durations and timestamps as Teams and Zoom write them, in English and Dutch and in the en-US and nl-NL locales."""

import datetime
import re

from ..importing.columns import header_key

_UNITS = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "u": 3600, "uur": 3600, "uren": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "minuut": 60, "minuten": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "seconde": 1, "seconden": 1,
}  # fmt: skip
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_STAMP = re.compile(
    r"^(\d{1,4})([/\-.])(\d{1,2})\2(\d{1,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$", re.IGNORECASE
)


def duration_seconds(value) -> int | None:
    """Seconds of "1h 3m 36s", "1 u 3 min", "45m 2s", "01:03:36" or a bare number of minutes (Zoom); None if empty
    or unreadable ("--")."""
    text = str(value if value is not None else "").strip().lower()
    if not text:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(float(value) * 60)
    if _NUMBER.match(text):
        return round(float(text.replace(",", ".")) * 60)
    if match := _CLOCK.match(text):
        hours, minutes, seconds = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
    parts = _PART.findall(text)
    if not parts or any(unit not in _UNITS for _, unit in parts):
        return None
    return round(sum(float(number.replace(",", ".")) * _UNITS[unit] for number, unit in parts))


def to_minutes(seconds: int | None) -> int | None:
    """Whole minutes, rounded half up (EVENTS.md: minutes present)."""
    return None if seconds is None else (seconds + 30) // 60


def parse_timestamp(value) -> datetime.datetime | None:
    """A report timestamp: en-US "3/11/21, 9:58:34 AM" (month first, with "/"), nl-NL "11-3-2021 09:58:34" (day
    first, with "-" or "."), or ISO "2021-03-11 09:58:34"; None when it is none of these."""
    if isinstance(value, datetime.datetime):
        return value
    text = str(value or "").strip()
    match = _STAMP.match(text)
    if not match:
        return None
    first, sep, second, third, hour, minute, second_s, half = match.groups()
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
    elif sep == "/":
        month, day, year = int(first), int(second), int(third)
    else:
        day, month, year = int(first), int(second), int(third)
    if year < 100:
        year += 2000
    hour = int(hour)
    if half:
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    try:
        return datetime.datetime(year, month, day, hour, int(minute), int(second_s or 0))
    except ValueError:
        return None


def column_key(text) -> str:
    """A header compared without case, accents, spaces and what is in brackets: "Name (Original Name)" → "name"."""
    return header_key(re.sub(r"\([^)]*\)", "", str(text or "")))
