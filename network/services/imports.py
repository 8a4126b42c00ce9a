"""Writes of an import: every new or changed row in a fixed number of statements, and undo.

The query count does not depend on the list's length. New contacts and roles go in with one
`executemany` each (COPY on PostgreSQL); their history rows are copied by one `INSERT … SELECT` per table, carrying the
acting user and the change reason "Import #N" exactly as simple_history's own bulk helpers write them.
(simple_history's bulk_create_with_history builds a Python history object per row and compiles every
value through Django's INSERT compiler; at 10 000 rows that alone took longer than reading the file.)
Changed contacts, whose values differ per row, are one `UPDATE … WHERE id = %s` sent with executemany (Django's
bulk_update builds a CASE with a branch per row, quadratic in SQLite: 10 000 changed contacts took minutes and
hundreds of MB), and their history rows are copied like those of the roles.
"""

import contextlib
import datetime
import itertools
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Action, require

from ..models import Contact, ImportBatch, ImportBatchRow, Membership, Organisation

# Rows per UPDATE and ids per IN list: far below PostgreSQL's 65 535 parameters per statement.
WRITE_CHUNK = 10_000
# A batch's result rows per INSERT: a few thousand rows in memory at a time, one statement per chunk.
RESULT_CHUNK = 2_000


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
    # New roles: Membership instances or anything with the attribute names of Membership's columns.
    new_memberships: list = field(default_factory=list)
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
        state = getattr(obj, "_state", None)  # a model instance; the importer's planned roles have none
        if state is not None:
            state.adding = False
            state.db = connection.alias


def _update(objs, model, fields, *, when) -> None:
    """Write `fields` (and the `updated` stamp) of each object: one statement sent with executemany."""
    stamp = models.DateTimeField().get_db_prep_save(when, connection)
    quote = connection.ops.quote_name
    preparers = _preparers(fields, when)
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in [*fields, model._meta.get_field("updated")])
    # Identifiers come from the model's metadata, values are parameters.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"  # noqa: S608

    def rows():
        for obj in objs:
            if getattr(obj, "organisation_id", 0) is None and getattr(obj, "organisation", None) is not None:
                obj.organisation = obj.organisation  # an organisation this import created has its id now
            obj.updated = when
            yield [*(prepare(obj) for prepare in preparers), stamp, obj.pk]

    with connection.cursor() as cursor:
        cursor.executemany(sql, rows())


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


@transaction.atomic(savepoint=False)
def import_apply(*, actor: User | None, batch: ImportBatch, writes: ImportWrites) -> None:
    """Write an import's changes in one transaction; every history row carries the actor and the batch.

    Called inside a transaction (the pipeline's, under `networks_lock`) it adds no savepoint: a failed
    write fails the whole import.

    Returns None. Raises `PermissionDenied` without `Action.IMPORT` (IMPORT.md).
    """
    require(actor, Action.IMPORT)
    reason = change_reason(batch)
    now = timezone.now()
    if writes.new_organisations:
        Organisation.objects.bulk_create(writes.new_organisations, batch_size=WRITE_CHUNK)
    _create(writes.new_contacts, Contact, batch=batch, actor=actor, reason=reason, when=now)
    if writes.updated_contacts:
        fields = [Contact._meta.get_field(name) for name in sorted(writes.updated_contact_fields)]
        _update(writes.updated_contacts, Contact, fields, when=now)
        _history_for_ids(Contact, [c.pk for c in writes.updated_contacts], actor=actor, reason=reason, when=now)
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


@transaction.atomic(savepoint=False)
def import_batch_record(*, batch: ImportBatch, counts: dict, results: Iterable[dict]) -> ImportBatch:
    """Store the counts and the per-row results, as rows of `batch.rows` in the order given.

    `results` holds one dict per spreadsheet row (row, action, contact, contact_id, optional membership_id,
    changes, messages, and any other key the caller adds; see ImportBatchRow). It is consumed as it is written,
    RESULT_CHUNK rows per statement (executemany; COPY on PostgreSQL, four times faster there than executemany
    or a multi-row INSERT): a generator of 100 000 rows is never held as a list, nor encoded into one JSON text.
    Returns the batch with its counts set. Raises nothing of its own.
    """
    now = timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(counts=counts, updated=now)
    batch.counts = counts
    quote = connection.ops.quote_name
    meta = ImportBatchRow._meta
    names = ("created", "updated", "batch", "row", "action", "contact", "contact_id", "membership_id", "details")
    # Identifiers come from the model's metadata, values are parameters.
    table = f"{quote(meta.db_table)} ({', '.join(quote(meta.get_field(n).column) for n in names)})"
    stamp = models.DateTimeField().get_db_prep_save(now, connection)
    encode = DjangoJSONEncoder().encode  # `details` as JSON text: what JSONField writes, without its per-value adapter

    def params(result: dict) -> list:
        *values, extra = ImportBatchRow.values_of(result)
        return [stamp, stamp, batch.pk, *values, encode(extra) if extra else "{}"]

    results = iter(results)
    while chunk := [params(result) for result in itertools.islice(results, RESULT_CHUNK)]:
        if connection.vendor == "postgresql":
            _copy(f"COPY {table} FROM STDIN", chunk)
        else:
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} VALUES ({', '.join(['%s'] * len(names))})", chunk)  # noqa: S608
    return batch
