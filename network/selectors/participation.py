"""Reads of participations (a gemeente's status in a programme) and outreach (contactmomenten)."""

import datetime

from django.db.models import Prefetch, QuerySet

from ..models import Gemeente, Outreach, Participation, ParticipationStatusChange

__all__ = [
    "follow_ups_due",
    "gemeente_participation_changes",
    "outreach_for_gemeente",
    "outreach_list",
    "participation_list",
]


def participation_list() -> QuerySet[Participation]:
    """Every participation with gemeente, network and its dated changes (with who made them). Raises nothing."""
    return Participation.objects.select_related("gemeente", "network").prefetch_related(
        Prefetch("changes", queryset=ParticipationStatusChange.objects.select_related("changed_by"))
    )


def gemeente_participation_changes(*, gemeente: Gemeente) -> QuerySet[ParticipationStatusChange]:
    """Every participation status change of the gemeente, in any network, newest date first. Raises nothing."""
    return (
        ParticipationStatusChange.objects.filter(participation__gemeente=gemeente)
        .select_related("participation__network", "changed_by")
        .order_by("-date", "-id")
    )


def outreach_list() -> QuerySet[Outreach]:
    """Every contactmoment with gemeente, network, user and contact, newest first (Meta.ordering)."""
    return Outreach.objects.select_related("gemeente", "network", "user", "contact")


def outreach_for_gemeente(*, gemeente: Gemeente) -> QuerySet[Outreach]:
    """The gemeente's contactmomenten with network, user and contact, newest first. Raises nothing."""
    return Outreach.objects.filter(gemeente=gemeente).select_related("network", "user", "contact")


def follow_ups_due(*, on: datetime.date, days: int = 14) -> QuerySet[Outreach]:
    """Contactmomenten whose follow-up date falls from `on` to `on` + `days` days (both inclusive), soonest first.

    Raises nothing.
    """
    return (
        Outreach.objects.filter(follow_up_date__gte=on, follow_up_date__lte=on + datetime.timedelta(days=days))
        .select_related("gemeente", "network", "user", "contact")
        .order_by("follow_up_date", "id")
    )
