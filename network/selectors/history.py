"""Change history of one object, read from django-simple-history, for the web pages and the API alike.

An anonymised contact's history is blanked in place by the AVG service; these reads show the records as stored,
so they never bring back what was erased.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.text import capfirst

HISTORY_KINDS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
HISTORY_TYPES = tuple(HISTORY_KINDS.values())
IGNORED_HISTORY_FIELDS = {"created", "updated", "id"}


@dataclass
class FieldChange:
    field: str
    label: str
    old: str | None
    new: str | None


@dataclass
class ObjectHistoryEntry:
    date: datetime.datetime
    user: object
    type: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)

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


def object_history(*, instance: Model) -> list[ObjectHistoryEntry]:
    """Who created, changed or deleted the object, when, and which values went from old to new; newest first.

    One query, whatever the number of records: the diffs compare records already loaded.
    """
    records = list(
        type(instance)
        .history.filter(**{instance._meta.pk.attname: instance.pk})
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for record in records:
        entries.append(
            ObjectHistoryEntry(
                date=record.history_date,
                user=record.history_user,
                type=HISTORY_KINDS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=field_changes(record, previous),
            )
        )
        previous = record
    entries.reverse()
    return entries
