"""Matching a person in a report to a contact (EVENTS.md): by e-mail, else by name + organisation, else near
matches by normalised name are suggested. Uses the contact import's registry and its name rules."""

import difflib

from ..importing.registry import ContactDraft, Registry
from ..names import name_key
from .reading import Person

MAX_SUGGESTIONS = 5
# difflib's ratio above which two normalised names are a near match ("Jan de Vries" ~ "Jan de Vries-Bakker").
NEAR = 0.8


class Matcher:
    def __init__(self, registry: Registry):
        self.registry = registry
        self.names = list(registry.by_name)

    def match(self, person: Person) -> tuple[ContactDraft | None, str]:
        """The contact meant and how ("email", "name_org"), or (None, "")."""
        values = person.values
        if values["email"]:
            contact = self.registry.by_email.get(values["email"].lower())
            if contact is not None and contact.anonymised_on is None:
                return contact, "email"
        organisation = self.registry.organisation(person.organisation) if person.organisation else None
        if organisation is not None:
            key = name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
            contact = self.registry.by_name_org.get((key, organisation.pk))
            if contact is not None and contact.anonymised_on is None:
                return contact, "name_org"
        return None, ""

    def suggestions(self, person: Person) -> list[int]:
        """Ids of contacts with the same or a nearly equal normalised name (at most MAX_SUGGESTIONS, best first)."""
        values = person.values
        key = name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        if not key:
            return []
        ids: list[int] = []
        for near in difflib.get_close_matches(key, self.names, n=MAX_SUGGESTIONS, cutoff=NEAR):
            for contact in self.registry.named(near):
                if contact.anonymised_on is None and contact.pk not in ids:
                    ids.append(contact.pk)
        return ids[:MAX_SUGGESTIONS]
