"""Reads for the importer: the registry loaded once per import, so matching never queries per row."""

from collections.abc import Iterable

from django.db.models import QuerySet

from ..models import Contact, ImportBatch, Membership, Network, Organisation

__all__ = [
    "MEMBERSHIP_MATCH_FIELDS",
    "contact_list_for_import",
    "earlier_batch_with_same_file",
    "import_batch_list",
    "import_batch_list_recent",
    "membership_values_for_import",
    "network_list_for_import",
    "organisation_list_for_import",
]

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


def network_list_for_import() -> list[Network]:
    """Every network, one query. Raises nothing."""
    return list(Network.objects.all())


def organisation_list_for_import() -> list[Organisation]:
    """Every organisation, one query. Raises nothing."""
    return list(Organisation.objects.all())


def contact_list_for_import() -> list[Contact]:
    """Every contact: one query whatever the file's length (the registry is thousands, not millions)."""
    return list(Contact.objects.all())


def membership_values_for_import(*, network_ids: Iterable[int]) -> list[tuple]:
    """The roles in these networks as plain tuples (see MEMBERSHIP_MATCH_FIELDS): 100 000 model instances
    would cost the re-import of a long list some 100 MB for values it only compares. Raises nothing."""
    network_ids = list(network_ids)
    if not network_ids:
        return []
    return list(Membership.objects.filter(network_id__in=network_ids).values_list(*MEMBERSHIP_MATCH_FIELDS))


def import_batch_list() -> QuerySet[ImportBatch]:
    """Every import batch with its user, network and who undid it, newest first (Meta.ordering)."""
    return ImportBatch.objects.select_related("user", "network", "undone_by")


def import_batch_list_recent(*, limit: int = 5) -> QuerySet[ImportBatch]:
    """The `limit` most recent import batches, as import_batch_list loads them, newest first. Raises nothing."""
    return import_batch_list().order_by("-created", "-id")[:limit]


def earlier_batch_with_same_file(*, sha256: str) -> ImportBatch | None:
    """The most recent import batch of a file with this SHA-256 that is not undone, or None. Raises nothing."""
    return ImportBatch.objects.filter(sha256=sha256, undone_at__isnull=True).order_by("-created", "-id").first()
