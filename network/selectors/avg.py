"""Reads for the AVG duties: the retention review list and everything held about one person."""

import datetime

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery

from ..models import Attendee, Contact, Membership, Outreach

__all__ = ["contact_history_ids", "contact_subject_access", "contacts_for_retention_review", "months_before"]


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the last day of that month when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in range(day.day, 27, -1):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    return day.replace(year=year, month=month, day=min(day.day, 28))


def contacts_for_retention_review(
    *, on: datetime.date, months: int | None = None, base: QuerySet[Contact] | None = None
) -> QuerySet[Contact]:
    """Contacts without a role since more than `months` (AVG_RETENTION_MONTHS) months before `on`.

    A role that has not started yet, or ended within the period, keeps the contact. A contact that never had a
    role counts from the day it was entered, or, when known only from attendance, from their last event: an event
    within AVG_ATTENDANCE_RETENTION_MONTHS (default two years, EVENTS.md) before `on` keeps anyone. Anonymised
    contacts are done and do not come back. `base` lets the admin pass its proxy model's queryset.
    """
    months = settings.AVG_RETENTION_MONTHS if months is None else months
    cutoff = months_before(on, months)
    event_cutoff = months_before(on, settings.AVG_ATTENDANCE_RETENTION_MONTHS)
    attended = Attendee.objects.filter(contact=OuterRef("pk"))
    last_event = attended.order_by("-event__date").values("event__date")[:1]
    recent_role = Membership.objects.filter(contact=OuterRef("pk")).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=cutoff)
    )
    return (
        (Contact.objects.all() if base is None else base)
        .filter(anonymised_on__isnull=True)
        .annotate(
            has_recent_role=Exists(recent_role),
            last_role_end=Max("memberships__end_date"),
            has_recent_event=Exists(attended.filter(event__date__gte=event_cutoff)),
            last_event=Subquery(last_event),
        )
        .filter(has_recent_role=False, has_recent_event=False)
        .filter(
            Q(last_role_end__lt=cutoff)
            | Q(last_role_end__isnull=True, last_event__isnull=True, created__date__lt=cutoff)
            | Q(last_role_end__isnull=True, last_event__lt=event_cutoff)
        )
        .select_related("organisation")
        .order_by("last_role_end", "last_name", "id")
    )


def contact_history_ids(*, contact: Contact) -> set[int]:
    """The contact's own id and those of duplicates merged into it, whose history still names the person."""
    history = Contact.history.model.objects
    ids = {contact.pk}
    pending = [contact.pk]
    while pending:
        current = pending.pop()
        merged = set(
            history.filter(history_type="-", history_change_reason=f"Samengevoegd met contactpersoon #{current}")
            .values_list("id", flat=True)
            .distinct()
        )
        pending.extend(merged - ids)
        ids |= merged
    if contact.email:
        live_others = Contact.objects.exclude(pk=contact.pk).values("pk")
        ids |= set(history.filter(email__iexact=contact.email).exclude(id__in=live_others).values_list("id", flat=True))
    return ids


def _history_rows(queryset) -> list[dict]:
    rows = []
    for record in queryset.select_related("history_user").order_by("history_date", "history_id"):
        previous = record.prev_record
        changes = []
        if previous is not None:
            changes = [
                {"veld": change.field, "oud": change.old, "nieuw": change.new}
                for change in record.diff_against(previous).changes
            ]
        rows.append(
            {
                "datum": record.history_date.isoformat(),
                "soort": {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}[record.history_type],
                "door": str(record.history_user) if record.history_user else "",
                "reden": record.history_change_reason or "",
                "wijzigingen": changes,
                "gegevens": {
                    field.attname: _plain(getattr(record, field.attname))
                    for field in record.instance_type._meta.concrete_fields
                },
            }
        )
    return rows


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def contact_subject_access(*, contact: Contact) -> dict:
    """Everything the registry holds about one person, for an inzageverzoek (art. 15 AVG)."""
    memberships = list(
        Membership.objects.filter(contact=contact)
        .select_related("network", "gemeente", "import_batch", "ended_by_batch")
        .order_by("start_date", "id")
    )
    outreach = Outreach.objects.filter(contact=contact).select_related("gemeente", "network", "user")
    attendances = list(
        Attendee.objects.filter(contact=contact)
        .select_related("event", "gemeente", "organisation")
        .order_by("event__date")
    )
    return {
        "contactpersoon": {
            "id": contact.pk,
            "aanhef/titulatuur": contact.titles,
            "voornaam": contact.first_name,
            "tussenvoegsel": contact.tussenvoegsel,
            "achternaam": contact.last_name,
            "e-mailadres": contact.email,
            "telefoon": contact.phone,
            "mobiel": contact.mobile,
            "functie": contact.job_title,
            "organisatie": str(contact.organisation or ""),
            "opmerkingen": contact.notes,
            "aangemaakt": contact.created.isoformat(),
            "gewijzigd": contact.updated.isoformat(),
            "aangemaakt door import": contact.import_batch_id,
        },
        "rollen": [
            {
                "id": m.pk,
                "netwerk": m.network.name,
                "doel van de verwerking": m.network.purpose,
                "grondslag": m.network.get_lawful_basis_display(),
                "rol": m.get_role_display(),
                "namens gemeente": str(m.gemeente or ""),
                "startdatum": m.start_date.isoformat(),
                "einddatum": m.end_date.isoformat() if m.end_date else "",
                "laatst bevestigd op": m.verified_on.isoformat() if m.verified_on else "",
                "bron": m.source,
                "opmerkingen": m.notes,
            }
            for m in memberships
        ],
        "contactmomenten": [
            {
                "datum": o.date.isoformat(),
                "gemeente": str(o.gemeente),
                "netwerk": str(o.network),
                "kanaal": o.get_channel_display(),
                "uitkomst": o.outcome,
                "door": str(o.user or ""),
            }
            for o in outreach
        ],
        "historie contactpersoon": _history_rows(Contact.history.filter(id__in=contact_history_ids(contact=contact))),
        "historie rollen": _history_rows(Membership.history.filter(id__in=[m.pk for m in memberships])),
        "evenementen": [
            {
                "evenement": a.event.title,
                "datum": a.event.date.isoformat(),
                "status": a.get_status_display(),
                "rol": a.get_role_display(),
                "namens gemeente": str(a.gemeente or ""),
                "namens organisatie": str(a.organisation or ""),
                "minuten": a.minutes,
                "bron": a.source,
            }
            for a in attendances
        ],
        "historie evenementen": _history_rows(Attendee.history.filter(id__in=[a.pk for a in attendances])),
    }
