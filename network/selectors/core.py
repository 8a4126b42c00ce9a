"""Reads of gemeenten, contacts and memberships."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from ..matching import GemeenteMatcher
from ..models import (
    Contact,
    Gemeente,
    Membership,
    Network,
    Outreach,
    Participation,
    ParticipationStatusChange,
)


def gemeenten_on(*, on: datetime.date) -> QuerySet[Gemeente]:
    """The VAR members on a date: the gemeenten valid on it."""
    return Gemeente.objects.valid_on(on).select_related("region").order_by("region__code", "name")


def gemeente_matcher() -> GemeenteMatcher:
    return GemeenteMatcher(Gemeente.objects.all())


def memberships_with_related() -> QuerySet[Membership]:
    return Membership.objects.select_related(
        "contact", "contact__organisation", "network", "network__theme", "gemeente", "gemeente__region"
    )


def contacts_with_related() -> QuerySet[Contact]:
    """Contacts with their organisation and memberships, for lists and API pages."""
    return Contact.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("network", "gemeente").order_by("-start_date", "id"),
        )
    )


def contacts_for_gemeente(*, gemeente: Gemeente, on: datetime.date) -> QuerySet[Membership]:
    """Every role active on `on` held on behalf of the gemeente (or by someone of its own organisation)."""
    return (
        memberships_with_related()
        .active_on(on)
        .filter(Q(gemeente=gemeente) | Q(gemeente__isnull=True, contact__organisation__gemeente=gemeente))
        .order_by("network__theme__position", "network__theme__name", "network__name", "role", "contact__last_name")
    )


@dataclass
class NetworkGroup:
    network: Network
    memberships: list[Membership]


@dataclass
class ThemeGroup:
    theme: object
    networks: list[NetworkGroup]


def group_by_theme(memberships) -> list[ThemeGroup]:
    """Group memberships (ordered by theme and network, as contacts_for_gemeente returns them)."""
    groups = []
    for theme, by_theme in groupby(memberships, key=lambda m: m.network.theme):
        networks = [NetworkGroup(network, list(items)) for network, items in groupby(by_theme, key=lambda m: m.network)]
        groups.append(ThemeGroup(theme, networks))
    return groups


def network_members(*, network: Network, on: datetime.date) -> QuerySet[Membership]:
    return (
        memberships_with_related()
        .filter(network=network)
        .active_on(on)
        .order_by("gemeente__name", "role", "contact__last_name")
    )


def network_former_members(*, network: Network, on: datetime.date) -> QuerySet[Membership]:
    return memberships_with_related().filter(network=network, end_date__lt=on).order_by("-end_date", "id")


def per_gemeente_networks() -> QuerySet[Network]:
    return Network.objects.filter(per_gemeente=True).select_related("theme").order_by("name")


def unverified_memberships(*, on: datetime.date) -> QuerySet[Membership]:
    """Active roles that no list or user has confirmed in the last VERIFY_AFTER_DAYS days."""
    cutoff = on - datetime.timedelta(days=settings.VERIFY_AFTER_DAYS)
    return (
        memberships_with_related()
        .active_on(on)
        .filter(Q(verified_on__lt=cutoff) | Q(verified_on__isnull=True, start_date__lt=cutoff))
        .order_by("verified_on", "start_date", "id")
    )


def follow_ups_due(*, on: datetime.date, days: int = 14) -> QuerySet[Outreach]:
    """Outreach whose follow-up date falls within the next `days` days, soonest first."""
    return (
        Outreach.objects.filter(follow_up_date__gte=on, follow_up_date__lte=on + datetime.timedelta(days=days))
        .select_related("gemeente", "network", "user", "contact")
        .order_by("follow_up_date", "id")
    )


def outreach_for_gemeente(*, gemeente: Gemeente) -> QuerySet[Outreach]:
    return Outreach.objects.filter(gemeente=gemeente).select_related("network", "user", "contact")


def participations_with_history() -> QuerySet[Participation]:
    return Participation.objects.select_related("gemeente", "network").prefetch_related(
        Prefetch("changes", queryset=ParticipationStatusChange.objects.select_related("changed_by"))
    )
