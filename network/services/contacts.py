"""Writes to contacts and organisations."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify

from accounts.models import User
from accounts.permissions import Action, require

from ..choices import OrganisationKind
from ..exceptions import ConflictError
from ..models import Contact, Gemeente, ImportBatch, Membership, Organisation, Outreach, VerificationRequest
from .base import _save, normalise_email

CONTACT_FIELDS = (
    "titles",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "email",
    "phone",
    "mobile",
    "job_title",
    "organisation",
    "notes",
)


def _check_email(email: str, *, exclude_pk: int | None = None) -> None:
    if not email:
        return
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationError({"email": f"'{email}' is geen geldig e-mailadres."}) from exc
    clash = Contact.objects.annotate(email_lower=Lower("email")).filter(email_lower=email)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    other = clash.first()
    if other:
        raise ConflictError({"email": f"Het e-mailadres {email} hoort al bij {other.full_name}."})


def contact_create(
    *,
    actor: User | None,
    last_name: str,
    titles: str = "",
    first_name: str = "",
    tussenvoegsel: str = "",
    email: str = "",
    phone: str = "",
    mobile: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    notes: str = "",
    is_demo: bool = False,
    import_batch: ImportBatch | None = None,
    reason: str | None = None,
) -> Contact:
    """Add a contact (work details only, AVG); the e-mail address is normalised and must be unique.

    Returns the saved `Contact`. Raises `PermissionDenied` without `Action.CHANGE_CONTACT`, `ValidationError`
    (no last name, an invalid e-mail address) and `ConflictError` (the e-mail address belongs to another
    contact).
    """
    require(actor, Action.CHANGE_CONTACT)
    if not (last_name or "").strip():
        raise ValidationError({"last_name": "Een achternaam is verplicht."})
    email = normalise_email(email)
    with transaction.atomic():
        _check_email(email)
        contact = Contact(
            titles=titles.strip(),
            first_name=first_name.strip(),
            tussenvoegsel=tussenvoegsel.strip(),
            last_name=last_name.strip(),
            email=email,
            phone=phone.strip(),
            mobile=mobile.strip(),
            job_title=job_title.strip(),
            organisation=organisation,
            notes=notes,
            is_demo=is_demo,
            import_batch=import_batch,
        )
        _save(contact, actor, reason)
    return contact


@transaction.atomic
def contact_update(*, actor: User | None, contact: Contact, reason: str | None = None, **fields) -> Contact:
    """Change the given fields; fields not passed stay as they are.

    Returns the saved `Contact`. Raises `PermissionDenied` without `Action.CHANGE_CONTACT`, `ValidationError`
    (an empty last name, an invalid e-mail address) and `ConflictError` (the e-mail address belongs to another
    contact); `ValueError` for an unknown field name is a programming error.
    """
    require(actor, Action.CHANGE_CONTACT)
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown contact fields: {sorted(unknown)}")
    if "email" in fields:
        fields["email"] = normalise_email(fields["email"])
        _check_email(fields["email"], exclude_pk=contact.pk)
    if "last_name" in fields and not (fields["last_name"] or "").strip():
        raise ValidationError({"last_name": "Een achternaam is verplicht."})
    changed = False
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip() if name != "notes" else value
        if getattr(contact, name) != value:
            setattr(contact, name, value)
            changed = True
    if changed:
        _save(contact, actor, reason)
    return contact


@transaction.atomic
def contact_merge(*, actor: User | None, keep: Contact, duplicate: Contact, values: dict | None = None) -> Contact:
    """Merge `duplicate` into `keep`: memberships, outreach and verification requests move over, chosen values are kept.

    `values` names, per contact field, the value to keep (taken from either contact). The duplicate's
    history stays in the history tables; the duplicate row itself is removed. Returns `keep`, saved.
    Raises `PermissionDenied` without `Action.CHANGE_CONTACT` and `Action.MERGE_CONTACTS` (merging removes the
    duplicate row), `ValidationError` (merging a contact with
    itself, an invalid chosen value) and `ConflictError` (a chosen e-mail address belongs to a third contact).
    """
    require(actor, Action.CHANGE_CONTACT)
    require(actor, Action.MERGE_CONTACTS)
    if keep.pk == duplicate.pk:
        raise ValidationError("Een contactpersoon kan niet met zichzelf worden samengevoegd.")
    values = dict(values or {})
    duplicate_email = duplicate.email
    Membership.objects.filter(contact=duplicate).update(contact=keep)
    Outreach.objects.filter(contact=duplicate).update(contact=keep)
    VerificationRequest.objects.filter(contact=duplicate).update(contact=keep)
    duplicate._history_user = actor
    duplicate._change_reason = f"Samengevoegd met contactpersoon #{keep.pk}"
    duplicate.delete()
    if values.get("email") is None and not keep.email and duplicate_email:
        values["email"] = duplicate_email
    return contact_update(
        actor=actor, contact=keep, reason=f"Samengevoegd met contactpersoon #{duplicate.pk}", **values
    )


@transaction.atomic
def organisation_get_or_create(
    *, actor: User | None, name: str, kind: str = OrganisationKind.OTHER, gemeente: Gemeente | None = None
) -> tuple[Organisation, bool]:
    """The organisation of that name (case-insensitive), created with a unique slug when there is none.

    Returns `(organisation, created)`. Raises `PermissionDenied` without `Action.CHANGE_ORGANISATION` and
    `ValidationError` for an empty name.
    """
    require(actor, Action.CHANGE_ORGANISATION)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Een organisatienaam is verplicht."})
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        return existing, False
    slug = base = slugify(name)[:190] or "organisatie"
    counter = 2
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return Organisation.objects.create(name=name, slug=slug, kind=kind, gemeente=gemeente), True
