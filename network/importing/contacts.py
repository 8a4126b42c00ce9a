"""Matching a row to a contact and an organisation (IMPORT.md step 3), and the contacts a list plans.

A contact is found by e-mail, else by name — with the organisation when the file has that column —
first among the rows already read, then in the registry. Nothing is written here.
"""

import functools
from dataclasses import dataclass

from django.utils.text import slugify

from ..matching import organisation_key, organisations_look_alike
from ..models import CONTACT_TEXT_FIELDS, Organisation
from ..names import name_key
from .contact_values import parse_phone
from .registry import ContactDraft, Registry

# One row asks for its name's key up to three times (matching, duplicates, remembering).
_name_key = functools.lru_cache(maxsize=4096)(name_key)


@dataclass(slots=True)
class PlannedContact:
    """A contact the import creates or matches; changes accumulate over the rows naming the person."""

    instance: ContactDraft
    is_new: bool
    # field → (value before the import, value after); None: no change. Never changed in place: the first row's
    # dict is shared with that row's result (100 000 rows would otherwise hold every change twice).
    changes: dict[str, tuple] | None = None
    listed: bool = False  # in ContactPlanner.contacts already

    @property
    def token(self) -> int:
        """The contact's pk, or a negative number standing for a contact this import creates."""
        return self.instance.pk if not self.is_new else -id(self)


