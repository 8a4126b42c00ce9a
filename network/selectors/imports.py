"""Reads for the importer: the part of the registry a file names, loaded in a few queries, so matching
never queries per row and memory follows the file, not the registry."""

import json
from collections.abc import Iterable

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower

from ..choices import ImportStatus
from ..models import (
    CONTACT_TEXT_FIELDS,
    ColumnMapping,
    Contact,
    ImportBatch,
    ImportBatchRow,
    Membership,
    Network,
    Organisation,
)

__all__ = [
    "CONTACT_MATCH_FIELDS",
    "MEMBERSHIP_MATCH_FIELDS",
    "column_mapping_for_headers",
    "contact_last_names_alike",
    "contact_values_for_import",
    "earlier_batch_with_same_file",
    "import_batch_building_on",
    "import_batch_list",
    "import_batch_list_recent",
    "import_batch_results",
    "import_batch_rows",
    "membership_values_for_import",
    "network_list_for_import",
    "organisation_list_for_import",
]

# What matching, change detection and updates need of a known contact (ContactDraft's fields, in this order).
CONTACT_MATCH_FIELDS = ("pk", *CONTACT_TEXT_FIELDS, "organisation_id", "anonymised_on")

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


# Django's limit for SQLite; the chunked fallback for a database without JSON set functions stays under it.
_CHUNK = 900


def _in_values(values: list) -> RawSQL:
    """`values` (all text or all integers) as ONE query parameter, a JSON array the database unpacks: any number
    of keys in one query, and never more parameters than SQLite allows."""
    param = (json.dumps(values),)
    if connection.vendor != "postgresql":
        return RawSQL("SELECT value FROM json_each(%s)", param)
    if values and isinstance(values[0], int):
        return RawSQL("SELECT value::bigint FROM jsonb_array_elements_text(%s::jsonb) AS value", param)
    return RawSQL("SELECT value FROM jsonb_array_elements_text(%s::jsonb) AS value", param)


def _chunked(values: list) -> list[list]:
    return [values[start : start + _CHUNK] for start in range(0, len(values), _CHUNK)] or [[]]


def contact_values_for_import(*, emails: Iterable[str], last_names: Iterable[str]) -> Iterable[tuple]:
    """The contacts whose e-mail (lower-cased) is in `emails` or whose last name (lower-cased) is in
    `last_names`, as tuples of CONTACT_MATCH_FIELDS: the keys of one file, in one query on SQLite and
    PostgreSQL whatever their number, read row by row (50 000 model instances would cost an import some
    60 MB for values it only compares and copies). Give lower-cased keys; accents are compared as stored.
    Raises nothing."""
    emails, last_names = sorted(set(emails)), sorted(set(last_names))
    if not emails and not last_names:
        return []
    # alias, not annotate: the keys are compared, not selected.
    contacts = Contact.objects.alias(email_key=Lower("email"), last_name_key=Lower("last_name"))
    if connection.vendor in ("sqlite", "postgresql"):
        wanted = Q(email_key__in=_in_values(emails)) | Q(last_name_key__in=_in_values(last_names))
        return contacts.filter(wanted).values_list(*CONTACT_MATCH_FIELDS).iterator(chunk_size=2000)
    found = {}
    for lookup, keys in (("email_key__in", emails), ("last_name_key__in", last_names)):
        for chunk in _chunked(keys):
            rows = contacts.filter(**{lookup: chunk}).values_list(*CONTACT_MATCH_FIELDS)
            found.update((values[0], values) for values in rows)
    return list(found.values())


def membership_values_for_import(
    *, network_ids: Iterable[int], contact_ids: Iterable[int] | None = None
) -> list[tuple]:
    """The roles in these networks (of these contacts only, unless `contact_ids` is None) as plain tuples
    (see MEMBERSHIP_MATCH_FIELDS): 100 000 model instances would cost the re-import of a long list some
    100 MB for values it only compares. Raises nothing."""
    network_ids = list(network_ids)
    if not network_ids:
        return []
    memberships = Membership.objects.filter(network_id__in=network_ids)
    if contact_ids is not None:
        contact_ids = sorted(contact_ids)
        if not contact_ids:
            return []
        if connection.vendor in ("sqlite", "postgresql"):
            return list(
                memberships.filter(contact_id__in=_in_values(contact_ids)).values_list(*MEMBERSHIP_MATCH_FIELDS)
            )
        return [
            values
            for chunk in _chunked(contact_ids)
            for values in memberships.filter(contact_id__in=chunk).values_list(*MEMBERSHIP_MATCH_FIELDS)
        ]
    return list(memberships.values_list(*MEMBERSHIP_MATCH_FIELDS))


