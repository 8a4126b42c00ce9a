"""The registry as the importer needs it, loaded in a fixed number of queries whatever the file's length."""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify

from .. import selectors
from ..models import Contact, Network, is_active_on
from ..names import fold, name_key


class Registry:
    """The registry as the importer needs it, loaded in a fixed number of queries."""

    def __init__(self, *, network_ids: set[int] | None):
        self.gemeenten = selectors.gemeente_matcher()
        self.networks = selectors.network_list_for_import()
        self.network_by_key = {}
        for network in self.networks:
            self.network_by_key.setdefault(network.slug, network)
            self.network_by_key.setdefault(slugify(network.name), network)
        organisations = selectors.organisation_list_for_import()
        self.organisations = {fold(org.name): org for org in organisations}
        self.organisation_by_id = {org.pk: org for org in organisations}
        self.gemeente_by_id = {gemeente.pk: gemeente for gemeente in self.gemeenten.by_code.values()}
        self.organisation_slugs = {org.slug for org in self.organisations.values()}
        self.contacts = selectors.contact_list_for_import()
        self.by_email: dict[str, Contact] = {}
        self.by_name_org: dict[tuple, Contact] = {}
        self.by_name: dict[str, list[Contact]] = {}
        for contact in self.contacts:
            if contact.email:
                self.by_email.setdefault(contact.email.strip().lower(), contact)
            key = name_key(contact.first_name, contact.tussenvoegsel, contact.last_name)
            self.by_name_org.setdefault((key, contact.organisation_id), contact)
            self.by_name.setdefault(key, []).append(contact)
        ids = {network.pk for network in self.networks} if network_ids is None else network_ids
        self.memberships: dict[tuple, list[KnownMembership]] = {}
        self.memberships_by_network: dict[int, list[KnownMembership]] = {}
        self.memberships_of: dict[tuple, list[KnownMembership]] = {}  # (contact, network) → roles
        for values in selectors.membership_values_for_import(network_ids=ids):
            membership = KnownMembership(*values)
            key = (membership.contact_id, membership.network_id, membership.role, membership.gemeente_id)
            self.memberships.setdefault(key, []).append(membership)
            self.memberships_of.setdefault((key[0], key[1]), []).append(membership)
            self.memberships_by_network.setdefault(membership.network_id, []).append(membership)

    def network(self, value: str) -> Network | None:
        return self.network_by_key.get(slugify(value))


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
