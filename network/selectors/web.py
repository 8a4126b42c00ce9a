"""Reads behind the web pages that the core selectors do not already answer.

Each returns everything a page renders, with its related rows loaded, so a page costs a fixed number of
queries however many gemeenten, contacts or roles it shows.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ..choices import CoverageStatus
from ..models import (
    Contact,
    Gemeente,
    ImportBatch,
    Membership,
    Network,
    Outreach,
    ParticipationStatusChange,
    Region,
    Theme,
)
from .core import gemeenten_on, memberships_with_related, network_members, per_gemeente_networks
from .coverage import COVERED_STATUSES, DECLINED_STATUSES, IN_PROGRESS_STATUSES
from .history import HISTORY_KINDS, field_changes

# Columns no list of roles shows. Not loading (and converting) them halves the ORM's work on pages with
# hundreds of roles; a template that did read one would make a query per row, which the pinned counts catch.
UNSHOWN_MEMBERSHIP_FIELDS = (
    "created",
    "updated",
    "notes",
    "contact__created",
    "contact__updated",
    "contact__notes",
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


def lean_memberships(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """A membership list (from memberships_with_related) without the columns list pages never show."""
    return memberships.defer(*UNSHOWN_MEMBERSHIP_FIELDS)


@dataclass
class RegionGroup:
    region: Region
    gemeenten: list[Gemeente]


def gemeenten_by_region(*, on: datetime.date) -> list[RegionGroup]:
    """Every gemeente ever in the registry per region; the ones not valid on `on` carry `is_member=False`."""
    gemeenten = (
        Gemeente.objects.select_related("region", "successor")
        .annotate(
            active_roles=Count(
                "memberships",
                filter=Q(memberships__start_date__lte=on)
                & (Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=on)),
            )
        )
        .order_by("region__code", "name")
    )
    groups = []
    for region, items in groupby(gemeenten, key=lambda g: g.region):
        items = list(items)
        for gemeente in items:
            gemeente.is_member = gemeente.is_valid_on(on)
        groups.append(RegionGroup(region, items))
    return groups


def gemeente_for_page(*, code: str) -> Gemeente:
    """The gemeente with its region, successor and predecessors (raises Gemeente.DoesNotExist)."""
    return (
        Gemeente.objects.select_related("region", "successor")
        .prefetch_related(Prefetch("predecessors", queryset=Gemeente.objects.order_by("name")))
        .get(code__iexact=code)
    )


def gemeente_history(*, gemeente: Gemeente) -> QuerySet[Membership]:
    """Every role ever held on behalf of the gemeente, newest first: who had it, and when."""
    return lean_memberships(memberships_with_related().filter(gemeente=gemeente).order_by("-start_date", "-id"))


def gemeente_participation_changes(*, gemeente: Gemeente) -> QuerySet[ParticipationStatusChange]:
    return (
        ParticipationStatusChange.objects.filter(participation__gemeente=gemeente)
        .select_related("participation__network", "changed_by")
        .order_by("-date", "-id")
    )


@dataclass
class GemeenteCoverage:
    network: Network
    status: str

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label


def coverage_for_gemeente(*, gemeente: Gemeente, on: datetime.date) -> list[GemeenteCoverage]:
    """The gemeente's coverage status in every per-gemeente network (empty when it is no member on `on`)."""
    if not gemeente.is_valid_on(on):
        return []
    networks = list(per_gemeente_networks())
    rows = coverage_history(networks=networks, dates=[on], gemeenten=[gemeente])
    return [GemeenteCoverage(network, rows[network.id][0].counts_by_gemeente.get(gemeente.id)) for network in networks]


def network_list() -> list[tuple[Theme, list[Network]]]:
    """Networks grouped by theme (in the report's order), each with its number of active roles today."""
    today = timezone.localdate()
    networks = (
        Network.objects.select_related("theme")
        .annotate(
            active_members=Count(
                "memberships",
                filter=Q(memberships__start_date__lte=today)
                & (Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=today)),
            )
        )
        .order_by("theme__position", "theme__name", "level", "name")
    )
    return [(theme, list(items)) for theme, items in groupby(networks, key=lambda n: n.theme)]


