"""Writes of an attendance import (EVENTS.md): new organisations, contacts and attendees and changed attendees,
each with history rows carrying the actor and "Import #N", so `import_undo` can take them back."""

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.models import User
from accounts.permissions import Action, require

from ..models import Attendee, Contact, ImportBatch, Organisation
from .imports import WRITE_CHUNK, change_reason


@transaction.atomic
def attendance_import_apply(
    *,
    actor: User | None,
    batch: ImportBatch,
    new_organisations: list[Organisation],
    new_contacts: list[Contact],
    new_attendees: list[Attendee],
    updated_attendees: list[Attendee],
) -> None:
    """Write an attendance import in one transaction, a fixed number of statements per kind of row.

    New contacts get `import_batch` (undo removes them again when nothing else refers to them), new attendees
    their `import_batch` as source. Returns None. Raises `PermissionDenied` without `Action.IMPORT` and
    `Action.CHANGE_EVENT`.
    """
    require(actor, Action.IMPORT)
    require(actor, Action.CHANGE_EVENT)
    reason = change_reason(batch)
    if new_organisations:
        Organisation.objects.bulk_create(new_organisations, batch_size=WRITE_CHUNK)
    for contact in new_contacts:
        contact.import_batch = batch
    for attendee in new_attendees:
        attendee.import_batch = batch
    history = {"default_user": actor, "default_change_reason": reason, "batch_size": WRITE_CHUNK}
    if new_contacts:
        bulk_create_with_history(new_contacts, Contact, **history)
    if new_attendees:
        bulk_create_with_history(new_attendees, Attendee, **history)
    if updated_attendees:
        now = timezone.now()
        for attendee in updated_attendees:
            attendee.updated = now
        bulk_update_with_history(
            updated_attendees, Attendee, ["status", "role", "minutes", "gemeente", "updated"], **history
        )
