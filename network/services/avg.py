"""AVG erasure: one anonymisation for a single request (admin action, `avg_erase`) and the retention purge.

A contact is anonymised, never deleted: the memberships keep their periods, networks and gemeenten, so counts
and coverage on any past date stay what they were. What identifies the person goes, in the contact row and in
its change history; then every text column of the database (notes, outcomes, import results, the admin's log,
the export log) is searched for the person's name, email address and phone numbers and those are replaced.
"""

import json
import re
from collections.abc import Iterable

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Action, require

from ..models import ChangeProposal, Contact, Membership, VerificationRequest
from ..selectors.avg import contact_history_ids
from .base import _save

REDACTED = "[verwijderd]"

# Fields that identify the person; the contact keeps its organisation, so counts per organisation stay true.
PERSONAL_FIELDS = ("titles", "first_name", "tussenvoegsel", "email", "phone", "mobile", "job_title", "notes")

# Shorter strings would match unrelated text ("de", "Jan"); a needle must be specific to the person.
MIN_NEEDLE_LENGTH = 5


def anonymous_last_name(contact: Contact) -> str:
    return f"Geanonimiseerd #{contact.pk}"


def _needles(contact: Contact) -> set[str]:
    """Strings that can only mean this person, wherever they were copied: name forms, email, phones."""
    candidates = {contact.full_name, contact.sort_name, contact.email, contact.phone, contact.mobile}
    if contact.tussenvoegsel:
        candidates.add(f"{contact.tussenvoegsel} {contact.last_name}")
        if contact.first_name:
            candidates.add(f"{contact.first_name} {contact.last_name}")
    found = set()
    for value in candidates:
        value = (value or "").strip()
        specific = " " in value or "@" in value or any(char.isdigit() for char in value)
        if len(value) >= MIN_NEEDLE_LENGTH and specific:
            found.add(value)
    return found


def _surname_needle(contact: Contact) -> set[str]:
    """The bare last name, for free text ("Kwakkelstein belde"), unless another contact has it too."""
    name = contact.last_name.strip()
    if len(name) < MIN_NEEDLE_LENGTH or name.startswith("Geanonimiseerd"):
        return set()
    shared = Contact.objects.filter(last_name__iexact=name, anonymised_on__isnull=True).exclude(pk=contact.pk)
    return set() if shared.exists() else {name}


@transaction.atomic
def contacts_anonymise(*, actor: User | None, contacts: Iterable[Contact], reason: str = "AVG") -> int:
    """Anonymise contacts (already anonymised ones are left alone), in one transaction (DOMAIN.md, AVG).

    Returns the number of contacts anonymised (int). Raises `PermissionDenied` without `Action.ERASE_CONTACT`.
    """
    require(actor, Action.ERASE_CONTACT)
    needles: set[str] = set()
    surnames: set[str] = set()
    count = 0
    now = timezone.now()
    history = Contact.history.model.objects
    for contact in contacts:
        if contact.anonymised_on is not None:
            continue
        needles |= _needles(contact)
        surnames |= _surname_needle(contact)
        history_ids = contact_history_ids(contact=contact)
        for row in history.filter(id__in=history_ids):
            needles |= _needles(row.instance)
            surnames |= _surname_needle(row.instance)
        blanks = dict.fromkeys(PERSONAL_FIELDS, "")
        history.filter(id__in=history_ids).update(last_name=anonymous_last_name(contact), **blanks)
        for name, value in blanks.items():
            setattr(contact, name, value)
        contact.last_name = anonymous_last_name(contact)
        contact.anonymised_on = now
        _save(contact, actor, f"Geanonimiseerd ({reason})")
        memberships = Membership.objects.filter(contact=contact)
        Membership.history.model.objects.filter(id__in=memberships.values("pk")).update(notes="")
        memberships.update(notes="")
        erase_verification_data(contact=contact)
        count += 1
    if needles or surnames:
        scrub_text_everywhere(needles, free_text_only=surnames)
    return count


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

    Returns the contact, refreshed. Raises `PermissionDenied` without `Action.ERASE_CONTACT`.
    """
    contacts_anonymise(actor=actor, contacts=[contact], reason=reason)
    contact.refresh_from_db()
    return contact


# CharFields that hold free text (copied names), not a structured value of some other record.
FREE_TEXT_CHARFIELDS = {"object_repr", "history_change_reason"}


def _text_columns():
    """Every (model, field, is_json, is_free_text) of the database that can hold copied text, history included.

    Users are left out: a login account is not a contact, and erasing one is a separate decision.
    """
    user_model = get_user_model()
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or model is user_model or meta.label == "sessions.Session":
            continue
        for field in meta.concrete_fields:
            if isinstance(field, models.JSONField):
                yield model, field, True, True
            elif isinstance(field, models.TextField):
                yield model, field, False, True
            elif isinstance(field, models.CharField) and not field.choices:
                yield model, field, False, field.name in FREE_TEXT_CHARFIELDS


def _replace(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(REDACTED, text)


def _replace_in_json(value, pattern: re.Pattern):
    if isinstance(value, str):
        return _replace(value, pattern)
    if isinstance(value, list):
        return [_replace_in_json(item, pattern) for item in value]
    if isinstance(value, dict):
        return {_replace(key, pattern): _replace_in_json(item, pattern) for key, item in value.items()}
    return value


def _pattern(needles: set[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), re.IGNORECASE)


def scrub_text_everywhere(needles: set[str], *, free_text_only: set[str] = frozenset()) -> int:
    """Replace each needle (case-insensitively) in every text and JSON column; returns the rows changed.

    `free_text_only` needles (a bare last name) are replaced only in free text, never in another record's
    structured fields, where the same word may well be somebody else's name.
    """
    changed = 0
    for model, field, is_json, is_free_text in _text_columns():
        wanted = needles | free_text_only if is_free_text else needles
        if not wanted:
            continue
        pattern = _pattern(wanted)
        manager = model._base_manager
        if is_json:
            lookup = f"_scrub_{field.attname}"
            queryset = manager.annotate(**{lookup: Cast(field.attname, models.TextField())})
            searched = wanted | {json.dumps(n)[1:-1] for n in wanted}
        else:
            lookup, queryset, searched = field.attname, manager.all(), wanted
        match = Q()
        for needle in searched:
            match |= Q(**{f"{lookup}__icontains": needle})
        for pk, value in queryset.filter(match).values_list("pk", field.attname):
            new = _replace_in_json(value, pattern) if is_json else _replace(value, pattern)
            if new != value:
                manager.filter(pk=pk).update(**{field.attname: new})
                changed += 1
    return changed
