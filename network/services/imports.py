"""Writes of an import: every new or changed row in a fixed number of statements, and undo.

The query count does not depend on the list's length. New contacts and roles go in with one
`executemany` each (COPY on PostgreSQL); their history rows are copied by one `INSERT … SELECT` per table, carrying the
acting user and the change reason "Import #N" exactly as simple_history's own bulk helpers write them.
(simple_history's bulk_create_with_history builds a Python history object per row and compiles every
value through Django's INSERT compiler; at 10 000 rows that alone took longer than reading the file.)
Changed contacts, whose values differ per row, use simple_history's bulk_update_with_history.
"""

import contextlib
import datetime
import json
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import JSONField, TextField, Value
from django.db.models.functions import Cast
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts.models import User
from accounts.permissions import Action, require

from ..choices import ImportStatus
from ..exceptions import ConflictError
from ..models import Attendee, Contact, ImportBatch, Membership, Organisation

# Rows per UPDATE and ids per IN list: far below PostgreSQL's 65 535 parameters per statement.
WRITE_CHUNK = 10_000


def change_reason(batch: ImportBatch) -> str:
    """The history's change reason for everything a batch writes; undo finds the batch's changes by it."""
    return f"Import #{batch.pk}"


@dataclass
class ImportWrites:
    """What an import changes, decided before anything is written."""

    new_organisations: list[Organisation] = field(default_factory=list)
    new_contacts: list[Contact] = field(default_factory=list)
    updated_contacts: list[Contact] = field(default_factory=list)
    updated_contact_fields: set[str] = field(default_factory=set)
    new_memberships: list[Membership] = field(default_factory=list)
    # The roles a list confirms or ends: anything with `pk`, `verified_on` and `end_date` (no model needed).
    verified_memberships: list = field(default_factory=list)
    ended_memberships: list = field(default_factory=list)


def _chunks(items: list, size: int = WRITE_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _copy_to_history(model, *, where: str, params: list, history_type: str, actor, reason: str, when) -> None:
    """Write history rows for the rows matching `where`, as they are now, in one INSERT … SELECT."""
    quote = connection.ops.quote_name
    history = model.history.model
    columns = {f.attname: f.column for f in model._meta.concrete_fields}
    tracked = [f for f in history._meta.concrete_fields if f.attname in columns]
    extra = {
        "history_date": when,
        "history_change_reason": reason,
        "history_type": history_type,
        "history_user_id": actor.pk if actor is not None else None,
    }
    extra_fields = [history._meta.get_field(name) for name in extra]

    def placeholder(f):
        # PostgreSQL types a bare parameter in a SELECT list as text; SQLite has no use for casts.
        return f"CAST(%s AS {f.db_type(connection)})" if connection.vendor == "postgresql" else "%s"

    target = ", ".join(quote(f.column) for f in [*tracked, *extra_fields])
    source = ", ".join([*(quote(columns[f.attname]) for f in tracked), *(placeholder(f) for f in extra_fields)])
    values = [f.get_db_prep_save(value, connection) for f, value in zip(extra_fields, extra.values(), strict=True)]
    # Identifiers come from the models' metadata, values are parameters.
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({target}) "  # noqa: S608
        f"SELECT {source} FROM {quote(model._meta.db_table)} WHERE {where}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])


def _preparers(fields, when) -> list:
    """How each column's value becomes a database parameter, worked out once per table, not per value.

    Text and keys pass as they are; the creation timestamps are the same for every row; anything else
    goes through the field's own get_db_prep_save.
    """
    conn = connections[DEFAULT_DB_ALIAS]
    stamp = models.DateTimeField().get_db_prep_save(when, conn)
    preparers = []
    for f in fields:
        if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add):
            preparers.append(lambda obj, stamp=stamp: stamp)
        elif isinstance(f, models.CharField | models.TextField | models.ForeignKey | models.BooleanField):
            preparers.append(operator.attrgetter(f.attname))
        else:
            preparers.append(lambda obj, f=f: f.get_db_prep_save(getattr(obj, f.attname), conn))
    return preparers


