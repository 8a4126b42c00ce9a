"""The year in figures (jaaroverzicht, EVENTS.md): what the kernteam writes the next annual report from."""

import datetime

from django.db.models import Count, Q

from ...choices import AttendeeStatus, EventKind, EventStatus, NetworkKind, OutreachChannel, ParticipationStatus
from ...models import Attendee, Network, Outreach, ParticipationStatusChange, active_on_q
from .events import event_counts, event_list
from .reach import Reach, reach


def _network_figures(first: datetime.date, last: datetime.date) -> list[dict]:
    def members(on):
        return Count("memberships__contact", distinct=True, filter=active_on_q(on, prefix="memberships__"))

    in_year = {"gte": first, "lte": last}
    networks = Network.objects.annotate(
        members_start=members(first),
        members_end=members(last),
        joined=Count(
            "memberships__contact",
            distinct=True,
            filter=Q(memberships__start_date__gte=in_year["gte"], memberships__start_date__lte=in_year["lte"]),
        ),
        left=Count(
            "memberships__contact",
            distinct=True,
            filter=Q(memberships__end_date__gte=in_year["gte"], memberships__end_date__lte=in_year["lte"]),
        ),
    ).order_by("name")
    return [
        {
            "slug": n.slug,
            "name": n.name,
            "members_start": n.members_start,
            "members_end": n.members_end,
            "joined": n.joined,
            "left": n.left,
        }
        for n in networks
    ]


def _programme_figures(first: datetime.date, last: datetime.date) -> list[dict]:
    programmes = list(Network.objects.filter(kind=NetworkKind.PROGRAMME).order_by("name"))
    changes = ParticipationStatusChange.objects.filter(
        participation__network__kind=NetworkKind.PROGRAMME, date__lte=last
    ).order_by("date", "id")
    at_start: dict[int, dict[int, str]] = {}
    at_end: dict[int, dict[int, str]] = {}
    for network_id, gemeente_id, status, date in changes.values_list(
        "participation__network_id", "participation__gemeente_id", "status", "date"
    ):
        if date <= first:
            at_start.setdefault(network_id, {})[gemeente_id] = status
        at_end.setdefault(network_id, {})[gemeente_id] = status

    def participating(statuses: dict[int, str]) -> int:
        return sum(1 for status in statuses.values() if status == ParticipationStatus.PARTICIPANT)

    return [
        {
            "slug": p.slug,
            "name": p.name,
            "participating_start": participating(at_start.get(p.pk, {})),
            "participating_end": participating(at_end.get(p.pk, {})),
        }
        for p in programmes
    ]


def _event_figures(events: list) -> dict:
    by_kind = []
    for kind in EventKind:
        of_kind = [event for event in events if event.kind == kind]
        if not of_kind:
            continue
        row = {"kind": kind.value, "label": str(kind.label), "total": len(of_kind)}
        for status in EventStatus:
            row[status.value] = sum(1 for event in of_kind if event.status == status)
        row["attended"] = sum(event.count_attended for event in of_kind)
        row["anonymous_audience"] = sum(event.anonymous_audience or 0 for event in of_kind)
        by_kind.append(row)
    return {
        "total": len(events),
        "by_status": {status.value: sum(1 for e in events if e.status == status) for status in EventStatus},
        "by_kind": by_kind,
        "list": [
            {
                "slug": event.slug,
                "title": event.title,
                "date": event.date.isoformat(),
                "end_date": event.end_date.isoformat() if event.end_date else None,
                "kind": event.kind,
                "format": event.format,
                "status": event.status,
                "anonymous_audience": event.anonymous_audience,
                "counts": event_counts(event),
            }
            for event in sorted(events, key=lambda e: (e.date, e.title))
        ],
    }


def year_report(*, year: int, year_reach: Reach | None = None) -> dict:
    """The year in figures for `year` (1 January to 31 December inclusive), JSON-ready (EVENTS.md, jaaroverzicht):

    `events` {total, by_status {status: n}, by_kind [{kind, label, total, <status>: n, attended,
    anonymous_audience}], list [{slug, title, date, end_date, kind, format, status, anonymous_audience, counts}]},
    `attendance` {attended, anonymous_audience}, `people_reached` and `organisations_reached` (distinct, present),
    `gemeenten` {reached, not_reached (CBS codes), reached_count, not_reached_count}, `networks` [{slug, name,
    members_start, members_end, joined, left}] (distinct people), `programmes` [{slug, name, participating_start,
    participating_end}] (gemeenten with status deelnemer), `outreach` {total, by_channel}.
    `year_reach`: the year's reach when the caller already has it (the page draws its map from it).
    A fixed number of queries whatever the number of events or attendees; raises nothing.
    """
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    events = list(event_list(year=year).prefetch_related(None))
    present = Attendee.objects.filter(status=AttendeeStatus.PRESENT, event__date__year=year)
    people = present.aggregate(
        people=Count("contact", distinct=True), organisations=Count("organisation", distinct=True)
    )
    year_reach = year_reach or reach(first=first, last=last)
    outreach = Outreach.objects.filter(date__gte=first, date__lte=last)
    by_channel = dict(outreach.values_list("channel").annotate(n=Count("id")).order_by())
    return {
        "year": year,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "events": _event_figures(events),
        "attendance": {
            "attended": sum(event.count_attended for event in events),
            "anonymous_audience": sum(event.anonymous_audience or 0 for event in events),
        },
        "people_reached": people["people"],
        "organisations_reached": people["organisations"],
        "gemeenten": {
            "reached": [g.code for g in year_reach.reached],
            "not_reached": [g.code for g in year_reach.not_reached],
            "reached_count": len(year_reach.reached),
            "not_reached_count": len(year_reach.not_reached),
        },
        "networks": _network_figures(first, last),
        "programmes": _programme_figures(first, last),
        "outreach": {
            "total": sum(by_channel.values()),
            "by_channel": {channel.value: by_channel.get(channel.value, 0) for channel in OutreachChannel},
        },
    }


__all__ = ["year_report"]
