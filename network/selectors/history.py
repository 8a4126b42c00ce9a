"""Change history of one object, read from django-simple-history, for the web pages and the API alike.

An anonymised contact's history is blanked in place by the AVG service; these reads show the records as stored,
so they never bring back what was erased.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.text import capfirst

from ..models import Contact, Membership

__all__ = ["HISTORY_TYPES", "FieldChange", "HistoryEntry", "contact_change_history", "object_history"]

HISTORY_KINDS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
HISTORY_TYPES = tuple(HISTORY_KINDS.values())
IGNORED_HISTORY_FIELDS = {"created", "updated", "id"}
WEB_DATE_FORMAT = "%d-%m-%Y"


@dataclass
class FieldChange:
    field: str
    label: str
    old: str | None
    new: str | None


@dataclass
class HistoryEntry:
    """One create, change or delete of an object: when, by whom (None: the system), why, which fields changed.

    `subject` names the object when one list mixes several (a contact and its roles); empty otherwise.
    """

    date: datetime.datetime
    user: object
    type: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    subject: str = ""

    @property
    def username(self) -> str | None:
        return self.user.get_username() if self.user else None


def readable_value(model: type[Model], field_name: str, value, *, date_format: str = "%Y-%m-%d") -> str | None:
    """A stored value as a reader knows it: the Dutch label of a choice, a formatted date; None when empty."""
    if value in (None, ""):
        return None
    field_obj = model._meta.get_field(field_name)
    if field_obj.choices:
        return str(dict(field_obj.flatchoices).get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime(date_format)
    return str(value)


def field_changes(record, previous, *, date_format: str = "%Y-%m-%d") -> list[FieldChange]:
    """What changed between two consecutive records of one object; bookkeeping columns left out."""
    if previous is None:
        return []
    model = record.instance_type
    return [
        FieldChange(
            field=change.field,
            label=capfirst(str(model._meta.get_field(change.field).verbose_name)),
            old=readable_value(model, change.field, change.old, date_format=date_format),
            new=readable_value(model, change.field, change.new, date_format=date_format),
        )
        for change in record.diff_against(previous, excluded_fields=IGNORED_HISTORY_FIELDS).changes
    ]


def _entries(records: list, *, subject: str = "", date_format: str = "%Y-%m-%d") -> list[HistoryEntry]:
    """Simple-history records of one object (oldest first) as HistoryEntry items, oldest first."""
    entries = []
    previous = None
    for record in records:
        entries.append(
            HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                type=HISTORY_KINDS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=field_changes(record, previous, date_format=date_format),
                subject=subject,
            )
        )
        previous = record
    return entries


def object_history(*, instance: Model) -> list[HistoryEntry]:
    """Who created, changed or deleted the object, when, and which values went from old to new; newest first.

    Returns a list of HistoryEntry, dates in FieldChange values as YYYY-MM-DD. One query, whatever the number
    of records: the diffs compare records already loaded. Raises nothing.
    """
    records = list(
        type(instance)
        .history.filter(**{instance._meta.pk.attname: instance.pk})
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = _entries(records)
    entries.reverse()
    return entries


def contact_change_history(*, contact: Contact, memberships: list[Membership]) -> list[HistoryEntry]:
    """Who changed what, and when, on the contact and on each of the given roles of it; newest first.

    Returns a list of HistoryEntry whose `subject` says what changed ("Contactgegevens" or the role); dates in
    FieldChange values as DD-MM-YYYY, as the contact page shows them. Two queries; raises nothing.
    """
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
    entries = _entries(contact_records, subject="Contactgegevens", date_format=WEB_DATE_FORMAT)
    for pk, records in membership_records.items():
        membership = by_membership[pk]
        label = f"Rol: {membership.get_role_display()} {membership.network}"
        if membership.gemeente_id:
            label += f" ({membership.gemeente})"
        entries.extend(_entries(records, subject=label, date_format=WEB_DATE_FORMAT))
    entries.sort(key=lambda e: e.date, reverse=True)
    return entries
