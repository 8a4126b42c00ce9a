"""The import pipeline: read → find the header → map columns → validate rows → match → apply → record.

Rows are read and checked first; then the registry is asked for the contacts the file names (its
e-mails and last names: a few queries whatever the file's or the registry's size) and every row is
matched in memory; the writes are a handful of bulk statements in one transaction.
"""

import hashlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.permissions import Action, require

from .. import selectors, services
from ..choices import ImportMode
from .columns import FIELD_CHOICES, ColumnMap
from .errors import ImportFileError
from .options import ImportOptions
from .planning import Importer
from .readers import check_row_count, clip, open_book, read_upload
from .registry import Registry, last_name_keys
from .results import ImportResult
from .sheets import find_list, skipped_row_reason

PROGRESS_EVERY = 500


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _network_ids_to_load(cmap: ColumnMap, options: ImportOptions) -> set[int] | None:
    """The networks whose memberships need loading: the file's network, or all when rows name one."""
    if "network" in cmap.columns:
        return None
    return {options.network.pk} if options.network else set()


def _remembered_columns(header_hash: str) -> dict[str, str] | None:
    """The column mapping chosen before for these headers (header → field), or None."""
    remembered = selectors.column_mapping_for_headers(header_hash=header_hash)
    return remembered.columns if remembered else None


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
    book = open_book(data, file_name)
    # The header row and its mapping: the user's choice (`options.columns`), else the one chosen before for
    # these headers, else the synonyms.
    found = find_list(book, file_name, options.sheet, overrides=options.columns, remembered=_remembered_columns)
    cmap = found.cmap
    if options.sync and options.network is None and "network" not in cmap.columns:
        raise ImportFileError("Synchroniseren kan alleen voor een netwerk: kies een netwerk of geef een kolom Netwerk.")
    as_of = options.as_of or timezone.localdate()
    try:
        # Matching and writing happen in one transaction under one lock: a parallel import of the same people
        # waits, then matches against what this one wrote (no second role, no duplicate contact, no crash).
        with transaction.atomic():
            services.networks_lock()
            return _match_and_write(
                actor=actor,
                data=data,
                book=book,
                found=found,
                options=options,
                as_of=as_of,
                file_name=file_name,
                progress=progress,
            )
    except IntegrityError as error:
        # Only a writer that takes no lock (a contact typed in meanwhile with the same e-mail) gets here.
        raise ImportFileError(services.CONCURRENT_CHANGE) from error


def _match_and_write(*, actor, data, book, found, options, as_of, file_name, progress) -> ImportResult:
    """Read every row, load the registry's contacts the file names, plan and write; runs under `networks_lock`."""
    cmap = found.cmap
    needs_networks = "network" in cmap.columns or options.network is None
    registry = Registry(
        network_ids=_network_ids_to_load(cmap, options), networks=None if needs_networks else [options.network]
    )
    importer = Importer(cmap=cmap, options=options, as_of=as_of, registry=registry)
    result = ImportResult(file_name=file_name, dry_run=options.dry_run, skip_invalid=options.skip_invalid)
    result.ignored_columns = [clip(header) for header in cmap.ignored]
    result.columns = [
        {"header": header, "field": name, "label": FIELD_CHOICES.get(name, "negeren")} for header, name in cmap.mapping
    ]
    result.remembered_mapping = cmap.chosen and not options.columns
    for message in found.warnings:
        importer.warn(None, None, message)
    # First pass: every row read and checked; the file's e-mails and last names collected.
    parsed_rows = []
    emails: set[str] = set()
    last_names: set[str] = set()
    done = 0
    for number, cells in found.rows:
        done += 1
        check_row_count(done)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, max(done, book.row_hint))
        reason = skipped_row_reason(cells, cmap)
        if reason:
            importer.warn(number, None, reason)
            continue
        parsed = importer.parser.parse(number, cells)
        if parsed is None:
            continue
        parsed_rows.append(parsed)
        values = parsed["values"]
        if values["email"]:
            emails.add(values["email"])
        last_names |= last_name_keys(values["tussenvoegsel"], values["last_name"])
        importer.note(parsed)
    if not parsed_rows:
        raise ImportFileError(f"{file_name} heeft een kopregel maar geen rijen met gegevens; er is niets ingelezen.")
    # The reader and its sheet are not needed any more; free them before matching.
    del book, found
    # Second pass: the registry's contacts the file names (memory follows the file), then every row planned.
    registry.load_contacts(
        emails=emails, last_names=last_names, sync=options.sync, by_name_org=bool(importer.planner.names_without_email)
    )
    del emails, last_names
    result.row_count = len(parsed_rows)
    importer.note_emails(parsed_rows)
    for index, parsed in enumerate(parsed_rows):
        parsed_rows[index] = None  # what the row planned holds its values; the parsed row can go
        importer.add_row(parsed.number, parsed)
    del parsed_rows
    if progress:
        progress(done, done)
    if result.remembered_mapping:
        importer.warn(None, None, "De kolomindeling van een eerdere import met dezelfde kolomkoppen is gebruikt.")
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
    planned_contacts = importer.contacts
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
    # Matching is done: the loaded registry, the planner's indexes and the rows' plan go before the writes,
    # so the writes and the recorded results reuse their memory (what is written is in `writes`).
    del importer, registry, planned_contacts
    batch = services.import_batch_create(
        actor=actor,
        file_name=file_name,
        sha256=sha256,
        mode=ImportMode.SYNC if options.sync else ImportMode.ADD,
        network=options.network,
        as_of=as_of,
    )
    services.import_apply(actor=actor, batch=batch, writes=writes)
    if options.columns:
        services.column_mapping_remember(
            actor=actor,
            header_hash=cmap.header_hash,
            headers=[header for header, _name in cmap.mapping],
            columns=options.columns,
        )
    counts = {**result.summary, "created_organisations": [org.pk for org in writes.new_organisations]}
    counts.pop("batch")
    # The planned objects are written; let them go before the per-row results are recorded (streamed).
    del writes
    services.import_batch_record(batch=batch, counts=counts, results=(row.as_json() for row in result.rows))
    if options.dry_run:
        transaction.set_rollback(True)
    else:
        result.batch = batch
    return result
