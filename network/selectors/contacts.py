"""Reads of contacts (the people in the networks) and their organisations."""

import datetime
from collections import defaultdict

from django.db.models import F, Prefetch, Q, QuerySet

from ..filtersets import ContactFilterSet
from ..models import Contact, Membership, Organisation
from .events.embedded import contact_events_annotation

__all__ = [
    "CONTACT_SORTS",
    "contact_duplicate_candidates",
    "contact_get_for_page",
    "contact_likely_duplicates",
    "contact_list",
    "contact_list_for_export",
    "contact_list_for_picker",
    "contact_list_ordered",
    "contact_roles_on",
    "contact_search",
    "contacts_without_active_role",
    "organisation_list",
]


def organisation_list() -> QuerySet[Organisation]:
    """Every organisation with its gemeente, by name (Meta.ordering). Raises nothing."""
    return Organisation.objects.select_related("gemeente")


def contact_list() -> QuerySet[Contact]:
    """Contacts with their organisation and all their roles (network and gemeente loaded, newest start first).

    For lists and API pages; ordered by name (Meta.ordering). Raises nothing.
    """
    return Contact.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("network", "gemeente").order_by("-start_date", "id"),
        )
    )


def contact_list_for_export() -> QuerySet[Contact]:
    """Contacts with their organisation only: an export lists contact details, not roles. Raises nothing."""
    return Contact.objects.select_related("organisation")


def contact_search(*, query: str) -> QuerySet[Contact]:
    """Contacts found by the header's search box, as contact_list loads them, by name.

    Every term of `query` must match a name, email, job title, organisation, or a role held or once held
    (gemeente, network or role name). Raises nothing.
    """
    return ContactFilterSet({"search": query}, queryset=contact_list()).qs


def contact_get_for_page(*, pk: int) -> Contact:
    """The contact with its organisation (and that one's gemeente) and creating import batch, and the events attended
    (`attended_events`, read with `attended_events(contact)`).

    Raises Contact.DoesNotExist.
    """
    return (
        Contact.objects.select_related("organisation", "organisation__gemeente", "import_batch")
        .annotate(**contact_events_annotation())
        .get(pk=pk)
    )


def contact_duplicate_candidates(*, contact: Contact, limit: int = 10) -> QuerySet[Contact]:
    """Up to `limit` other contacts that may be the same person, by id, with their organisation.

    Same last name and first initial, or the same email address (case-insensitive). Raises nothing.
    """
    q = Q(last_name__iexact=contact.last_name)
    if contact.first_name:
        q &= Q(first_name__istartswith=contact.first_name[:1])
    if contact.email:
        q |= Q(email__iexact=contact.email)
    return Contact.objects.filter(q).exclude(pk=contact.pk).select_related("organisation").order_by("pk")[:limit]


def contact_list_for_picker(*, query: str, limit: int = 10) -> list[Contact]:
    """Up to `limit` contacts for a picker, by name, with their organisation; empty for an empty query.

    Every term must match the name, email or organisation. Raises nothing.
    """
    terms = [t for t in (query or "").split() if t]
    if not terms:
        return []
    queryset = Contact.objects.select_related("organisation")
    for term in terms:
        queryset = queryset.filter(
            Q(first_name__icontains=term)
            | Q(tussenvoegsel__icontains=term)
            | Q(last_name__icontains=term)
            | Q(email__icontains=term)
            | Q(organisation__name__icontains=term)
        )
    return list(queryset.order_by("last_name", "first_name", "id")[:limit])


def contacts_without_active_role(*, on: datetime.date) -> QuerySet[Contact]:
    """Contacts holding no role on `on` (one day), with their organisation, by last and first name."""
    active = Membership.objects.active_on(on).values("contact_id")
    return Contact.objects.exclude(id__in=active).select_related("organisation").order_by("last_name", "first_name")


# The contact list's sortable columns (`?sort=KEY`, `?sort=-KEY` for descending), each with a tie-break on name.
CONTACT_SORTS = {
    "naam": ("last_name", "first_name", "tussenvoegsel", "id"),
    "functie": ("job_title", "last_name", "first_name", "id"),
    "organisatie": ("organisation__name", "last_name", "first_name", "id"),
    "email": ("email", "id"),
}


def contact_list_ordered(queryset: QuerySet[Contact], *, sort: str) -> QuerySet[Contact]:
    """`queryset` ordered by a CONTACT_SORTS key, "-" in front for descending; an unknown key keeps name order.

    Contacts without the sorted value (no job title, no organisation) come last either way. Raises nothing.
    """
    descending = sort.startswith("-")
    fields = CONTACT_SORTS.get(sort.removeprefix("-"))
    if fields is None:
        return queryset
    first, *rest = fields
    first_order = F(first).desc(nulls_last=True) if descending else F(first).asc(nulls_last=True)
    return queryset.order_by(first_order, *rest)


def contact_roles_on(contact: Contact, *, on: datetime.date) -> list[Membership]:
    """The roles `contact` held on `on` (one day, DOMAIN.md "actief op"), from its prefetched memberships.

    Pass contacts from contact_list(), whose memberships are prefetched: no query. Raises nothing.
    """
    return [membership for membership in contact.memberships.all() if membership.is_active_on(on)]


def _duplicate_keys(contact: Contact) -> set[tuple]:
    keys = {("naam", contact.last_name.lower(), contact.first_name[:1].lower())} if contact.last_name else set()
    if contact.email:
        keys.add(("email", contact.email.lower()))
    return keys


def contact_likely_duplicates(contacts: list[Contact]) -> dict[int, list[Contact]]:
    """Per contact id, the other contacts in `contacts` that may be the same person; no query.

    The rule of contact_duplicate_candidates (same last name and first initial, or the same e-mail address,
    case-insensitive), applied within the given list, e.g. one page of the contact list. Raises nothing.
    """
    by_key = defaultdict(list)
    for contact in contacts:
        for key in _duplicate_keys(contact):
            by_key[key].append(contact)
    found = {}
    for contact in contacts:
        others = {
            other.pk: other for key in _duplicate_keys(contact) for other in by_key[key] if other.pk != contact.pk
        }
        if others:
            found[contact.pk] = sorted(others.values(), key=lambda other: other.pk)
    return found
