"""Reads of veiligheidsregio's and gemeenten."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet

from ..matching import GemeenteMatcher
from ..models import Gemeente, Region, active_on_q
from .events.embedded import gemeente_events_annotation

__all__ = [
    "RegionGroup",
    "gemeente_get_for_page",
    "gemeente_list",
    "gemeente_list_by_region",
    "gemeente_list_for_filter",
    "gemeente_list_on",
    "gemeente_matcher",
    "gemeente_search",
    "region_get",
    "region_list",
]


def region_list() -> QuerySet[Region]:
    """Every veiligheidsregio, ordered by code. Raises nothing."""
    return Region.objects.order_by("code")


def region_get(*, code: str) -> Region:
    """The veiligheidsregio with exactly this code (e.g. "RR"). Raises Region.DoesNotExist."""
    return Region.objects.get(code=code)


def gemeente_list() -> QuerySet[Gemeente]:
    """All gemeenten ever members, merged ones included, with their region, successor and predecessors (by name).

    Unordered beyond Meta.ordering (name); raises nothing.
    """
    return Gemeente.objects.select_related("region", "successor").prefetch_related(
        Prefetch("predecessors", queryset=Gemeente.objects.order_by("name"))
    )


def gemeente_list_on(*, on: datetime.date) -> QuerySet[Gemeente]:
    """The VAR members on `on` (one day): the gemeenten valid on it, with their region, by region code and name.

    Raises nothing.
    """
    return Gemeente.objects.valid_on(on).select_related("region").order_by("region__code", "name")


def gemeente_list_for_filter() -> QuerySet[Gemeente]:
    """Every gemeente's code and name only, by name: the choices of a filter. Raises nothing."""
    return Gemeente.objects.order_by("name").only("code", "name")


def gemeente_matcher() -> GemeenteMatcher:
    """A GemeenteMatcher over every gemeente (one query), matching codes, names and aliases. Raises nothing."""
    return GemeenteMatcher(Gemeente.objects.all())


def gemeente_search(*, query: str) -> list[Gemeente]:
    """Gemeenten whose name contains any term of `query`, whose code equals one, or that the matcher recognises.

    Returns a list with region and successor loaded, by name; empty for an empty query. Raises nothing.
    """
    terms = query.split()
    if not terms:
        return []
    q = Q()
    for term in terms:
        q |= Q(name__icontains=term) | Q(code__iexact=term)
    matched = gemeente_matcher().match(query)
    if matched is not None:
        q |= Q(pk=matched.pk)
    return list(Gemeente.objects.filter(q).select_related("region", "successor").order_by("name"))


@dataclass
class RegionGroup:
    region: Region
    gemeenten: list[Gemeente]


def gemeente_list_by_region(*, on: datetime.date) -> list[RegionGroup]:
    """Every gemeente ever in the registry, grouped per region (by code), by name within a region.

    Each gemeente carries `is_member` (valid on `on`) and `active_roles` (roles active on `on`, one day).
    One query; raises nothing.
    """
    gemeenten = (
        Gemeente.objects.select_related("region", "successor")
        .annotate(active_roles=Count("memberships", filter=active_on_q(on, prefix="memberships__")))
        .order_by("region__code", "name")
    )
    groups = []
    for region, items in groupby(gemeenten, key=lambda g: g.region):
        items = list(items)
        for gemeente in items:
            gemeente.is_member = gemeente.is_valid_on(on)
        groups.append(RegionGroup(region, items))
    return groups


def gemeente_get_for_page(*, code: str) -> Gemeente:
    """The gemeente with this CBS code (any case), with region, successor and predecessors (by name), and the events
    with someone present for it (`attended_events`, read with `attended_events(gemeente)`).

    Raises Gemeente.DoesNotExist.
    """
    return (
        Gemeente.objects.select_related("region", "successor")
        .prefetch_related(Prefetch("predecessors", queryset=Gemeente.objects.order_by("name")))
        .annotate(**gemeente_events_annotation())
        .get(code__iexact=code)
    )
