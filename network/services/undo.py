"""Undo of an import in a fixed number of set-based statements, whatever the number of rows it wrote.

Every row the batch created goes with one `INSERT … SELECT` into its history (type "-", the acting user, the
reason "Import #N teruggedraaid") and one `DELETE`; every row it changed is put back from its history with one
`UPDATE … SET (columns) = (SELECT … the record just before the batch)` and one history copy (type "~"). Deleting
row by row through the ORM wrote a history row per object (simple_history's post_delete signal keeps Django from
deleting in bulk): 46 s for 20 000 rows on PostgreSQL. Numbers are in docs/benchmarks.md.
"""

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Action, require

from ..choices import ImportStatus
from ..exceptions import ConflictError
from ..models import Attendee, Contact, ImportBatch, Membership, Organisation, Outreach
from ..selectors.imports import import_batch_building_on
from .imports import _copy_to_history, change_reason
from .locking import networks_lock


def _check_nothing_builds_on(batch: ImportBatch) -> None:
    other = import_batch_building_on(batch=batch)
    if other is not None:
        raise ConflictError(
            f"Import #{batch.pk} kan niet worden teruggedraaid: de latere import #{other.pk} "
            f"({other.file_name}) bouwt erop voort. Draai die eerst terug."
        )


def _names(model) -> tuple[str, str, str, str]:
    """Quoted (table, history table, primary key column, history primary key column)."""
    quote = connection.ops.quote_name
    history = model.history.model
    return (
        quote(model._meta.db_table),
        quote(history._meta.db_table),
        quote(model._meta.pk.column),
        quote(history._meta.pk.column),
    )


def _restore_from_history(model, batch: ImportBatch, *, actor: User | None, reason: str, when) -> None:
    """Put every row the batch changed back to the state its history recorded just before the batch: 3 queries.

    Raises `ConflictError` when such a row was changed again after the batch.
    """
    table, history, pk, history_pk = _names(model)
    quote = connection.ops.quote_name
    batch_reason = change_reason(batch)
    # Identifiers come from the models' metadata, values are parameters. Joins on grouped derived tables (not
    # correlated subqueries) keep PostgreSQL's plan linear in the rows, also before the tables are analysed.
    changed = f"SELECT ch.{pk} FROM {history} ch WHERE ch.history_change_reason = %s AND ch.history_type = '~'"  # noqa: S608
    marks = (
        f"SELECT c.{pk} AS row_id, MIN(c.{history_pk}) AS first_id, MAX(c.{history_pk}) AS last_id "  # noqa: S608
        f"FROM {history} c WHERE c.history_change_reason = %s AND c.history_type = '~' GROUP BY c.{pk}"
    )
    later = f"SELECT h.{pk} FROM {history} h JOIN ({marks}) m ON h.{pk} = m.row_id AND h.{history_pk} > m.last_id"  # noqa: S608
    before = (
        f"SELECT m.row_id, MAX(b.{history_pk}) AS before_id FROM ({marks}) m "  # noqa: S608
        f"JOIN {history} b ON b.{pk} = m.row_id AND b.{history_pk} < m.first_id GROUP BY m.row_id"
    )
    columns = [quote(f.column) for f in model._meta.concrete_fields if not f.primary_key]
    with connection.cursor() as cursor:
        cursor.execute(f"{later} LIMIT 1", [batch_reason])
        clash = cursor.fetchone()
        if clash:
            record = model._base_manager.filter(pk=clash[0]).first()
            raise ConflictError(
                f"Import #{batch.pk} kan niet worden teruggedraaid: {model._meta.verbose_name} "
                f"'{record}' is na de import nog gewijzigd."
            )
        # The restored `updated` timestamp is part of the state: written back as history recorded it.
        cursor.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = r.{c}' for c in columns)} "  # noqa: S608
            f"FROM ({before}) p JOIN {history} r ON r.{history_pk} = p.before_id WHERE {table}.{pk} = p.row_id",
            [batch_reason],
        )
    _copy_to_history(
        model, where=f"{pk} IN ({changed})", params=[batch_reason], history_type="~", actor=actor, reason=reason,
        when=when,
    )  # fmt: skip


