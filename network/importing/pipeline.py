"""The import pipeline: read → find the header → map columns → validate rows → match → apply → record.

Everything up to "apply" happens in memory against the registry loaded once (a few queries whatever
the file's length); the writes are a handful of bulk statements in one transaction.
"""

import hashlib
import itertools
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.permissions import Action, require

from .. import selectors, services
from ..choices import ImportMode
from .columns import HEADER_SEARCH_ROWS, ColumnMap, find_header, map_columns
from .errors import ImportFileError
from .options import ImportOptions
from .planning import Importer
from .readers import check_row_count, read_table, read_upload
from .registry import Registry
from .results import ImportResult

PROGRESS_EVERY = 500


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _network_ids_to_load(cmap: ColumnMap, options: ImportOptions) -> set[int] | None:
    """The networks whose memberships need loading: the file's network, or all when rows name one."""
    if "network" in cmap.columns:
        return None
    return {options.network.pk} if options.network else set()


def run_import(
    *,
    actor,
    file,
    file_name: str,
    options: ImportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import one contact list; raises ImportFileError when the file itself cannot be read.

    With row errors nothing is written (unless `skip_invalid`); a dry run writes inside a
    transaction that is rolled back, so it reports exactly what the real run would do.
    """
    require(actor, Action.IMPORT)
    options = options or ImportOptions()
    file_name = file_name or getattr(file, "name", "") or str(file)
    data = read_upload(file)
    rows, total_rows = read_table(data, file_name, options.sheet)
    head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    header_index = find_header(head)
    if header_index is None:
        raise ImportFileError(
            f"In {file_name} staat geen kopregel met bekende kolommen (zoals Naam, E-mail, Organisatie)."
        )
    cmap = map_columns(head[header_index], header_index)
    if not any(name in cmap.columns for name in ("email", "full_name", "last_name")):
        raise ImportFileError(f"{file_name} heeft geen kolom met een naam of e-mailadres.")
    if options.sync and options.network is None and "network" not in cmap.columns:
        raise ImportFileError("Synchroniseren kan alleen voor een netwerk: kies een netwerk of geef een kolom Netwerk.")
    data_rows = itertools.chain(head[header_index + 1 :], rows)
    del rows, head
    as_of = options.as_of or timezone.localdate()
    try:
        # Matching and writing happen in one transaction under one lock: a parallel import of the same people
        # waits, then matches against what this one wrote (no second role, no duplicate contact, no crash).
        with transaction.atomic():
            services.networks_lock()
            return _match_and_write(
                actor=actor,
                data=data,
                data_rows=data_rows,
                first_row=header_index + 2,
                total_rows=total_rows,
                cmap=cmap,
                options=options,
                as_of=as_of,
                file_name=file_name,
                progress=progress,
            )
    except IntegrityError as error:
        # Only a writer that takes no lock (a contact typed in meanwhile with the same e-mail) gets here.
        raise ImportFileError(services.CONCURRENT_CHANGE) from error


def _match_and_write(
    *, actor, data, data_rows, first_row, total_rows, cmap, options, as_of, file_name, progress
) -> ImportResult:
    """Load the registry, plan every row against it and write the plan; runs under `networks_lock`."""
    registry = Registry(network_ids=_network_ids_to_load(cmap, options))
    importer = Importer(cmap=cmap, options=options, as_of=as_of, registry=registry)
    result = ImportResult(file_name=file_name, dry_run=options.dry_run, skip_invalid=options.skip_invalid)
    result.ignored_columns = cmap.ignored
    done = 0
    for offset, cells in enumerate(data_rows):
        if importer.add_row(first_row + offset, cells):
            result.row_count += 1
        done = offset + 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, max(done, total_rows))
    check_row_count(done)
    if progress:
        progress(done, done)
    # The sheet's cells (held by the reader) are not needed any more; free them before writing.
    del data_rows
    result.rows = importer.result_rows
    result.errors = importer.errors
    result.skipped = sum(1 for row in result.rows if row.action == "skipped")
    if result.errors and not options.skip_invalid:
        result.warnings = importer.warnings
        return result

    sha256 = _sha256(data)
    earlier = selectors.earlier_batch_with_same_file(sha256=sha256)
    if earlier:
        importer.warn(
            None, None, f"Dit bestand is eerder geïmporteerd (import #{earlier.pk}, {earlier.created:%d-%m-%Y})."
        )
    ending = importer.ending()
    result.warnings = importer.warnings
    result.ending = selectors.memberships_by_ids([membership.pk for membership in ending])
    for membership in result.ending:
        membership.end_date = ending[0].end_date
    writes = importer.writes(ending)
    planned_contacts = list(importer.contacts.values())
    result.contacts = {
        "new": sum(1 for p in planned_contacts if p.is_new),
        "updated": sum(1 for p in planned_contacts if not p.is_new and p.changes),
        "unchanged": sum(1 for p in planned_contacts if not p.is_new and not p.changes),
    }
    result.memberships = {
        "new": len(writes.new_memberships),
        "unchanged": len(importer.unchanged_memberships),
        "ended": len(ending),
    }
    batch = services.import_batch_create(
        actor=actor,
        file_name=file_name,
        sha256=sha256,
        mode=ImportMode.SYNC if options.sync else ImportMode.ADD,
        network=options.network,
        as_of=as_of,
    )
    services.import_apply(actor=actor, batch=batch, writes=writes)
    for row in result.rows:
        if row.planned is not None:
            row.contact_id = row.planned.instance.pk
        if row.membership is not None:
            row.membership_id = row.membership.pk
        row.planned = row.membership = None
    counts = {**result.summary, "created_organisations": [org.pk for org in writes.new_organisations]}
    counts.pop("batch")
    # The planned objects and the loaded registry are written; let them go before the results are encoded.
    del writes, importer, registry, planned_contacts
    services.import_batch_record(batch=batch, counts=counts, results=(row.as_json() for row in result.rows))
    if options.dry_run:
        transaction.set_rollback(True)
    else:
        result.batch = batch
    return result
