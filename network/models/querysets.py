"""Active on a date", written once: as a query condition and as an in-memory test.

A period runs from its first to its last day, both inclusive; an empty end (or, for a gemeente, an empty start)
leaves it open. Models, selectors, filtersets, the admin and the importer all decide "active on" here.
"""

import datetime

from django.db import models
from django.db.models import Q

__all__ = ["MembershipQuerySet", "ValidOnQuerySet", "active_on_q", "is_active_on", "valid_on_q"]


def active_on_q(on: datetime.date, *, prefix: str = "") -> Q:
    """Roles (memberships) active on `on`: started on or before it, not ended before it.

    `prefix` reaches the role across a relation, e.g. "memberships__" from a contact or gemeente.
    """
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


def valid_on_q(on: datetime.date, *, prefix: str = "") -> Q:
    """Gemeenten valid (VAR members) on `on`: `valid_from` and `valid_to` inclusive, either may be open."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def is_active_on(start: datetime.date | None, end: datetime.date | None, on: datetime.date) -> bool:
    """The in-memory twin of active_on_q and valid_on_q: `on` lies within start..end (inclusive, None = open)."""
    return (start is None or start <= on) and (end is None or end >= on)


class ValidOnQuerySet(models.QuerySet):
    """Rows with a validity period `valid_from`/`valid_to` (both inclusive, null = open)."""

    def valid_on(self, on: datetime.date):
        return self.filter(valid_on_q(on))


class MembershipQuerySet(models.QuerySet):
    def active_on(self, on: datetime.date):
        """Active on a date: started on or before it and not ended before it."""
        return self.filter(active_on_q(on))

    def ended_before(self, on: datetime.date):
        return self.filter(end_date__lt=on)
