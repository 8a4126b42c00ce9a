"""Events and their attendees, each read in a fixed number of queries whatever the number of attendees."""

import datetime

from django.db.models import Count, Q, QuerySet

from ...choices import AttendeeStatus
from ...models import Attendee, Contact, Event, Gemeente, Membership, active_on_q

# The counts of EVENTS.md (API `counts`), keyed by the attendee status they count.
COUNT_KEYS = {
    "invited": AttendeeStatus.INVITED,
    "registered": AttendeeStatus.REGISTERED,
    "attended": AttendeeStatus.PRESENT,
    "no_show": AttendeeStatus.NO_SHOW,
    "cancelled": AttendeeStatus.CANCELLED,
}


def _with_counts(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        **{f"count_{key}": Count("attendees", filter=Q(attendees__status=status)) for key, status in COUNT_KEYS.items()}
    )


def event_list(
    *,
    year: int | None = None,
    kind: str | None = None,
    status: str | None = None,
    theme: str | None = None,
    network: str | None = None,
    contact: int | None = None,
    gemeente: str | None = None,
) -> QuerySet:
    """Events, newest first, each annotated `count_<key>` for every key of COUNT_KEYS, with themes and networks
    prefetched. Filters: `year` (of the first day), `kind`, `status`, `theme` and `network` (slugs). Raises nothing."""
    queryset = Event.objects.all()
    if year:
        queryset = queryset.filter(date__year=year)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if network:
        queryset = queryset.filter(networks__slug=network)
    if contact:
        queryset = queryset.filter(
            pk__in=Attendee.objects.filter(contact_id=contact, status=AttendeeStatus.PRESENT).values("event_id")
        )
    if gemeente:
        present = Attendee.objects.filter(gemeente__code=gemeente, status=AttendeeStatus.PRESENT)
        queryset = queryset.filter(pk__in=present.values("event_id"))
    return (
        _with_counts(queryset.distinct())
        .order_by("-date", "title", "id")
        .prefetch_related("themes", "networks", "co_organisers")
    )


def event_get_or_none(*, slug: str) -> Event | None:
    """The event with `slug`, with counts, themes, networks and co-organisers; None when there is none."""
    return event_list().select_related("moved_to").filter(slug=slug).first()


def event_get_for_page(*, slug: str) -> Event:
    """As event_get_or_none; raises Event.DoesNotExist."""
    event = event_get_or_none(slug=slug)
    if event is None:
        raise Event.DoesNotExist(slug)
    return event


def event_counts(event: Event) -> dict[str, int]:
    """{"invited", "registered", "attended", "no_show", "cancelled"} of an event read through event_list."""
    return {key: getattr(event, f"count_{key}") for key in COUNT_KEYS}


def attendee_list(*, event: Event) -> QuerySet:
    """The event's attendees by name, with contact, organisation, gemeente and import batch (one query)."""
    return (
        Attendee.objects.filter(event=event)
        .select_related("contact", "contact__organisation", "organisation", "gemeente")
        .order_by("contact__last_name", "contact__first_name", "id")
    )


def event_gemeente_codes(*, event: Event) -> list[str]:
    """CBS codes (sorted) of the gemeenten represented by attendees present (EVENTS.md, the API's `gemeenten`)."""
    return sorted(
        Gemeente.objects.filter(attendances__event=event, attendances__status=AttendeeStatus.PRESENT)
        .values_list("code", flat=True)
        .distinct()
    )


def attendee_defaults(*, contact_ids: list[int], on: datetime.date) -> dict[int, tuple[int | None, int | None]]:
    """contact id → (gemeente id, organisation id) the person comes for on `on` (EVENTS.md): the gemeente of
    their first role active that day (else their organisation's gemeente) and their organisation. Two queries."""
    roles = (
        Membership.objects.filter(active_on_q(on), contact_id__in=contact_ids, gemeente__isnull=False)
        .order_by("contact_id", "start_date", "id")
        .values_list("contact_id", "gemeente_id")
    )
    gemeente_by_role: dict[int, int] = {}
    for contact_id, gemeente_id in roles:
        gemeente_by_role.setdefault(contact_id, gemeente_id)
    result = {}
    for pk, org_id, org_gemeente_id in Contact.objects.filter(pk__in=contact_ids).values_list(
        "pk", "organisation_id", "organisation__gemeente_id"
    ):
        result[pk] = (gemeente_by_role.get(pk, org_gemeente_id), org_id)
    return result


__all__ = [
    "COUNT_KEYS",
    "attendee_defaults",
    "attendee_list",
    "event_counts",
    "event_gemeente_codes",
    "event_get_for_page",
    "event_get_or_none",
    "event_list",
]
