"""Matching a row to a contact and an organisation (IMPORT.md step 3), and the contacts a list plans.

A contact is found by e-mail, else by name — with the organisation when the file has that column —
first among the rows already read, then in the registry. Nothing is written here.
"""

import functools
from dataclasses import dataclass, field

from django.utils.text import slugify

from ..models import Contact, Organisation
from ..names import fold, name_key
from .parsing import CONTACT_TEXT_FIELDS
from .registry import Registry

# One row asks for its name's key up to three times (matching, duplicates, remembering).
_name_key = functools.lru_cache(maxsize=4096)(name_key)


@dataclass(slots=True)
class PlannedContact:
    """A contact the import creates or matches; changes accumulate over the rows naming the person."""

    instance: Contact
    is_new: bool
    changes: dict[str, tuple] = field(default_factory=dict)

    @property
    def token(self):
        return self.instance.pk if not self.is_new else ("new", id(self))


class ContactPlanner:
    """The contacts and new organisations of one list, in file order, each planned once however many rows name it."""

    def __init__(self, *, registry: Registry, by_organisation: bool):
        self.registry = registry
        self.by_organisation = by_organisation  # the file has an organisation column: match names within it
        self.contacts: dict[int, PlannedContact] = {}  # id(planned) → planned, in file order
        self.file_by_email: dict[str, PlannedContact] = {}
        self.file_by_name_org: dict[tuple, PlannedContact] = {}
        self.file_by_name: dict[str, PlannedContact] = {}
        self.existing_planned: dict[int, PlannedContact] = {}
        self.new_organisations: dict[str, Organisation] = {}

    def organisation(self, name: str) -> Organisation | None:
        """The organisation named (compared folded), an unsaved new one with a free slug, or None for no name."""
        if not name:
            return None
        key = fold(name)
        existing = self.registry.organisations.get(key) or self.new_organisations.get(key)
        if existing:
            return existing
        slug = base = slugify(name)[:190] or "organisatie"
        counter = 2
        while slug in self.registry.organisation_slugs:
            slug = f"{base}-{counter}"
            counter += 1
        self.registry.organisation_slugs.add(slug)
        organisation = Organisation(name=name, slug=slug)
        self.new_organisations[key] = organisation
        return organisation

    def find(self, values: dict, organisation: Organisation | None) -> PlannedContact | None:
        """The planned contact the row's values name, or None when it is someone new."""
        email = values["email"]
        if email:
            planned = self.file_by_email.get(email)
            if planned:
                return planned
            existing = self.registry.by_email.get(email)
        else:
            full = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
            if not self.by_organisation:
                planned = self.file_by_name.get(full)
                if planned:
                    return planned
                same_name = self.registry.by_name.get(full, [])
                existing = same_name[0] if len(same_name) == 1 else None
            else:
                planned = self.file_by_name_org.get((full, _org_token(organisation)))
                if planned:
                    return planned
                existing = None
                if organisation is None or organisation.pk:
                    existing = self.registry.by_name_org.get((full, organisation.pk if organisation else None))
        if existing is None:
            return None
        planned = self.existing_planned.get(existing.pk)
        if planned is None:
            planned = PlannedContact(instance=existing, is_new=False)
            self.existing_planned[existing.pk] = planned
        return planned

    def remember(self, planned: PlannedContact) -> None:
        """Plan the contact: later rows with its e-mail or name find it."""
        contact = planned.instance
        if contact.email:
            self.file_by_email.setdefault(contact.email, planned)
        org = Contact.organisation.field.get_cached_value(contact, default=None)
        org_token = contact.organisation_id or _org_token(org)
        key = (_name_key(contact.first_name, contact.tussenvoegsel, contact.last_name), org_token)
        self.file_by_name_org.setdefault(key, planned)
        self.file_by_name.setdefault(key[0], planned)
        self.contacts.setdefault(id(planned), planned)

    def apply_values(self, planned: PlannedContact, values: dict, organisation) -> dict[str, tuple]:
        """Set the row's non-empty values (an empty cell never blanks a value); the row's changes."""
        contact = planned.instance
        row_changes = {}
        for name in CONTACT_TEXT_FIELDS:
            new = values[name]
            old = getattr(contact, name)
            if new and new != old:
                row_changes[name] = (old, new)
                setattr(contact, name, new)
        if organisation is not None and (organisation.pk is None or contact.organisation_id != organisation.pk):
            cached = Contact.organisation.field.get_cached_value(contact, default=None)
            old = cached or self.registry.organisation_by_id.get(contact.organisation_id) or ""
            if old is not organisation:
                row_changes["organisation"] = (str(old), organisation.name)
                contact.organisation = organisation
        if not planned.is_new:
            for name, (old, new) in row_changes.items():
                first_old = planned.changes.get(name, (old, new))[0]
                planned.changes[name] = (first_old, new)
        return row_changes

    def possible_duplicate(self, values: dict, planned: PlannedContact) -> Contact | None:
        """Another contact (in the registry or earlier in the file) with the same name as a new one, or None."""
        key = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        if not key:
            return None
        others = [c for c in self.registry.by_name.get(key, []) if c.pk != planned.instance.pk]
        earlier_in_file = self.file_by_name.get(key)
        if earlier_in_file is not None and earlier_in_file is not planned:
            others.append(earlier_in_file.instance)
        return others[0] if others else None


def _org_token(organisation: Organisation | None):
    """Identifies an organisation in matching keys, also one this import is about to create."""
    if organisation is None:
        return None
    return organisation.pk or ("new", id(organisation))
