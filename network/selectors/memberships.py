"""Reads of roles (memberships): who holds which role in which network, on behalf of which gemeente, when."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db.models import Q, QuerySet

from ..models import Contact, Gemeente, Membership, Network

__all__ = [
    "NetworkGroup",
    "ThemeGroup",
    "contact_timeline",
    "contacts_for_gemeente",
    "gemeente_membership_history",
    "group_by_theme",
    "lean_memberships",
    "lean_memberships_for_export",
    "membership_list",
    "memberships_by_ids",
    "memberships_for_export",
    "memberships_to_end",
    "network_former_members",
    "network_members",
    "network_members_with_coverage",
    "unverified_memberships",
]

# Columns no list of roles shows. Not loading (and converting) them halves the ORM's work on pages with
# hundreds of roles; a template that did read one would make a query per row, which the pinned counts catch.
UNSHOWN_MEMBERSHIP_FIELDS = (
    "created",
    "updated",
    "notes",
    "contact__created",
    "contact__updated",
    "contact__notes",
    "contact__titles",
    "contact__organisation__created",
    "contact__organisation__updated",
    "network__created",
    "network__updated",
    "network__description",
    "network__theme__created",
    "network__theme__updated",
    "gemeente__created",
    "gemeente__updated",
    "gemeente__aliases",
    "gemeente__region__created",
    "gemeente__region__updated",
)

# The columns exporting.membership_rows writes (and the keys that join them).
EXPORT_MEMBERSHIP_FIELDS = (
    "role",
    "start_date",
    "end_date",
    "contact__first_name",
    "contact__tussenvoegsel",
    "contact__last_name",
    "contact__email",
    "contact__phone",
    "contact__mobile",
    "contact__job_title",
    "contact__notes",
    "contact__titles",
    "contact__organisation__name",
    "network__name",
    "gemeente__name",
)


def membership_list() -> QuerySet[Membership]:
    """Every role with its contact (and organisation), network (and theme) and gemeente (and region).

    Ordered by Meta.ordering (network name, start date); raises nothing.
    """
    return Membership.objects.select_related(
        "contact", "contact__organisation", "network", "network__theme", "gemeente", "gemeente__region"
    )


def lean_memberships(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """A membership list (from membership_list) without the columns list pages never show. Raises nothing."""
    return memberships.defer(*UNSHOWN_MEMBERSHIP_FIELDS)


def lean_memberships_for_export(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """A membership list with only the columns an export writes (exporting.membership_rows), keeping its order.

    Contact, organisation, network and gemeente are joined; theme and region, which no export writes, are not.
    Every column membership_rows reads is loaded, so no row makes a query. Raises nothing.
    """
    return (
        memberships.select_related(None)
        .select_related("contact__organisation", "network", "gemeente")
        .only(*EXPORT_MEMBERSHIP_FIELDS)
    )


def contacts_for_gemeente(*, gemeente: Gemeente, on: datetime.date) -> QuerySet[Membership]:
    """Every role active on `on` (one day) held on behalf of the gemeente, or by someone of its own organisation.

    Ordered by theme (report order), network name, role and last name, as group_by_theme expects. Raises nothing.
    """
    return (
        membership_list()
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
    """Memberships (ordered by theme and network, as contacts_for_gemeente returns them) grouped per theme and
    network: [ThemeGroup(theme, [NetworkGroup(network, [membership])])]. No queries; raises nothing."""
    groups = []
    for theme, by_theme in groupby(memberships, key=lambda m: m.network.theme):
        networks = [NetworkGroup(network, list(items)) for network, items in groupby(by_theme, key=lambda m: m.network)]
        groups.append(ThemeGroup(theme, networks))
    return groups


def network_members(*, network: Network, on: datetime.date) -> QuerySet[Membership]:
    """The network's roles active on `on` (one day), by gemeente name, role and last name. Raises nothing."""
    return (
        membership_list().filter(network=network).active_on(on).order_by("gemeente__name", "role", "contact__last_name")
    )


def network_former_members(*, network: Network, on: datetime.date) -> QuerySet[Membership]:
    """The network's roles whose last day lies before `on`, most recently ended first. Raises nothing."""
    return membership_list().filter(network=network, end_date__lt=on).order_by("-end_date", "id")


def network_members_with_coverage(*, network: Network, on: datetime.date, coverage) -> list[Membership]:
    """The network's roles active on `on`, taking those that cover a member gemeente from its Coverage rows.

    A per-gemeente network's page shows both its coverage and its members; the coverage already holds
    the roles of every member gemeente, so only the other roles (no gemeente, or one that is no member
    on `on`) are read again. Returns a list ordered as network_members orders them; raises nothing.
    """
    members = [m for row in coverage.rows for m in row.memberships]
    member_ids = [row.gemeente.id for row in coverage.rows]
    members += lean_memberships(network_members(network=network, on=on).exclude(gemeente_id__in=member_ids))
    return sorted(members, key=lambda m: (m.gemeente.name if m.gemeente_id else "", m.role, m.contact.last_name, m.pk))


def unverified_memberships(*, on: datetime.date) -> QuerySet[Membership]:
    """Roles active on `on` that no list or user has confirmed in the VERIFY_AFTER_DAYS days before it.

    Never-confirmed roles count from their first day. Ordered by last confirmation, then start. Raises nothing.
    """
    cutoff = on - datetime.timedelta(days=settings.VERIFY_AFTER_DAYS)
    return (
        membership_list()
        .active_on(on)
        .filter(Q(verified_on__lt=cutoff) | Q(verified_on__isnull=True, start_date__lt=cutoff))
        .order_by("verified_on", "start_date", "id")
    )


def memberships_for_export(
    *, on: datetime.date, network: Network | None = None, gemeente: Gemeente | None = None
) -> QuerySet[Membership]:
    """Roles active on `on` (one day) for an export, optionally of one network and/or held for one gemeente.

    Ordered by network, gemeente, contact name. Raises nothing.
    """
    memberships = membership_list().active_on(on)
    if network is not None:
        memberships = memberships.filter(network=network)
    if gemeente is not None:
        memberships = memberships.filter(gemeente=gemeente)
    return memberships.order_by("network__name", "gemeente__name", "contact__last_name", "contact__first_name", "id")


def memberships_by_ids(ids: list[int]) -> list[Membership]:
    """The roles with these ids, as membership_list loads them, by id; missing ids are skipped.

    Read in chunks of 10 000 that stay below any database's parameter limit. Raises nothing.
    """
    found = []
    for start in range(0, len(ids), 10_000):
        found.extend(membership_list().filter(pk__in=ids[start : start + 10_000]).order_by("pk"))
    return found


def memberships_to_end(*, memberships: QuerySet[Membership]) -> list[Membership]:
    """The given roles (e.g. an admin selection) with contact, network and gemeente, by network name and id.

    Raises nothing.
    """
    return list(memberships.select_related("contact", "network", "gemeente").order_by("network__name", "id"))


def gemeente_membership_history(*, gemeente: Gemeente) -> QuerySet[Membership]:
    """Every role ever held on behalf of the gemeente, newest start first: who had it, and when. Raises nothing."""
    return lean_memberships(membership_list().filter(gemeente=gemeente).order_by("-start_date", "-id"))


def contact_timeline(*, contact: Contact) -> QuerySet[Membership]:
    """All of a contact's roles, active and ended, oldest start first: the periods in which the person held them.

    Raises nothing.
    """
    return lean_memberships(membership_list().filter(contact=contact).order_by("start_date", "id"))
