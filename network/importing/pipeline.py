"""The import pipeline: read → find the header → map columns → validate rows → match → apply → record.

Rows are read and checked first; then the registry is asked for the contacts the file names (its
e-mails and last names: a few queries whatever the file's or the registry's size) and every row is
matched in memory; the writes are a handful of bulk statements in one transaction.
"""

import hashlib
import itertools
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from accounts.permissions import Action, require

from .. import selectors, services
from ..choices import ImportMode
from .columns import FIELD_CHOICES, HEADER_SEARCH_ROWS, ColumnMap, find_header, header_key, map_columns
from .errors import ImportFileError
from .options import ImportOptions
from .planning import Importer
from .readers import check_row_count, read_table, read_upload
from .registry import Registry, last_name_keys
from .results import ImportResult

PROGRESS_EVERY = 500


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _network_ids_to_load(cmap: ColumnMap, options: ImportOptions) -> set[int] | None:
    """The networks whose memberships need loading: the file's network, or all when rows name one."""
    if "network" in cmap.columns:
        return None
    return {options.network.pk} if options.network else set()


def _column_map(head: list[list], file_name: str, options: ImportOptions) -> ColumnMap:
    """The header row and its mapping: the user's choice (`options.columns`), else the one chosen before for
    these headers, else the synonyms. Raises ImportFileError naming what is missing."""
    header_index = find_header(head, options.columns)
    if header_index is None:
        raise ImportFileError(
            f"In {file_name} staat geen kopregel met bekende kolommen (zoals Naam, E-mail, Organisatie)."
        )
    overrides = options.columns
    if overrides:
        present = {header_key(cell) for cell in head[header_index]}
        missing = [header for header in overrides if header_key(header) not in present]
        if missing:
            raise ImportFileError(f"De kolom '{missing[0][:60]}' staat niet in de kopregel van {file_name}.")
    else:
        cmap = map_columns(head[header_index], header_index)
        remembered = selectors.column_mapping_for_headers(header_hash=cmap.header_hash)
        overrides = remembered.columns if remembered else None
    cmap = map_columns(head[header_index], header_index, overrides)
    if not any(name in cmap.columns for name in ("email", "full_name", "last_name")):
        raise ImportFileError(f"{file_name} heeft geen kolom met een naam of e-mailadres.")
    return cmap


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
    cmap = _column_map(head, file_name, options)
    if options.sync and options.network is None and "network" not in cmap.columns:
        raise ImportFileError("Synchroniseren kan alleen voor een netwerk: kies een netwerk of geef een kolom Netwerk.")
    data_rows = itertools.chain(head[cmap.header_index + 1 :], rows)
    as_of = options.as_of or timezone.localdate()
    needs_networks = "network" in cmap.columns or options.network is None
    registry = Registry(
        network_ids=_network_ids_to_load(cmap, options), networks=None if needs_networks else [options.network]
    )
    importer = Importer(cmap=cmap, options=options, as_of=as_of, registry=registry)
    result = ImportResult(file_name=file_name, dry_run=options.dry_run, skip_invalid=options.skip_invalid)
    result.ignored_columns = cmap.ignored
    result.columns = [
        {"header": header, "field": name, "label": FIELD_CHOICES.get(name, "negeren")} for header, name in cmap.mapping
    ]
    result.remembered_mapping = cmap.chosen and not options.columns
    parsed_rows = []
    emails: set[str] = set()
    last_names: set[str] = set()
    done = 0
    for offset, cells in enumerate(data_rows):
        number = cmap.header_index + offset + 2
        parsed = importer.parser.parse(number, cells)
        done = offset + 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, max(done, total_rows))
        if parsed is None:
            continue
        parsed_rows.append((number, parsed))
        values = parsed["values"]
        if values["email"]:
            emails.add(values["email"])
        last_names |= last_name_keys(values["tussenvoegsel"], values["last_name"])
        importer.note(parsed)
    check_row_count(done)
    # The sheet's cells (held by the reader) are not needed any more; free them before matching.
    del rows, data_rows, head
    registry.load_contacts(emails=emails, last_names=last_names, sync=options.sync)
    del emails, last_names
    result.row_count = len(parsed_rows)
    importer.note_emails(parsed_rows)
    for index, (number, parsed) in enumerate(parsed_rows):
        parsed_rows[index] = None  # what the row planned holds its values; the parsed row can go
        importer.add_row(number, parsed)
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
    with transaction.atomic():
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
