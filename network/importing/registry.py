"""The part of the registry an import needs: reference data whole, contacts and roles only for the file's keys.

Reference data (gemeenten, networks, organisations: hundreds) is loaded whole. Contacts are loaded for
the e-mail addresses and last names the file names (`load_contacts`), and roles for those contacts —
or, for a sync, all roles of the synced network, which the sync must see. So memory follows the file,
not the registry, and the number of queries does not grow with either.
"""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify

from .. import selectors
from ..matching import organisation_key
from ..models import Contact, Network, is_active_on
from ..names import fold, name_key


class Registry:
    """The registry as the importer needs it, loaded in a fixed number of queries."""

    def __init__(self, *, network_ids: set[int] | None, networks: list[Network] | None = None):
        """`network_ids`: the networks whose roles matter (None: all, when rows name their network);
        `networks`: the networks rows may name (None: load them all)."""
        self.gemeenten = selectors.gemeente_matcher()
        self.networks = selectors.network_list_for_import() if networks is None else networks
        self.network_by_key = {}
        for network in self.networks:
            self.network_by_key.setdefault(network.slug, network)
            self.network_by_key.setdefault(slugify(network.name), network)
        organisations = selectors.organisation_list_for_import()
        self.organisations: dict[str, object] = {}  # organisation_key of name and aliases → organisation
        for org in organisations:
            self.organisations.setdefault(organisation_key(org.name), org)
        for org in organisations:
            for alias in org.aliases or []:
                self.organisations.setdefault(organisation_key(alias), org)
        self.organisation_by_id = {org.pk: org for org in organisations}
        self.gemeente_by_id = {gemeente.pk: gemeente for gemeente in self.gemeenten.by_code.values()}
        self.organisation_slugs = {org.slug for org in organisations}
        self.network_ids = network_ids
        self.by_email: dict[str, ContactDraft] = {}
        self.by_name_org: dict[tuple, ContactDraft] = {}
        self.by_name: dict[str, ContactDraft | list[ContactDraft]] = {}  # name_key → one, or a list (see `named`)
        self.memberships: dict[tuple, list[KnownMembership]] = {}
        self.memberships_by_network: dict[int, list[KnownMembership]] = {}
        self.memberships_of: dict[tuple, list[KnownMembership]] = {}  # (contact, network) → roles

    def load_contacts(self, *, emails: set[str], last_names: set[str], sync: bool, by_name_org: bool = True) -> None:
        """Load the contacts with these (lower-cased) e-mails or last names, and their roles in the
        networks that matter (with `sync`: every role in those networks). Two queries. `by_name_org`: index
        them by name and organisation too (only a row without an e-mail address is matched that way)."""
        contact_ids = set()
        for values in selectors.contact_values_for_import(emails=emails, last_names=last_names):
            contact = ContactDraft.known(values)
            if contact.email:
                self.by_email.setdefault(contact.email.strip().lower(), contact)
            key = name_key(contact.first_name, contact.tussenvoegsel, contact.last_name)
            if by_name_org:
                self.by_name_org.setdefault((key, contact.organisation_id), contact)
            known = self.by_name.get(key)
            if known is None:
                self.by_name[key] = contact
            elif isinstance(known, list):
                known.append(contact)
            else:
                self.by_name[key] = [known, contact]
            contact_ids.add(contact.pk)
        ids = {network.pk for network in self.networks} if self.network_ids is None else self.network_ids
        contact_ids = None if sync else contact_ids
        for values in selectors.membership_values_for_import(network_ids=ids, contact_ids=contact_ids):
            membership = KnownMembership(*values)
            key = (membership.contact_id, membership.network_id, membership.role, membership.gemeente_id)
            self.memberships.setdefault(key, []).append(membership)
            self.memberships_of.setdefault((key[0], key[1]), []).append(membership)
            self.memberships_by_network.setdefault(membership.network_id, []).append(membership)

    def named(self, key: str) -> "list[ContactDraft]":
        """The loaded contacts with this name_key, in loading order."""
        known = self.by_name.get(key)
        if known is None:
            return []
        return known if isinstance(known, list) else [known]

    def network(self, value: str) -> Network | None:
        return self.network_by_key.get(slugify(value))

    def organisation(self, name: str):
        """The organisation known by this name or alias (compared as organisation_key), or None."""
        return self.organisations.get(organisation_key(name))


def last_name_keys(tussenvoegsel: str, last_name: str) -> set[str]:
    """The lower-cased last names under which the registry may hold this person: with and without the
    tussenvoegsel in the last name, as typed and without accents."""
    keys = set()
    for value in (last_name, f"{tussenvoegsel} {last_name}" if tussenvoegsel else ""):
        if value:
            keys.add(value.lower())
            keys.add(fold(value))
    return keys


class ContactDraft:
    """A contact as an import plans it: one the registry has (`known`, from CONTACT_MATCH_FIELDS) or a new one.

    It carries the attribute names of Contact's columns, which is what `services.import_apply` writes, in a
    slotted object of some 200 bytes instead of a model instance of over 1 KB: an import of 100 000 rows holds
    one per person. `organisation` is an Organisation (model instance) the import sets, possibly a new one
    without a pk yet; `organisation_id` reads through it, so a new organisation's id is there once saved.
    """

    __slots__ = ("_organisation_id", "anonymised_on", "created", "email", "first_name", "import_batch",
                 "job_title", "last_name", "mobile", "notes", "organisation", "phone", "pk", "titles",
                 "tussenvoegsel", "updated")  # fmt: skip
    is_demo = False
    mailing_objection_on = None

    def __init__(self):
        self.pk = self._organisation_id = self.organisation = self.anonymised_on = None
        self.import_batch = self.created = self.updated = None
        self.titles = self.first_name = self.tussenvoegsel = self.last_name = self.email = ""
        self.phone = self.mobile = self.job_title = self.notes = ""

    @classmethod
    def known(cls, values: tuple) -> "ContactDraft":
        """A registry contact from a tuple of CONTACT_MATCH_FIELDS."""
        draft = cls.__new__(cls)
        (draft.pk, draft.titles, draft.first_name, draft.tussenvoegsel, draft.last_name, draft.email, draft.phone,
         draft.mobile, draft.job_title, draft.notes, draft._organisation_id, draft.anonymised_on) = values  # fmt: skip
        draft.organisation = draft.import_batch = draft.created = draft.updated = None
        return draft

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.pk if self.organisation is not None else self._organisation_id

    @property
    def import_batch_id(self) -> int | None:
        return self.import_batch.pk if self.import_batch is not None else None

    @property
    def full_name(self) -> str:
        return Contact.name_of(self.first_name, self.tussenvoegsel, self.last_name)

    def __str__(self) -> str:
        return self.full_name or self.email


@dataclass(slots=True)
class KnownMembership:
    """A role the registry has, as far as matching and sync need it (fields of MEMBERSHIP_MATCH_FIELDS)."""

    pk: int
    contact_id: int
    network_id: int
    role: str
    gemeente_id: int | None
    start_date: datetime.date
    end_date: datetime.date | None
    verified_on: datetime.date | None

    def is_active_on(self, on: datetime.date) -> bool:
        return is_active_on(self.start_date, self.end_date, on)