def network_members_with_coverage(*, network: Network, on: datetime.date, coverage) -> list[Membership]:
    """The network's active roles, taking those that cover a member gemeente from its coverage rows.

    A per-gemeente network's page shows both its coverage and its members; the coverage already holds
    the roles of every member gemeente, so only the other roles (no gemeente, or one that is no member
    on `on`) are read again. Ordered as network_members orders them.
    """
    members = [m for row in coverage.rows for m in row.memberships]
    member_ids = [row.gemeente.id for row in coverage.rows]
    members += lean_memberships(network_members(network=network, on=on).exclude(gemeente_id__in=member_ids))
    return sorted(members, key=lambda m: (m.gemeente.name if m.gemeente_id else "", m.role, m.contact.last_name, m.pk))


def network_for_page(*, slug: str) -> Network:
    return Network.objects.select_related("theme").get(slug=slug)


def recent_imports(*, limit: int = 5) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.select_related("user", "network", "undone_by").order_by("-created", "-id")[:limit]


def coverage_summaries(*, on: datetime.date) -> list[tuple[Network, dict[str, int]]]:
    """Per per-gemeente network, how many member gemeenten are covered, in progress, declined or to approach."""
    networks = list(per_gemeente_networks())
    history = coverage_history(networks=networks, dates=[on], gemeenten=list(gemeenten_on(on=on)))
    return [(network, history[network.id][0].counts) for network in networks]


def contact_for_page(*, pk: int) -> Contact:
    return Contact.objects.select_related("organisation", "organisation__gemeente", "import_batch").get(pk=pk)


def contact_timeline(*, contact: Contact) -> QuerySet[Membership]:
    """All of a contact's roles, active and ended, oldest first: the periods in which the person held them."""
    return lean_memberships(memberships_with_related().filter(contact=contact).order_by("start_date", "id"))


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: object
    subject: str
    kind: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    reason: str = ""


def _entries(records: list, subject) -> list[HistoryEntry]:
    """Turn simple-history records of one object (oldest first) into readable entries with old → new values."""
    entries = []
    previous = None
    for record in records:
        changes = [
            (change.label, change.old or "—", change.new or "—")
            for change in field_changes(record, previous, date_format="%d-%m-%Y")
        ]
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=record.history_user,
                subject=subject(record),
                kind=HISTORY_KINDS.get(record.history_type, record.history_type),
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
        previous = record
    return entries


def contact_change_history(*, contact: Contact, memberships: list[Membership]) -> list[HistoryEntry]:
    """Who changed what, and when, on the contact and on each of its roles; newest first."""
    contact_records = list(
        Contact.history.filter(id=contact.pk).select_related("history_user").order_by("history_date", "history_id")
    )
    by_membership = {m.pk: m for m in memberships}
    membership_records = defaultdict(list)
    for record in (
        Membership.history.filter(id__in=list(by_membership))
        .select_related("history_user")
        .order_by("history_date", "history_id")
    ):
        membership_records[record.id].append(record)
    entries = _entries(contact_records, lambda r: "Contactgegevens")
    for pk, records in membership_records.items():
        membership = by_membership[pk]
        label = f"Rol: {membership.get_role_display()} {membership.network}"
        if membership.gemeente_id:
            label += f" ({membership.gemeente})"
        entries.extend(_entries(records, lambda r, label=label: label))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def duplicate_candidates(*, contact: Contact, limit: int = 10) -> QuerySet[Contact]:
    """Contacts that may be the same person: same last name and first initial, or the same email address."""
    q = Q(last_name__iexact=contact.last_name)
    if contact.first_name:
        q &= Q(first_name__istartswith=contact.first_name[:1])
    if contact.email:
        q |= Q(email__iexact=contact.email)
    return Contact.objects.filter(q).exclude(pk=contact.pk).select_related("organisation").order_by("pk")[:limit]


def contact_picker(*, query: str, limit: int = 10) -> list[Contact]:
    """Contacts for a picker: every term must match the name, email or organisation."""
    terms = [t for t in (query or "").split() if t]
    if not terms:
        return []
    queryset = Contact.objects.select_related("organisation")
    for term in terms:
        queryset = queryset.filter(
            Q(first_name__icontains=term)
            | Q(tussenvoegsel__icontains=term)
            | Q(last_name__icontains=term)
            | Q(email__icontains=term)
            | Q(organisation__name__icontains=term)
        )
    return list(queryset.order_by("last_name", "first_name", "id")[:limit])