def _delete_where(model, where: str, params: list, *, actor: User | None, reason: str, when) -> None:
    """Delete the rows matching `where` in one statement, after one copy of them into the history (type "-")."""
    table = connection.ops.quote_name(model._meta.db_table)
    _copy_to_history(model, where=where, params=params, history_type="-", actor=actor, reason=reason, when=when)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608


def _delete_unused_organisations(ids: list[int]) -> None:
    """Delete the organisations (not history-tracked) among `ids` that no contact names, in one statement."""
    if not ids:
        return
    quote = connection.ops.quote_name
    table, pk = quote(Organisation._meta.db_table), quote(Organisation._meta.pk.column)
    in_use = (
        f"SELECT 1 FROM {quote(Contact._meta.db_table)} c "  # noqa: S608
        f"WHERE c.{quote(Contact._meta.get_field('organisation').column)} = {table}.{pk}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE {pk} IN ({', '.join(['%s'] * len(ids))}) AND NOT EXISTS ({in_use})",  # noqa: S608
            ids,
        )


@transaction.atomic
def import_undo(*, actor: User | None, batch: ImportBatch) -> ImportBatch:
    """Revert a batch: its memberships and attendees go, roles it ended reopen, contact fields and attendees it
    changed return, its new contacts go.

    Refused when a later batch touched the same contacts: undoing underneath it would leave that
    batch's results describing a state that no longer exists (IMPORT.md). A fixed number of queries whatever
    the batch's size. Returns the batch, now undone. Raises `PermissionDenied` without `Action.IMPORT` and
    `ConflictError` (already undone, a later batch builds on it, or a row changed since).
    """
    require(actor, Action.IMPORT)
    networks_lock()
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == ImportStatus.UNDONE:
        raise ConflictError(f"Import #{batch.pk} is al teruggedraaid.")
    _check_nothing_builds_on(batch)
    reason = f"Import #{batch.pk} teruggedraaid"
    now = timezone.now()
    quote = connection.ops.quote_name
    membership_batch = quote(Membership._meta.get_field("import_batch").column)
    _delete_where(Membership, f"{membership_batch} = %s", [batch.pk], actor=actor, reason=reason, when=now)
    if "event" in batch.counts:  # an attendance list (network/attendance): its attendees go or return too
        attendee_batch = quote(Attendee._meta.get_field("import_batch").column)
        _delete_where(Attendee, f"{attendee_batch} = %s", [batch.pk], actor=actor, reason=reason, when=now)
        _restore_from_history(Attendee, batch, actor=actor, reason=reason, when=now)
    _restore_from_history(Membership, batch, actor=actor, reason=reason, when=now)
    _restore_from_history(Contact, batch, actor=actor, reason=reason, when=now)
    contact_table, _, contact_pk, _ = _names(Contact)
    orphans = (
        f"{quote(Contact._meta.get_field('import_batch').column)} = %s AND NOT EXISTS (SELECT 1 FROM "  # noqa: S608
        f"{quote(Membership._meta.db_table)} m WHERE m.{quote(Membership._meta.get_field('contact').column)} = "
        f"{contact_table}.{contact_pk}) AND NOT EXISTS (SELECT 1 FROM {quote(Attendee._meta.db_table)} a "
        f"WHERE a.{quote(Attendee._meta.get_field('contact').column)} = {contact_table}.{contact_pk})"
    )
    # What Django's delete would do for the contactmomenten with such a contact (SET_NULL, no history row).
    Outreach.objects.filter(
        contact__import_batch=batch, contact__memberships__isnull=True, contact__attendances__isnull=True
    ).update(contact=None)
    _delete_where(Contact, orphans, [batch.pk], actor=actor, reason=reason, when=now)
    _delete_unused_organisations(batch.counts.get("created_organisations", []))
    batch.status = ImportStatus.UNDONE
    batch.undone_at = now
    batch.undone_by = actor
    batch.save(update_fields=["status", "undone_at", "undone_by", "updated"])
    return batch
