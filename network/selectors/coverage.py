"""Coverage of per-gemeente networks: which member gemeenten are covered, in progress, declined or to approach."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Subquery

from ..choices import CoverageStatus, ParticipationStatus
from ..models import Gemeente, Membership, Network, Outreach, ParticipationStatusChange
from .core import gemeenten_on, memberships_with_related


def participation_statuses_on(*, network: Network, on: datetime.date) -> dict[int, ParticipationStatusChange]:
    """Per gemeente id, the participation status change in force on `on` (the latest dated on or before it)."""
    changes = (
        ParticipationStatusChange.objects.filter(participation__network=network, date__lte=on)
        .select_related("participation", "changed_by")
        .order_by("date", "id")
    )
    return {change.participation.gemeente_id: change for change in changes}


@dataclass
class CoverageRow:
    gemeente: Gemeente
    status: str
    memberships: list[Membership] = field(default_factory=list)
    participation: ParticipationStatusChange | None = None
    last_outreach: Outreach | None = None
    next_follow_up: datetime.date | None = None
    leads: list[Membership] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label


@dataclass
class Coverage:
    network: Network
    date: datetime.date
    rows: list[CoverageRow]

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(CoverageStatus.values, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts


COVERED_STATUSES = {ParticipationStatus.PARTICIPANT}
DECLINED_STATUSES = {ParticipationStatus.DECLINED, ParticipationStatus.STOPPED}
IN_PROGRESS_STATUSES = {ParticipationStatus.APPROACHED, ParticipationStatus.IN_TALKS}


def network_coverage(*, network: Network, on: datetime.date) -> Coverage:
    """The coverage rule of DOMAIN.md for every gemeente that is a VAR member on `on`.

    A fixed number of queries, whatever the number of gemeenten, memberships or outreach.
    """
    members = list(gemeenten_on(on=on))
    member_ids = {g.id for g in members}

    # The network and the gemeenten are already at hand: attach them instead of joining them for every role.
    members_by_id = {g.id: g for g in members}
    holders = defaultdict(list)
    for membership in (
        Membership.objects.filter(network=network, gemeente_id__in=member_ids)
        .active_on(on)
        .select_related("contact", "contact__organisation")
        .order_by("start_date", "id")
    ):
        membership.network = network
        membership.gemeente = members_by_id[membership.gemeente_id]
        holders[membership.gemeente_id].append(membership)

    statuses = participation_statuses_on(network=network, on=on)

    # Only the latest contactmoment per gemeente is read, however many the years have piled up.
    latest = (
        Outreach.objects.filter(network=network, gemeente_id=OuterRef("pk"), date__lte=on)
        .order_by("-date", "-id")
        .values("id")[:1]
    )
    latest_ids = Gemeente.objects.filter(id__in=member_ids).annotate(latest=Subquery(latest)).values("latest")
    last_outreach: dict[int, Outreach] = {
        outreach.gemeente_id: outreach
        for outreach in Outreach.objects.filter(id__in=latest_ids).select_related("user", "contact")
    }
    window_start = on - datetime.timedelta(days=settings.OUTREACH_WINDOW_DAYS)

    # Successors are not covered by their predecessors' roles; those roles are named as leads.
    predecessors = defaultdict(list)
    for gemeente in Gemeente.objects.filter(successor_id__in=member_ids).order_by("name"):
        predecessors[gemeente.successor_id].append(gemeente.id)
    leads_by_gemeente = defaultdict(list)
    if predecessors:
        predecessor_ids = [pk for ids in predecessors.values() for pk in ids]
        last_by_predecessor: dict[int, list[Membership]] = defaultdict(list)
        for membership in (
            memberships_with_related()
            .filter(network=network, gemeente_id__in=predecessor_ids, start_date__lte=on)
            .order_by("gemeente_id", "-start_date", "id")
        ):
            kept = last_by_predecessor[membership.gemeente_id]
            if not kept or kept[0].start_date == membership.start_date:
                kept.append(membership)
        for successor_id, ids in predecessors.items():
            for pk in ids:
                leads_by_gemeente[successor_id].extend(last_by_predecessor.get(pk, []))

    rows = []
    for gemeente in members:
        change = statuses.get(gemeente.id)
        participation_status = change.status if change else None
        outreach = last_outreach.get(gemeente.id)
        if holders[gemeente.id] or participation_status in COVERED_STATUSES:
            status = CoverageStatus.COVERED
        elif participation_status in DECLINED_STATUSES:
            status = CoverageStatus.DECLINED
        elif participation_status in IN_PROGRESS_STATUSES or (outreach and outreach.date >= window_start):
            status = CoverageStatus.IN_PROGRESS
        else:
            status = CoverageStatus.TO_APPROACH
        rows.append(
            CoverageRow(
                gemeente=gemeente,
                status=status,
                memberships=holders[gemeente.id],
                participation=change,
                last_outreach=outreach,
                next_follow_up=outreach.follow_up_date if outreach else None,
                leads=leads_by_gemeente.get(gemeente.id, []) if status != CoverageStatus.COVERED else [],
            )
        )
    return Coverage(network=network, date=on, rows=rows)
