"""AVG erasure: one anonymisation for a single request (admin action, `avg_erase`) and the retention purge.

A contact is anonymised, never deleted: the memberships keep their periods, networks and gemeenten, so counts
and coverage on any past date stay what they were. What identifies the person goes, in the contact row and in
its change history; then every text and JSON column of the database (notes, outcomes, import file names and
results, the admin's log, the export log, history tables) is searched for the person's names, e-mail addresses
and phone numbers in any notation (`erasure`), and login attempts naming them are deleted. Pending uploads of
the import wizard go too: they are contact lists that may name the person.
"""

import logging
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Action, require

from ..models import ChangeProposal, Contact, Membership, VerificationRequest
from ..selectors.avg import contact_history_ids
from .base import _save
from .erasure import Traces, email_pattern, name_pattern, phone_pattern, scrub_everywhere

logger = logging.getLogger(__name__)

# Fields that identify the person; the contact keeps its organisation, so counts per organisation stay true.
PERSONAL_FIELDS = ("titles", "first_name", "tussenvoegsel", "email", "phone", "mobile", "job_title", "notes")

# Shorter strings would match unrelated text ("de", "Jan"); a needle must be specific to the person.
MIN_NEEDLE_LENGTH = 5


def anonymous_last_name(contact: Contact) -> str:
    return f"Geanonimiseerd #{contact.pk}"


def _traces(contact: Contact) -> Traces:
    """What can only mean this person, wherever it was copied: name forms, e-mail, phones, bare surnames."""
    traces = Traces()
    names = {contact.full_name, contact.sort_name}
    if contact.tussenvoegsel:
        names.add(f"{contact.tussenvoegsel} {contact.last_name}")
    if contact.first_name:
        names.add(f"{contact.first_name} {contact.last_name}")
    for name in names:
        name = (name or "").strip()
        if len(name) >= MIN_NEEDLE_LENGTH and len(name.split()) > 1:
            traces.specific.add(name_pattern(name))
    if len(contact.email.strip()) >= MIN_NEEDLE_LENGTH:
        traces.specific.add(email_pattern(contact.email))
    for phone in (contact.phone, contact.mobile):
        pattern = phone_pattern(phone) if phone else None
        if pattern:
            traces.phones.add(pattern)
    traces.surnames |= _surname_patterns(contact)
    return traces


def _surname_patterns(contact: Contact) -> set[str]:
    """The last name and each part of a double-barrelled one ("Vleugelhof-Smit"), for free text ("Vleugelhof
    belde"), unless another contact's last name has that part too."""
    name = contact.last_name.strip()
    if name.startswith("Geanonimiseerd"):
        return set()
    parts = {name, *re.split(r"[\s-]+", name)}
    found = set()
    others = Contact.objects.filter(anonymised_on__isnull=True).exclude(pk=contact.pk)
    for part in parts:
        if len(part) < MIN_NEEDLE_LENGTH:
            continue
        if not others.filter(last_name__iregex=rf"(^|[\s-]){re.escape(part)}($|[\s-])").exists():
            found.add(name_pattern(part))
    return found


@dataclass
class AnonymiseResult:
    """`anonymised`: ids of the contacts anonymised; `failed`: contact id → why not (Dutch), for a report."""

    anonymised: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.anonymised)


class ErasureFailed(RuntimeError):
    """An anonymisation that was rolled back; the message (Dutch) names the contact and the cause."""


def _anonymise_one(*, actor: User | None, contact: Contact, reason: str) -> None:
    traces = _traces(contact)
    history = Contact.history.model.objects
    history_ids = contact_history_ids(contact=contact)
    for row in history.filter(id__in=history_ids):
        traces.update(_traces(row.instance))
    blanks = dict.fromkeys(PERSONAL_FIELDS, "")
    history.filter(id__in=history_ids).update(last_name=anonymous_last_name(contact), **blanks)
    for name, value in blanks.items():
        setattr(contact, name, value)
    contact.last_name = anonymous_last_name(contact)
    contact.anonymised_on = timezone.now()
    _save(contact, actor, f"Geanonimiseerd ({reason})")
    memberships = Membership.objects.filter(contact=contact)
    Membership.history.model.objects.filter(id__in=memberships.values("pk")).update(notes="")
    memberships.update(notes="")
    erase_verification_data(contact=contact)
    scrub_everywhere(traces)


def _clear_pending_uploads() -> None:
    """Remove the import wizard's uploads waiting for a confirm: whole contact lists that may name the person."""
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)


def contacts_anonymise(*, actor: User | None, contacts: Iterable[Contact], reason: str = "AVG") -> AnonymiseResult:
    """Anonymise contacts (already anonymised ones are left alone), each in its own transaction (DOMAIN.md, AVG).

    One person's failure rolls back only that person and does not stop the others: it is logged and returned.
    Returns an `AnonymiseResult` (ids anonymised, failures by contact id). Raises `PermissionDenied` without
    `Action.ERASE_CONTACT`.
    """
    require(actor, Action.ERASE_CONTACT)
    result = AnonymiseResult()
    for contact in contacts:
        if contact.anonymised_on is not None:
            continue
        try:
            with transaction.atomic():
                _anonymise_one(actor=actor, contact=contact, reason=reason)
        except Exception as error:  # one person's failure must not stop the purge; reported below
            logger.exception("Anonimiseren van contactpersoon #%s mislukt", contact.pk)
            contact.refresh_from_db()
            result.failed[contact.pk] = f"niet geanonimiseerd: {type(error).__name__}: {error}"
        else:
            result.anonymised.append(contact.pk)
    if result.anonymised:
        _clear_pending_uploads()
    return result


def erase_verification_data(*, contact: Contact) -> int:
    """Delete the person's verification requests and their change proposals, history rows included (issue 14).

    Part of the erasure (`contacts_anonymise` checks the right). Returns the number of requests deleted (int).
    """
    ids = list(VerificationRequest.objects.filter(contact=contact).values_list("pk", flat=True))
    deleted = VerificationRequest.objects.filter(pk__in=ids).delete()[1].get(VerificationRequest._meta.label, 0)
    # After the delete: deleting the proposals itself adds a history row per proposal.
    ChangeProposal.history.model.objects.filter(request_id__in=ids).delete()
    return deleted


def contact_anonymise(*, actor: User | None, contact: Contact, reason: str = "AVG-verzoek") -> Contact:
    """Erase one person on request: the same anonymisation as the retention purge (DOMAIN.md, AVG).

    Returns the contact, refreshed. Raises `PermissionDenied` without `Action.ERASE_CONTACT`, and
    `ErasureFailed` (a RuntimeError naming the cause) when the anonymisation could not be completed.
    """
    result = contacts_anonymise(actor=actor, contacts=[contact], reason=reason)
    contact.refresh_from_db()
    if contact.pk in result.failed:
        raise ErasureFailed(f"Contactpersoon #{contact.pk} is {result.failed[contact.pk]}")
    return contact
