"""Reads of themes and networks."""

from itertools import groupby

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import Network, Theme, active_on_q

__all__ = [
    "network_get_for_page",
    "network_get_or_none",
    "network_list",
    "network_list_by_theme",
    "network_list_for_filter",
    "network_list_per_gemeente",
    "network_search",
    "theme_list",
]


def theme_list() -> QuerySet[Theme]:
    """Every theme, in the annual report's order (position, name). Raises nothing."""
    return Theme.objects.all()


def network_list() -> QuerySet[Network]:
    """Every network with its theme, by name (Meta.ordering). Raises nothing."""
    return Network.objects.select_related("theme")


def network_list_for_filter() -> QuerySet[Network]:
    """Every network's slug and name only, by name: the choices of a filter. Raises nothing."""
    return Network.objects.order_by("name").only("slug", "name")


def network_list_per_gemeente() -> QuerySet[Network]:
    """The networks that expect a participant of every gemeente (per_gemeente), with theme, by name."""
    return Network.objects.filter(per_gemeente=True).select_related("theme").order_by("name")


def network_list_by_theme() -> list[tuple[Theme, list[Network]]]:
    """Networks grouped by theme (in the report's order), by level and name within a theme.

    Returns [(theme, [network])]; each network carries `active_members`, its number of roles active today.
    One query; raises nothing.
    """
    today = timezone.localdate()
    networks = (
        Network.objects.select_related("theme")
        .annotate(active_members=Count("memberships", filter=active_on_q(today, prefix="memberships__")))
        .order_by("theme__position", "theme__name", "level", "name")
    )
    return [(theme, list(items)) for theme, items in groupby(networks, key=lambda n: n.theme)]


def network_get_for_page(*, slug: str) -> Network:
    """The network with this slug, with its theme. Raises Network.DoesNotExist."""
    return Network.objects.select_related("theme").get(slug=slug)


def network_get_or_none(*, pk) -> Network | None:
    """The network with this id, or None when there is none. Raises nothing for an unknown id."""
    return Network.objects.filter(pk=pk).first()


def network_search(*, query: str) -> list[Network]:
    """Networks whose name contains any term of `query`, with theme, by name; empty for an empty query."""
    terms = query.split()
    if not terms:
        return []
    q = Q()
    for term in terms:
        q |= Q(name__icontains=term)
    return list(Network.objects.filter(q).select_related("theme").order_by("name"))