def _insert(objs, model, *, batch: ImportBatch, when) -> None:
    """Insert rows with one executemany and give the objects their ids (inserted in id order)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    preparers = _preparers(fields, when)
    quote = connection.ops.quote_name

    def rows():
        # Generated while the driver sends them, so a long list is never held twice in memory.
        for obj in objs:
            # A related object created earlier in this import got its primary key only now.
            for related in ("organisation", "contact"):
                if hasattr(obj, f"{related}_id") and getattr(obj, f"{related}_id") is None:
                    target = getattr(obj, related, None)
                    if target is not None:
                        setattr(obj, related, target)
            obj.created = obj.updated = when
            yield [prepare(obj) for prepare in preparers]

    # Identifiers come from the model's metadata, values are parameters.
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    if connection.vendor == "postgresql":
        _copy(f"COPY {table} ({columns}) FROM STDIN", rows())
    else:
        sql = (
            f"INSERT INTO {table} ({columns}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows())
    ids = model.objects.filter(import_batch=batch).order_by("pk").values_list("pk", flat=True)
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias


def _copy(sql: str, rows) -> None:
    """PostgreSQL's COPY, several times faster than INSERTs for thousands of rows.

    psycopg's copy bypasses Django's cursor, so it is logged here like any other statement (for
    django_assert_num_queries and the debug toolbar) when Django's debug cursor is in use.
    """
    with connection.cursor() as cursor:
        log = cursor.debug_sql(sql, many=True) if hasattr(cursor, "debug_sql") else contextlib.nullcontext()
        with log, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _create(objs, model, *, batch: ImportBatch, actor, reason: str, when) -> None:
    if not objs:
        return
    for obj in objs:
        obj.import_batch = batch
    _insert(objs, model, batch=batch, when=when)
    column = connection.ops.quote_name(model._meta.get_field("import_batch").column)
    _copy_to_history(
        model, where=f"{column} = %s", params=[batch.pk], history_type="+", actor=actor, reason=reason, when=when
    )


def _history_for_ids(model, ids: list[int], *, actor: User | None, reason: str, when) -> None:
    column = connection.ops.quote_name(model._meta.pk.column)
    for chunk in _chunks(ids):
        where = f"{column} IN ({', '.join(['%s'] * len(chunk))})"
        _copy_to_history(model, where=where, params=chunk, history_type="~", actor=actor, reason=reason, when=when)


@transaction.atomic
def import_apply(*, actor: User | None, batch: ImportBatch, writes: ImportWrites) -> None:
    """Write an import's changes in one transaction; every history row carries the actor and the batch.

    Returns None. Raises `PermissionDenied` without `Action.IMPORT` (IMPORT.md).
    """
    require(actor, Action.IMPORT)
    reason = change_reason(batch)
    now = timezone.now()
    if writes.new_organisations:
        Organisation.objects.bulk_create(writes.new_organisations, batch_size=WRITE_CHUNK)
    _create(writes.new_contacts, Contact, batch=batch, actor=actor, reason=reason, when=now)
    if writes.updated_contacts:
        for contact in writes.updated_contacts:
            contact.updated = now
        bulk_update_with_history(
            writes.updated_contacts,
            Contact,
            [*sorted(writes.updated_contact_fields), "updated"],
            batch_size=WRITE_CHUNK,
            default_user=actor,
            default_change_reason=reason,
            default_date=now,
        )
    _create(writes.new_memberships, Membership, batch=batch, actor=actor, reason=reason, when=now)
    if writes.verified_memberships:
        ids = [membership.pk for membership in writes.verified_memberships]
        # Every role the list confirms moves up to the same date: the list's.
        verified_on = writes.verified_memberships[0].verified_on
        for chunk in _chunks(ids):
            Membership.objects.filter(pk__in=chunk).update(verified_on=verified_on, updated=now)
        _history_for_ids(Membership, ids, actor=actor, reason=reason, when=now)
    if writes.ended_memberships:
        ids = [membership.pk for membership in writes.ended_memberships]
        end_date = writes.ended_memberships[0].end_date
        for chunk in _chunks(ids):
            Membership.objects.filter(pk__in=chunk).update(end_date=end_date, ended_by_batch=batch, updated=now)
        _history_for_ids(Membership, ids, actor=actor, reason=reason, when=now)


def _touched_contacts(batch: ImportBatch) -> set[int]:
    touched = {row["contact_id"] for row in batch.results if row.get("contact_id")}
    touched.update(batch.ended_memberships.values_list("contact_id", flat=True))
    return touched


def _check_nothing_builds_on(batch: ImportBatch) -> None:
    touched = _touched_contacts(batch)
    later = ImportBatch.objects.filter(status=ImportStatus.APPLIED, id__gt=batch.pk).order_by("id")
    for other in later:
        if touched & _touched_contacts(other):
            raise ConflictError(
                f"Import #{batch.pk} kan niet worden teruggedraaid: de latere import #{other.pk} "
                f"({other.file_name}) bouwt erop voort. Draai die eerst terug."
            )


def _restore_from_history(model, batch: ImportBatch, *, actor: User | None, reason: str) -> None:
    """Put every row the batch changed back to the state its history recorded just before the batch."""
    history = model.history.model
    changed = list(history.objects.filter(history_change_reason=change_reason(batch), history_type="~"))
    if not changed:
        return
    ids = {record.id for record in changed}
    first_change = {}
    for record in sorted(changed, key=lambda r: (r.history_date, r.history_id)):
        first_change.setdefault(record.id, record)
    records = history.objects.filter(id__in=ids).order_by("id", "-history_date", "-history_id")
    before, latest = {}, {}
    for record in records:
        latest.setdefault(record.id, record)
        cutoff = first_change[record.id]
        if (record.history_date, record.history_id) < (cutoff.history_date, cutoff.history_id):
            before.setdefault(record.id, record)
    for record in latest.values():
        if record.history_change_reason != change_reason(batch):
            raise ConflictError(
                f"Import #{batch.pk} kan niet worden teruggedraaid: {model._meta.verbose_name} "
                f"'{record.instance}' is na de import nog gewijzigd."
            )
    current = model.objects.in_bulk(list(before))
    fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    restored = []
    for pk, record in before.items():
        obj = current.get(pk)
        if obj is None:
            continue
        for name in fields:
            setattr(obj, name, getattr(record, name))
        restored.append(obj)
    if restored:
        # The restored `updated` timestamp is part of the state: write it as history recorded it.
        model.objects.bulk_update(restored, fields, batch_size=WRITE_CHUNK)
        model.history.bulk_history_create(
            restored, batch_size=WRITE_CHUNK, update=True, default_user=actor, default_change_reason=reason
        )


def _delete(objs, *, actor: User | None, reason: str) -> None:
    for obj in objs:
        obj._history_user = actor
        obj._change_reason = reason
        obj.delete()


@transaction.atomic
def import_undo(*, actor: User | None, batch: ImportBatch) -> ImportBatch:
    """Revert a batch: its memberships and attendees go, roles it ended reopen, contact fields and attendees it
    changed return, its new contacts go.

    Refused when a later batch touched the same contacts: undoing underneath it would leave that
    batch's results describing a state that no longer exists (IMPORT.md). Returns the batch, now undone.
    Raises `PermissionDenied` without `Action.IMPORT` and `ConflictError` (already undone, or a later batch
    builds on it).
    """
    require(actor, Action.IMPORT)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == ImportStatus.UNDONE:
        raise ConflictError(f"Import #{batch.pk} is al teruggedraaid.")
    _check_nothing_builds_on(batch)
    reason = f"Import #{batch.pk} teruggedraaid"
    _delete(Membership.objects.filter(import_batch=batch), actor=actor, reason=reason)
    _delete(Attendee.objects.filter(import_batch=batch), actor=actor, reason=reason)
    _restore_from_history(Attendee, batch, actor=actor, reason=reason)
    _restore_from_history(Membership, batch, actor=actor, reason=reason)
    _restore_from_history(Contact, batch, actor=actor, reason=reason)
    orphans = Contact.objects.filter(import_batch=batch, memberships__isnull=True, attendances__isnull=True)
    _delete(orphans, actor=actor, reason=reason)
    created_organisations = batch.counts.get("created_organisations", [])
    Organisation.objects.filter(id__in=created_organisations, contacts__isnull=True).delete()
    batch.status = ImportStatus.UNDONE
    batch.undone_at = timezone.now()
    batch.undone_by = actor
    batch.save(update_fields=["status", "undone_at", "undone_by", "updated"])
    return batch


def import_batch_create(
    *,
    actor: User | None,
    file_name: str,
    sha256: str,
    mode: str,
    network,
    as_of: datetime.date,
) -> ImportBatch:
    """Open the batch an import's rows are recorded under.

    Returns the saved `ImportBatch` (status applied, counts empty). Raises `PermissionDenied` without
    `Action.IMPORT`.
    """
    require(actor, Action.IMPORT)
    return ImportBatch.objects.create(
        file_name=file_name[:255], sha256=sha256, user=actor, mode=mode, network=network, as_of=as_of
    )


def import_batch_record(*, batch: ImportBatch, counts: dict, results: Iterable[dict]) -> ImportBatch:
    """Store the counts and the per-row results; `batch.results` is not loaded back into memory.

    The results are encoded row by row into one JSON text: for a list of 100 000 rows, holding them
    as Python dicts on top of the import itself would double its peak memory.
    """
    text = "[" + ",".join(json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder) for row in results) + "]"
    ImportBatch.objects.filter(pk=batch.pk).update(
        counts=counts, results=Cast(Value(text, output_field=TextField()), JSONField()), updated=timezone.now()
    )
    batch.counts = counts
    return batch
