"""Reads for the importer: the registry loaded once per import, so matching never queries per row."""

import datetime
from collections.abc import Iterable

from django.db.models import QuerySet

from ..models import Contact, Gemeente, ImportBatch, Membership, Network, Organisation
from .core import memberships_with_related

MEMBERSHIP_MATCH_FIELDS = (
    "pk",
    "contact_id",
    "network_id",
    "role",
    "gemeente_id",
    "start_date",
    "end_date",
    "verified_on",
)


def import_networks() -> list[Network]:
    return list(Network.objects.all())


def import_organisations() -> list[Organisation]:
    return list(Organisation.objects.all())


def import_contacts() -> list[Contact]:
    """Every contact: one query whatever the file's length (the registry is thousands, not millions)."""
    return list(Contact.objects.all())


def import_memberships(*, network_ids: Iterable[int]) -> list[tuple]:
    """The roles in these networks as plain tuples (see MEMBERSHIP_MATCH_FIELDS): 100 000 model instances
    would cost the re-import of a long list some 100 MB for values it only compares."""
    network_ids = list(network_ids)
    if not network_ids:
        return []
    return list(Membership.objects.filter(network_id__in=network_ids).values_list(*MEMBERSHIP_MATCH_FIELDS))


def memberships_by_ids(ids: list[int]) -> list[Membership]:
    """Roles with their contact, network and gemeente, in chunks that stay below any parameter limit."""
    found = []
    for start in range(0, len(ids), 10_000):
        found.extend(memberships_with_related().filter(pk__in=ids[start : start + 10_000]).order_by("pk"))
    return found


def import_batches_with_related() -> QuerySet[ImportBatch]:
    return ImportBatch.objects.select_related("user", "network", "undone_by")


def earlier_batch_with_same_file(*, sha256: str) -> ImportBatch | None:
    return ImportBatch.objects.filter(sha256=sha256, undone_at__isnull=True).order_by("-created", "-id").first()


def export_memberships(
    *, on: datetime.date, network: Network | None = None, gemeente: Gemeente | None = None
) -> QuerySet[Membership]:
    """Roles active on `on` for an export, optionally of one network or held for one gemeente."""
    memberships = memberships_with_related().active_on(on)
    if network is not None:
        memberships = memberships.filter(network=network)
    if gemeente is not None:
        memberships = memberships.filter(gemeente=gemeente)
    return memberships.order_by("network__name", "gemeente__name", "contact__last_name", "contact__first_name", "id")


def contacts_without_active_role(*, on: datetime.date) -> QuerySet[Contact]:
    active = Membership.objects.active_on(on).values("contact_id")
    return Contact.objects.exclude(id__in=active).select_related("organisation").order_by("last_name", "first_name")