def column_mapping_for_headers(*, header_hash: str) -> ColumnMapping | None:
    """The mapping a user chose before for this header set (columns.header_set_hash), or None. Raises nothing."""
    return ColumnMapping.objects.filter(header_hash=header_hash).first()


def import_batch_list() -> QuerySet[ImportBatch]:
    """Every import batch with its user, network and who undid it, newest first (Meta.ordering)."""
    return ImportBatch.objects.select_related("user", "network", "undone_by")


def import_batch_list_recent(*, limit: int = 5) -> QuerySet[ImportBatch]:
    """The `limit` most recent import batches, as import_batch_list loads them, newest first. Raises nothing."""
    return import_batch_list().order_by("-created", "-id")[:limit]


def import_batch_rows(*, batch: ImportBatch) -> QuerySet[ImportBatchRow]:
    """The batch's per-row results (ImportBatchRow), in the order they were recorded. Raises nothing."""
    return ImportBatchRow.objects.filter(batch=batch).order_by("id")


# Rows fetched per round trip when a whole batch is read.
_ROWS_CHUNK = 2000


def import_batch_results(*, batch: ImportBatch) -> list[dict]:
    """Every per-row result of the batch, in order, as the dict the import recorded (ImportBatchRow.result_of:
    row, action, contact, contact_id, membership_id when set, then changes, messages and any other key), read as
    plain values in one query. Raises nothing."""
    values = import_batch_rows(batch=batch).values_list(*ImportBatchRow.COLUMNS, "details")
    return [ImportBatchRow.result_of(*row) for row in values.iterator(chunk_size=_ROWS_CHUNK)]


def import_batch_building_on(*, batch: ImportBatch) -> ImportBatch | None:
    """The earliest applied batch after `batch` that touched a contact `batch` touched, or None; one query.

    A batch touches the contacts its rows name and those whose role it ended. Raises nothing."""
    rows_named = ImportBatchRow.objects.filter(batch=batch, contact_id__isnull=False).values("contact_id")
    roles_ended = Membership.objects.filter(ended_by_batch=batch).values("contact_id")
    touched = Q(contact_id__in=rows_named) | Q(contact_id__in=roles_ended)
    later_rows = ImportBatchRow.objects.filter(touched, batch=OuterRef("pk"))
    later_roles = Membership.objects.filter(touched, ended_by_batch=OuterRef("pk"))
    later = ImportBatch.objects.filter(status=ImportStatus.APPLIED, id__gt=batch.pk)
    return later.filter(Exists(later_rows) | Exists(later_roles)).order_by("id").first()


def earlier_batch_with_same_file(*, sha256: str) -> ImportBatch | None:
    """The most recent import batch of a file with this SHA-256 that is not undone, or None. Raises nothing."""
    return ImportBatch.objects.filter(sha256=sha256, undone_at__isnull=True).order_by("-created", "-id").first()


# How many leading letters of a last name two spellings must share to be worth a suggestion ("Vries" ~ "Vris").
ALIKE_PREFIX = 3
ALIKE_CHUNK = 200  # OR-ed prefixes per query: well inside SQLite's parameter limit


def contact_last_names_alike(*, last_names: Iterable[str]) -> set[str]:
    """The registry's last names (lower-cased) that begin like one of `last_names` (their first ALIKE_PREFIX
    letters, case-insensitive): the candidates for "bedoelt u …?" suggestions when a name is spelled another
    way. One query per ALIKE_CHUNK prefixes. Raises nothing."""
    prefixes = sorted({name.strip().lower()[:ALIKE_PREFIX] for name in last_names if len(name.strip()) >= 2})
    found: set[str] = set()
    for start in range(0, len(prefixes), ALIKE_CHUNK):
        wanted = Q()
        for prefix in prefixes[start : start + ALIKE_CHUNK]:
            wanted |= Q(last_name__istartswith=prefix)
        found.update(name.lower() for name in Contact.objects.filter(wanted).values_list("last_name", flat=True))
    return found
