"""Coverage over many dates and networks at once, from the rows loaded once and the same rule applied in memory."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from ...choices import CoverageStatus
from ...models import Contact, Gemeente, Membership, Network, Outreach, ParticipationStatusChange, is_active_on
from .rule import coverage_status, outreach_is_recent

__all__ = ["CoverageFacts", "CoveragePoint", "coverage_facts", "coverage_history", "quarter_label", "quarter_starts"]


@dataclass
class CoverageFacts:
    """Everything the coverage rule reads about one gemeente in one network, over all dates.

    roles: (first day, last day or None, contact name parts), oldest start first; changes: (date, participation
    status), oldest first; outreach: (date, follow-up date or None), oldest first.
    """

    roles: list[tuple[datetime.date, datetime.date | None, tuple[str, str, str]]] = field(default_factory=list)
    changes: list[tuple[datetime.date, str]] = field(default_factory=list)
    outreach: list[tuple[datetime.date, datetime.date | None]] = field(default_factory=list)

    def participation_status_on(self, on: datetime.date) -> str | None:
        status_on = None
        for date, status in self.changes:
            if date > on:
                break
            status_on = status
        return status_on

    def participants_on(self, on: datetime.date) -> list[str]:
        """The full names of the contacts holding a role on `on`, oldest start first."""
        return [
            Contact.name_of(first, middle, last)
            for start, end, (first, middle, last) in self.roles
            if is_active_on(start, end, on)
        ]

    def last_outreach_on(self, on: datetime.date) -> tuple[datetime.date, datetime.date | None] | None:
        """(date, follow-up date) of the latest contactmoment on or before `on`, or None."""
        earlier = [item for item in self.outreach if item[0] <= on]
        return earlier[-1] if earlier else None

    def status_on(self, on: datetime.date) -> CoverageStatus:
        return coverage_status(
            has_active_role=any(is_active_on(start, end, on) for start, end, _ in self.roles),
            participation_status=self.participation_status_on(on),
            recent_outreach=any(outreach_is_recent(date, on=on) for date, _ in self.outreach),
        )


def coverage_facts(*, network_ids: list[int], gemeente_ids: set[int]) -> dict[tuple[int, int], CoverageFacts]:
    """Per (network id, gemeente id), the CoverageFacts of those networks and gemeenten, from three queries.

    Pairs without any role, status change or contactmoment are absent (CoverageFacts() stands for them).
    Raises nothing.
    """
    facts: dict[tuple[int, int], CoverageFacts] = defaultdict(CoverageFacts)
    for network_id, gemeente_id, start, end, *name in (
        Membership.objects.filter(network_id__in=network_ids, gemeente_id__in=gemeente_ids)
        .order_by("start_date", "id")
        .values_list(
            "network_id",
            "gemeente_id",
            "start_date",
            "end_date",
            "contact__first_name",
            "contact__tussenvoegsel",
            "contact__last_name",
        )
    ):
        facts[(network_id, gemeente_id)].roles.append((start, end, tuple(name)))
    for network_id, gemeente_id, status, date in (
        ParticipationStatusChange.objects.filter(
            participation__network_id__in=network_ids, participation__gemeente_id__in=gemeente_ids
        )
        .order_by("date", "id")
        .values_list("participation__network_id", "participation__gemeente_id", "status", "date")
    ):
        facts[(network_id, gemeente_id)].changes.append((date, status))
    for network_id, gemeente_id, date, follow_up in (
        Outreach.objects.filter(network_id__in=network_ids, gemeente_id__in=gemeente_ids)
        .order_by("date", "id")
        .values_list("network_id", "gemeente_id", "date", "follow_up_date")
    ):
        facts[(network_id, gemeente_id)].outreach.append((date, follow_up))
    return facts


def quarter_label(day: datetime.date) -> str:
    """The quarter holding `day`, as the annual report writes it: "K1 2024"."""
    return f"K{(day.month - 1) // 3 + 1} {day.year}"


def quarter_starts(*, start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every quarter from the one holding `start` to the last one starting on or before `end`.

    Returns a list of dates, oldest first; empty when `end` is before that first quarter start. Raises nothing.
    """
    day = datetime.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    days = []
    while day <= end:
        days.append(day)
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return days


@dataclass
class CoveragePoint:
    date: datetime.date
    counts: dict[str, int]
    counts_by_gemeente: dict[int, str]

    @property
    def label(self) -> str:
        return quarter_label(self.date)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def coverage_history(
    *,
    networks: list[Network],
    dates: list[datetime.date],
    gemeenten: list[Gemeente] | None = None,
    region: str | None = None,
) -> dict[int, list[CoveragePoint]]:
    """The coverage rule (rule.coverage_status) for several networks on several dates, from three or four queries.

    Returns {network id: [CoveragePoint per date, in the order of `dates`]}; a point counts the gemeenten valid
    on its date per CoverageStatus value and holds each one's status in `counts_by_gemeente`. `gemeenten`
    defaults to every gemeente ever in the registry, or ever in the veiligheidsregio with code `region`
    (case-insensitive; an unknown code counts none), in one more query. network_coverage answers one date with
    the details of every row; a chart over twenty quarters needs only the statuses. Raises nothing.
    """
    network_ids = [n.id for n in networks]
    if gemeenten is None:
        everywhere = Gemeente.objects.all()
        gemeenten = list(everywhere.filter(region__code__iexact=region) if region else everywhere)
    facts = coverage_facts(network_ids=network_ids, gemeente_ids={g.id for g in gemeenten})
    none = CoverageFacts()

    result = {}
    for network_id in network_ids:
        points = []
        for on in dates:
            counts = dict.fromkeys(CoverageStatus.values, 0)
            by_gemeente = {}
            for gemeente in gemeenten:
                if not gemeente.is_valid_on(on):
                    continue
                status = facts.get((network_id, gemeente.id), none).status_on(on)
                counts[status] += 1
                by_gemeente[gemeente.id] = str(status)
            points.append(CoveragePoint(on, counts, by_gemeente))
        result[network_id] = points
    return result