class ContactPlanner:
    """The contacts and new organisations of one list, in file order, each planned once however many rows name it."""

    def __init__(self, *, registry: Registry, by_organisation: bool):
        self.registry = registry
        self.by_organisation = by_organisation  # the file has an organisation column: match names within it
        self.contacts: list[PlannedContact] = []  # in file order, each once (see PlannedContact.listed)
        self.file_by_email: dict[str, PlannedContact] = {}
        self.file_by_name_org: dict[tuple, PlannedContact] = {}
        self.file_by_name: dict[str, PlannedContact] = {}
        self.existing_planned: dict[int, PlannedContact] = {}
        self.new_organisations: dict[str, Organisation] = {}
        self._look_alikes: dict[str, Organisation | None] = {}  # organisation_key → known look-alike or None
        # The e-mails the file gives a person, by name (and organisation): a row without an address is
        # the same person as a row with one, before or after it (IMPORT.md step 3). Only names that also
        # occur without an address are kept.
        self.names_without_email: set[str] = set()
        self.file_emails: dict[tuple, set[str]] = {}

    def note_file_row(self, values: dict) -> None:
        """First pass over the file: remember the names that come without an e-mail address."""
        if not values["email"] and values["last_name"]:
            self.names_without_email.add(_name_key(values["first_name"], values["tussenvoegsel"], values["last_name"]))

    def note_file_email(self, values: dict, organisation_name: str) -> None:
        """Second look at a row with an address (after `note_file_row` saw every row): index it by name when
        the same name also comes without an address."""
        if not self.names_without_email or not values["email"] or not values["last_name"]:
            return
        full = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        if full in self.names_without_email:
            self.file_emails.setdefault((full, organisation_key(organisation_name)), set()).add(values["email"])
            self.file_emails.setdefault((full, None), set()).add(values["email"])

    def email_for(self, values: dict, organisation_name: str) -> str:
        """The row's e-mail, else the one address the file gives the same name elsewhere (or "")."""
        if values["email"] or not values["last_name"]:
            return values["email"]
        full = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        key = (full, organisation_key(organisation_name) if self.by_organisation and organisation_name else None)
        emails = self.file_emails.get(key, ())
        return next(iter(emails)) if len(emails) == 1 else ""

    def organisation(self, name: str) -> Organisation | None:
        """The organisation named (by name or alias, as organisation_key compares), an unsaved new one with a
        free slug, or None for no name."""
        if not name:
            return None
        key = organisation_key(name)
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

    def look_alike(self, organisation: Organisation) -> Organisation | None:
        """A known organisation a new one is probably another spelling of, or None (asked once per name)."""
        key = organisation_key(organisation.name)
        if key not in self._look_alikes:
            known = self.registry.organisation_by_id.values()
            alike = (other for other in known if organisations_look_alike(organisation.name, other.name))
            self._look_alikes[key] = next(alike, None)
        return self._look_alikes[key]

    def find(self, values: dict, organisation: Organisation | None, email: str = "") -> PlannedContact | None:
        """The planned contact the row's values name (by `email`, the row's own or one the file gives the
        same name), or None when it is someone new."""
        email = email or values["email"]
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
                same_name = self.registry.named(full)
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

    def remember(self, planned: PlannedContact, email: str = "") -> None:
        """Plan the contact: later rows with its e-mail (or `email`, the one the file gives it) or name find it."""
        contact = planned.instance
        for address in {contact.email, email} - {""}:
            self.file_by_email.setdefault(address, planned)
        full = _name_key(contact.first_name, contact.tussenvoegsel, contact.last_name)
        if self.names_without_email:
            # Only a row without an address is matched by name and organisation (see `find`).
            org_token = contact.organisation_id or _org_token(contact.organisation)
            self.file_by_name_org.setdefault((full, org_token), planned)
        self.file_by_name.setdefault(full, planned)
        if not planned.listed:
            planned.listed = True
            self.contacts.append(planned)

    def keeps_organisation(
        self, planned: PlannedContact, organisation: Organisation | None
    ) -> tuple[Organisation, Organisation] | None:
        """(the contact's organisation, the known organisation the row's new name looks like) when an existing
        contact stays where it is: the row names an organisation the registry does not know, and that name looks
        like the contact's own organisation or like another known one. An unknown spelling of a known
        organisation never silently moves a contact to a near-duplicate (IMPORT.md step 3; issue 10). None: the
        row may set the organisation (a known one, or a really new one)."""
        if planned.is_new or organisation is None or organisation.pk is not None:
            return None
        current = self.registry.organisation_by_id.get(planned.instance.organisation_id)
        if current is None:
            return None
        if organisations_look_alike(organisation.name, current.name):
            return current, current
        similar = self.look_alike(organisation)
        return (current, similar) if similar is not None else None

    def apply_values(self, planned: PlannedContact, values: dict, organisation) -> dict[str, tuple]:
        """Set the row's non-empty values (an empty cell never blanks a value); the row's changes."""
        contact = planned.instance
        row_changes = {}
        same = set()
        if not planned.is_new:
            # A value the registry holds in another spelling of the same thing is no change: a re-imported
            # export must change nothing ("van Dijk" = "van" + "Dijk", "+31 10 123 4567" = "010 123 4567").
            parts = ("first_name", "tussenvoegsel", "last_name")
            if _name_key(*(getattr(contact, n) for n in parts)) == _name_key(*(values[n] for n in parts)):
                same.update(parts)
            same.update(n for n in ("phone", "mobile") if parse_phone(getattr(contact, n))[0] == values[n])
        for name in CONTACT_TEXT_FIELDS:
            new = values[name]
            old = getattr(contact, name)
            if new and new != old and name not in same:
                row_changes[name] = (old, new)
                setattr(contact, name, new)
        if organisation is not None and (organisation.pk is None or contact.organisation_id != organisation.pk):
            old = contact.organisation or self.registry.organisation_by_id.get(contact.organisation_id) or ""
            if old is not organisation:
                row_changes["organisation"] = (str(old), organisation.name)
                contact.organisation = organisation
        if not planned.is_new and row_changes:
            if planned.changes is None:
                planned.changes = row_changes
            else:
                changes = dict(planned.changes)
                for name, (old, new) in row_changes.items():
                    changes[name] = (changes.get(name, (old, new))[0], new)
                planned.changes = changes
        return row_changes

    def possible_duplicate(self, values: dict, planned: PlannedContact) -> ContactDraft | None:
        """Another contact (in the registry or earlier in the file) with the same name as a new one, or None."""
        key = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        if not key:
            return None
        others = [c for c in self.registry.named(key) if c.pk != planned.instance.pk]
        earlier_in_file = self.file_by_name.get(key)
        if earlier_in_file is not None and earlier_in_file is not planned:
            others.append(earlier_in_file.instance)
        return others[0] if others else None


def _org_token(organisation: Organisation | None):
    """Identifies an organisation in matching keys, also one this import is about to create."""
    if organisation is None:
        return None
    return organisation.pk or ("new", id(organisation))
