"""Writes of the kennis- en leerfunctie (EVENTS.md): events, attendees, invitations and mailing objections."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from accounts.permissions import Action, require

from .. import selectors
from ..choices import AttendeeRole, AttendeeStatus, EventFormat, EventKind, EventStatus
from ..models import Attendee, Contact, DistributionList, Event, Gemeente, Organisation
from .base import _save

EVENT_FIELDS = (
    "title",
    "kind",
    "date",
    "end_date",
    "start_time",
    "end_time",
    "format",
    "location",
    "status",
    "moved_to",
    "anonymous_audience",
    "notes",
    "recording_url",
)
EVENT_RELATIONS = ("themes", "networks", "co_organisers")


def _free_slug(title: str, date: datetime.date) -> str:
    base = slugify(title)[:180] or "evenement"
    if not Event.objects.filter(slug=base).exists():
        return base
    base = f"{base}-{date:%Y-%m-%d}"
    slug, counter = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _check_event(event: Event) -> None:
    errors = {}
    if event.kind not in EventKind.values:
        errors["kind"] = f"Onbekende soort '{event.kind}'."
    if event.format not in EventFormat.values:
        errors["format"] = f"Onbekende vorm '{event.format}'."
    if event.status not in EventStatus.values:
        errors["status"] = f"Onbekende status '{event.status}'."
    if event.end_date and event.end_date < event.date:
        errors["end_date"] = "De laatste dag ligt voor de eerste."
    if event.moved_to_id and event.moved_to_id == event.pk:
        errors["moved_to"] = "Een evenement kan niet naar zichzelf verplaatst zijn."
    if not (event.title or "").strip():
        errors["title"] = "Geef het evenement een titel."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(*, actor: User | None, title: str, kind: str, date: datetime.date, slug: str = "", **fields) -> Event:
    """Add an event (EVENTS.md). `fields` are any of EVENT_FIELDS and the lists `themes`, `networks` and
    `co_organisers` (model instances). Returns the saved Event with a free slug made from the title (and date).
    Raises `PermissionDenied` without `Action.CHANGE_EVENT` and `ValidationError` (unknown kind, format or status,
    a last day before the first, an empty title)."""
    require(actor, Action.CHANGE_EVENT)
    relations = {name: fields.pop(name) for name in EVENT_RELATIONS if name in fields}
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(unknown))}.")
    event = Event(title=title.strip(), kind=kind, date=date, **fields)
    _check_event(event)
    event.slug = slug or _free_slug(title, date)
    _save(event, actor)
    for name, values in relations.items():
        getattr(event, name).set(values)
    return event


@transaction.atomic
def event_update(*, actor: User | None, event: Event, **fields) -> Event:
    """Change an event's fields (EVENT_FIELDS) and relations (themes, networks, co_organisers). Returns the Event.
    Raises `PermissionDenied` without `Action.CHANGE_EVENT` and `ValidationError` as event_create."""
    require(actor, Action.CHANGE_EVENT)
    relations = {name: fields.pop(name) for name in EVENT_RELATIONS if name in fields}
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(event, name, value)
    _check_event(event)
    if fields:
        _save(event, actor)
    for name, values in relations.items():
        getattr(event, name).set(values)
    return event


@transaction.atomic
def attendee_set(
    *,
    actor: User | None,
    event: Event,
    contact: Contact,
    status: str,
    role: str | None = None,
    gemeente: Gemeente | None = None,
    organisation: Organisation | None = None,
    minutes: int | None = None,
    reason: str | None = None,
) -> tuple[Attendee, bool]:
    """Add the contact to the event with `status`, or change the status (and role, gemeente, organisation or
    minutes when given) of the one attendee they already are; each change is kept in the history.

    Without a gemeente or organisation, a new attendee gets those of the contact's roles on the event's date
    (EVENTS.md). Returns (attendee, created). Raises `PermissionDenied` without `Action.CHANGE_EVENT` and
    `ValidationError` (unknown status or role, an anonymised contact)."""
    require(actor, Action.CHANGE_EVENT)
    if status not in AttendeeStatus.values:
        raise ValidationError({"status": f"Onbekende status '{status}'."})
    if role is not None and role not in AttendeeRole.values:
        raise ValidationError({"role": f"Onbekende rol '{role}'."})
    if contact.anonymised_on:
        raise ValidationError({"contact": "Deze contactpersoon is geanonimiseerd."})
    attendee = Attendee.objects.select_for_update().filter(event=event, contact=contact).first()
    created = attendee is None
    if created:
        default_gemeente, default_org = selectors.attendee_defaults(contact_ids=[contact.pk], on=event.date).get(
            contact.pk, (None, None)
        )
        attendee = Attendee(
            event=event,
            contact=contact,
            role=role or AttendeeRole.PARTICIPANT,
            gemeente_id=gemeente.pk if gemeente else default_gemeente,
            organisation_id=organisation.pk if organisation else default_org,
        )
    changes = {"status": status, "role": role, "minutes": minutes, "gemeente": gemeente, "organisation": organisation}
    changed = created
    for name, value in changes.items():
        if value is not None and getattr(attendee, name) != value:
            setattr(attendee, name, value)
            changed = True
    if changed:
        _save(attendee, actor, reason)
    return attendee, created


@transaction.atomic
def invitations_add(*, actor: User | None, event: Event, contacts: list[Contact]) -> int:
    """Add every contact that is not yet an attendee of the event as `uitgenodigd` (EVENTS.md, invitations);
    people already on the event keep their status. Returns how many were added. Raises `PermissionDenied`
    without `Action.CHANGE_EVENT`."""
    require(actor, Action.CHANGE_EVENT)
    present = set(Attendee.objects.filter(event=event).values_list("contact_id", flat=True))
    new = [contact for contact in contacts if contact.pk not in present]
    defaults = selectors.attendee_defaults(contact_ids=[c.pk for c in new], on=event.date)
    attendees = [
        Attendee(
            event=event,
            contact=contact,
            status=AttendeeStatus.INVITED,
            gemeente_id=defaults.get(contact.pk, (None, None))[0],
            organisation_id=defaults.get(contact.pk, (None, None))[1],
        )
        for contact in new
    ]
    bulk_create_with_history(attendees, Attendee, default_user=actor, default_change_reason="Uitnodiging")
    return len(attendees)


@transaction.atomic
def contact_set_mailing_objection(*, actor: User | None, contact: Contact, on: datetime.date | None) -> Contact:
    """Record (a date) or withdraw (None) a contact's AVG objection to mailings; they are then left out of
    invitations and distribution lists (EVENTS.md). Returns the contact. Raises `PermissionDenied` without
    `Action.CHANGE_CONTACT`."""
    require(actor, Action.CHANGE_CONTACT)
    contact.mailing_objection_on = on
    _save(contact, actor, "Bezwaar tegen mailings" if on else "Bezwaar tegen mailings ingetrokken")
    return contact


@transaction.atomic
def distribution_list_save(
    *,
    actor: User | None,
    name: str,
    networks=(),
    themes=(),
    levels=(),
    roles=(),
    gemeenten=(),
    regions=(),
) -> DistributionList:
    """Save (create or replace by name) a verzendlijst: a selection evaluated when it is used (EVENTS.md).
    Returns the DistributionList. Raises `PermissionDenied` without `Action.CHANGE_EVENT`."""
    require(actor, Action.CHANGE_EVENT)
    distribution_list, _ = DistributionList.objects.update_or_create(
        name=name.strip(), defaults={"levels": list(levels), "roles": list(roles), "owner": actor}
    )
    distribution_list.networks.set(networks)
    distribution_list.themes.set(themes)
    distribution_list.gemeenten.set(gemeenten)
    distribution_list.regions.set(regions)
    return distribution_list
