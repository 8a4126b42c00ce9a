"""Reads of the kennis- en leerfunctie (EVENTS.md): events, attendees, invitees, reach and the year in figures."""

from .embedded import attended_events, contact_events_annotation, gemeente_events_annotation
from .events import (
    COUNT_KEYS,
    attendee_defaults,
    attendee_list,
    event_counts,
    event_gemeente_codes,
    event_get_for_page,
    event_get_or_none,
    event_list,
)
from .invitations import Selection, invitees
from .reach import Reach, reach
from .year import year_report

__all__ = [
    "COUNT_KEYS",
    "Reach",
    "Selection",
    "attended_events",
    "attendee_defaults",
    "attendee_list",
    "contact_events_annotation",
    "event_counts",
    "event_gemeente_codes",
    "event_get_for_page",
    "event_get_or_none",
    "event_list",
    "gemeente_events_annotation",
    "invitees",
    "reach",
    "year_report",
]
