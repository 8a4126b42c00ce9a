"""Writes of an import: every new or changed row in a handful of bulk queries, and undo.

An import of 50 or 500 rows makes the same queries: objects are created and updated with
simple_history's bulk helpers (so the history still names the user and the batch), in chunks of
WRITE_CHUNK rows, which only matters for lists of thousands.
"""

import datetime
import sqlite3
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ..choices import ImportStatus
from ..exceptions import ConflictError
from ..models import Contact, ImportBatch, Membership, Organisation

# Rows per INSERT/UPDATE: below PostgreSQL's 65 535 parameters per statement for the widest
# (historical) table, large enough that ordinary lists fit in one statement.
WRITE_CHUNK = 2000


def change_reason(batch: ImportBatch) -> str:
    """The history's change reason for everything a batch writes; undo finds the batch's changes by it."""
    return f"Import #{batch.pk}"


def use_sqlite_parameter_limit() -> None:
    """Let Django use the SQLite library's real parameter limit instead of its default guess of 999.

    Without this a 500-row list is written in eight INSERTs on SQLite and one on PostgreSQL.
    """
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    connection.features.max_query_params = max(999, limit)


@dataclass
class ImportWrites:
    """What an import changes, decided before anything is written."""

    new_organisations: list[Organisation] = field(default_factory=list)
    new_contacts: list[Contact] = field(default_factory=list)
    updated_contacts: list[Contact] = field(default_factory=list)
    updated_contact_fields: set[str] = field(default_factory=set)
    new_memberships: list[Membership] = field(default_factory=list)
    verified_memberships: list[Membership] = field(default_factory=list)
    ended_memberships: list[Membership] = field(default_factory=list)


def _update(objs, model, fields, *, actor, reason) -> None:
    if not objs:
        return
    now = timezone.now()
    for obj in objs:
        obj.updated = now
    bulk_update_with_history(
        objs,
        model,
        [*sorted(fields), "updated"],
        batch_size=WRITE_CHUNK,
        default_user=actor,
        default_change_reason=reason,
    )


def _create(objs, model, *, actor, reason) -> None:
    if not objs:
        return
    for obj in objs:
        # Related objects created earlier in this import got their primary key only now.
        for related in ("organisation", "contact"):
            if hasattr(obj, f"{related}_id") and getattr(obj, f"{related}_id") is None:
                target = getattr(obj, related, None)
                if target is not None:
                    setattr(obj, related, target)
    bulk_create_with_history(objs, model, batch_size=WRITE_CHUNK, default_user=actor, default_change_reason=reason)


@transaction.atomic
def import_apply(*, actor, batch: ImportBatch, writes: ImportWrites) -> None:
    """Write an import's changes in one transaction; every history row carries the actor and the batch."""
    use_sqlite_parameter_limit()
    reason = change_reason(batch)
    if writes.new_organisations:
        Organisation.objects.bulk_create(writes.new_organisations, batch_size=WRITE_CHUNK)
    for contact in writes.new_contacts:
        contact.import_batch = batch
    _create(writes.new_contacts, Contact, actor=actor, reason=reason)
    _update(writes.updated_contacts, Contact, writes.updated_contact_fields, actor=actor, reason=reason)
    for membership in writes.new_memberships:
        membership.import_batch = batch
    _create(writes.new_memberships, Membership, actor=actor, reason=reason)
    _update(writes.verified_memberships, Membership, {"verified_on"}, actor=actor, reason=reason)
    for membership in writes.ended_memberships:
        membership.ended_by_batch = batch
    _update(writes.ended_memberships, Membership, {"end_date", "ended_by_batch"}, actor=actor, reason=reason)


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


def _restore_from_history(model, batch: ImportBatch, *, actor, reason: str) -> None:
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


def _delete(objs, *, actor, reason: str) -> None:
    for obj in objs:
        obj._history_user = actor
        obj._change_reason = reason
        obj.delete()


@transaction.atomic
def import_undo(*, actor, batch: ImportBatch) -> ImportBatch:
    """Revert a batch: its memberships go, roles it ended reopen, contact fields return, its new contacts go.

    Refused when a later batch touched the same contacts: undoing underneath it would leave that
    batch's results describing a state that no longer exists.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == ImportStatus.UNDONE:
        raise ConflictError(f"Import #{batch.pk} is al teruggedraaid.")
    _check_nothing_builds_on(batch)
    reason = f"Import #{batch.pk} teruggedraaid"
    _delete(Membership.objects.filter(import_batch=batch), actor=actor, reason=reason)
    _restore_from_history(Membership, batch, actor=actor, reason=reason)
    _restore_from_history(Contact, batch, actor=actor, reason=reason)
    orphans = Contact.objects.filter(import_batch=batch, memberships__isnull=True)
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
    actor,
    file_name: str,
    sha256: str,
    mode: str,
    network,
    as_of: datetime.date,
) -> ImportBatch:
    return ImportBatch.objects.create(
        file_name=file_name[:255], sha256=sha256, user=actor, mode=mode, network=network, as_of=as_of
    )


def import_batch_record(*, batch: ImportBatch, counts: dict, results: list[dict]) -> ImportBatch:
    batch.counts = counts
    batch.results = results
    batch.save(update_fields=["counts", "results", "updated"])
    return batch