@dataclass
class CoveragePoint:
    date: datetime.date
    counts: dict[str, int]
    counts_by_gemeente: dict[int, str]

    @property
    def label(self) -> str:
        return f"K{(self.date.month - 1) // 3 + 1} {self.date.year}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def quarter_starts(*, start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every quarter from the one holding `start` to the one holding `end`."""
    day = datetime.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    days = []
    while day <= end:
        days.append(day)
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return days


def coverage_history(
    *, networks: list[Network], dates: list[datetime.date], gemeenten: list[Gemeente] | None = None
) -> dict[int, list[CoveragePoint]]:
    """The coverage rule of DOMAIN.md for several networks on several dates, from four queries in all.

    network_coverage answers one date with the details of every row; a chart over twenty quarters needs
    only the statuses, so this loads the network's roles, status changes and outreach once and applies
    the same rule in memory for each date.
    """
    network_ids = [n.id for n in networks]
    if gemeenten is None:
        gemeenten = list(Gemeente.objects.all())
    ids = {g.id for g in gemeenten}
    roles = defaultdict(list)
    for network_id, gemeente_id, start, end in Membership.objects.filter(
        network_id__in=network_ids, gemeente_id__in=ids
    ).values_list("network_id", "gemeente_id", "start_date", "end_date"):
        roles[(network_id, gemeente_id)].append((start, end))
    changes = defaultdict(list)
    for network_id, gemeente_id, status, date in (
        ParticipationStatusChange.objects.filter(
            participation__network_id__in=network_ids, participation__gemeente_id__in=ids
        )
        .order_by("date", "id")
        .values_list("participation__network_id", "participation__gemeente_id", "status", "date")
    ):
        changes[(network_id, gemeente_id)].append((date, status))
    outreach = defaultdict(list)
    for network_id, gemeente_id, date in (
        Outreach.objects.filter(network_id__in=network_ids, gemeente_id__in=ids)
        .order_by("date")
        .values_list("network_id", "gemeente_id", "date")
    ):
        outreach[(network_id, gemeente_id)].append(date)
    window = datetime.timedelta(days=settings.OUTREACH_WINDOW_DAYS)

    result = {}
    for network_id in network_ids:
        points = []
        for on in dates:
            counts = dict.fromkeys(CoverageStatus.values, 0)
            by_gemeente = {}
            for gemeente in gemeenten:
                if not gemeente.is_valid_on(on):
                    continue
                key = (network_id, gemeente.id)
                status_on = None
                for date, status in changes.get(key, ()):
                    if date > on:
                        break
                    status_on = status
                if status_on in COVERED_STATUSES or any(
                    start <= on and (end is None or end >= on) for start, end in roles.get(key, ())
                ):
                    status = CoverageStatus.COVERED
                elif status_on in DECLINED_STATUSES:
                    status = CoverageStatus.DECLINED
                elif status_on in IN_PROGRESS_STATUSES or any(
                    on - window <= date <= on for date in outreach.get(key, ())
                ):
                    status = CoverageStatus.IN_PROGRESS
                else:
                    status = CoverageStatus.TO_APPROACH
                counts[status] += 1
                by_gemeente[gemeente.id] = str(status)
            points.append(CoveragePoint(on, counts, by_gemeente))
        result[network_id] = points
    return result


@dataclass
class MatrixCell:
    gemeente: Gemeente
    network: Network
    status: str

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label


@dataclass
class CoverageMatrix:
    date: datetime.date
    networks: list[Network]
    rows: list[tuple[Gemeente, list[MatrixCell]]]

    def column(self, network: Network) -> list[MatrixCell]:
        index = self.networks.index(network)
        return [cells[index] for _, cells in self.rows]


def coverage_matrix(*, on: datetime.date, region: str | None = None) -> CoverageMatrix:
    """Gemeenten × per-gemeente networks on `on`: the coverage status of every cell, from five queries."""
    networks = list(per_gemeente_networks())
    gemeenten = [g for g in gemeenten_on(on=on) if not region or g.region.code.lower() == region.lower()]
    history = coverage_history(networks=networks, dates=[on], gemeenten=gemeenten)
    rows = [
        (
            gemeente,
            [
                MatrixCell(gemeente, network, history[network.id][0].counts_by_gemeente[gemeente.id])
                for network in networks
            ],
        )
        for gemeente in gemeenten
    ]
    return CoverageMatrix(date=on, networks=networks, rows=rows)
