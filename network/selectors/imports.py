"""Reads for the importer: the registry loaded once per import, so matching never queries per row."""

from collections.abc import Iterable

from django.db.models import QuerySet

from ..models import Contact, ImportBatch, Membership, Network, Organisation


def import_networks() -> list[Network]:
    return list(Network.objects.all())


def import_organisations() -> list[Organisation]:
    return list(Organisation.objects.all())


def import_contacts() -> list[Contact]:
    """Every contact: one query whatever the file's length (the registry is thousands, not millions)."""
    return list(Contact.objects.all())


def import_memberships(*, network_ids: Iterable[int]) -> list[Membership]:
    network_ids = list(network_ids)
    if not network_ids:
        return []
    return list(Membership.objects.filter(network_id__in=network_ids))


def import_batches_with_related() -> QuerySet[ImportBatch]:
    return ImportBatch.objects.select_related("user", "network", "undone_by")


def earlier_batch_with_same_file(*, sha256: str) -> ImportBatch | None:
    return ImportBatch.objects.filter(sha256=sha256, undone_at__isnull=True).order_by("-created", "-id").first()
