"""The import pipeline: read → find the header → map columns → validate rows → match → apply → record.

Everything up to "apply" happens in memory against the registry loaded once (a few queries whatever
the file's length); the writes are a handful of bulk statements in one transaction.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .. import selectors, services
from ..choices import ImportMode, Role
from ..models import Contact, ImportBatch, Membership, Network, Organisation
from ..names import TUSSENVOEGSELS, fold, name_key, split_name
from ..services.imports import ImportWrites
from .columns import NAME_FIELDS, ColumnMap, find_header, header_key, map_columns
from .errors import ImportFileError
from .readers import check_row_count, read_table, read_upload
from .values import cell_text, parse_date

CONTACT_TEXT_FIELDS = ("first_name", "tussenvoegsel", "last_name", "email", "phone", "mobile", "job_title", "notes")
FIELD_LABELS = {
    "first_name": "voornaam",
    "tussenvoegsel": "tussenvoegsel",
    "last_name": "achternaam",
    "email": "e-mailadres",
    "phone": "telefoon",
    "mobile": "mobiel",
    "job_title": "functie",
    "organisation": "organisatie",
    "notes": "opmerkingen",
}
_PARTICLES = {word for value in TUSSENVOEGSELS for word in value.split()}
PROGRESS_EVERY = 500


@dataclass
class ImportOptions:
    network: Network | None = None
    sheet: str | None = None
    as_of: datetime.date | None = None  # None: today
    sync: bool = False
    dry_run: bool = False
    skip_invalid: bool = False


@dataclass
class RowResult:
    """What one spreadsheet row did (or would do), for the preview and the batch's per-row results."""

    row: int
    action: str  # new, updated, unchanged, error, skipped
    contact: str
    changes: dict[str, tuple] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    contact_id: int | None = None
    membership_id: int | None = None
    planned: object = field(default=None, repr=False, compare=False)
    membership: object = field(default=None, repr=False, compare=False)

    def as_json(self) -> dict:
        return {
            "row": self.row,
            "action": self.action,
            "contact": self.contact,
            "changes": {name: [str(old), str(new)] for name, (old, new) in self.changes.items()},
            "messages": self.messages,
            "contact_id": self.contact_id,
            "membership_id": self.membership_id,
        }


@dataclass
class ImportResult:
    file_name: str
    dry_run: bool
    skip_invalid: bool
    row_count: int = 0
    rows: list[RowResult] = field(default_factory=list)
    contacts: dict[str, int] = field(default_factory=lambda: {"new": 0, "updated": 0, "unchanged": 0})
    memberships: dict[str, int] = field(default_factory=lambda: {"new": 0, "unchanged": 0, "ended": 0})
    skipped: int = 0
    warnings: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch: ImportBatch | None = None
    ending: list[Membership] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """Rows had errors (with skip_invalid they were skipped and the rest applied)."""
        return bool(self.errors)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors and not self.skip_invalid else 0

    @property
    def summary(self) -> dict:
        """Exactly the JSON of IMPORT.md."""
        return {
            "file": self.file_name,
            "dry_run": self.dry_run,
            "rows": self.row_count,
            "contacts": dict(self.contacts),
            "memberships": dict(self.memberships),
            "skipped": self.skipped,
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "ignored_columns": list(self.ignored_columns),
            "batch": self.batch.pk if self.batch else None,
        }


class Registry:
    """The registry as the importer needs it, loaded in a fixed number of queries."""

    def __init__(self, *, network_ids: set[int] | None):
        self.gemeenten = selectors.gemeente_matcher()
        self.networks = selectors.import_networks()
        self.network_by_key = {}
        for network in self.networks:
            self.network_by_key.setdefault(network.slug, network)
            self.network_by_key.setdefault(slugify(network.name), network)
        organisations = selectors.import_organisations()
        self.organisations = {fold(org.name): org for org in organisations}
        self.organisation_by_id = {org.pk: org for org in organisations}
        self.gemeente_by_id = {gemeente.pk: gemeente for gemeente in self.gemeenten.by_code.values()}
        self.organisation_slugs = {org.slug for org in self.organisations.values()}
        self.contacts = selectors.import_contacts()
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
        self.memberships: dict[tuple, list[Membership]] = {}
        self.memberships_by_network: dict[int, list[Membership]] = {}
        for membership in selectors.import_memberships(network_ids=ids):
            key = (membership.contact_id, membership.network_id, membership.role, membership.gemeente_id)
            self.memberships.setdefault(key, []).append(membership)
            self.memberships_by_network.setdefault(membership.network_id, []).append(membership)

    def network(self, value: str) -> Network | None:
        return self.network_by_key.get(slugify(value))


ROLE_BY_KEY = {}
for _value, _label in Role.choices:
    ROLE_BY_KEY[header_key(_value)] = _value
    ROLE_BY_KEY[header_key(_label)] = _value


@dataclass
class PlannedContact:
    """A contact the import creates or matches; changes accumulate over the rows naming the person."""

    instance: Contact
    is_new: bool
    changes: dict[str, tuple] = field(default_factory=dict)

    @property
    def token(self):
        return self.instance.pk if not self.is_new else ("new", id(self))


class Importer:
    def __init__(self, *, cmap: ColumnMap, options: ImportOptions, as_of: datetime.date, registry: Registry):
        self.cmap = cmap
        self.options = options
        self.as_of = as_of
        self.registry = registry
        self.result_rows: list[RowResult] = []
        self.warnings: list[dict] = []
        self.errors: list[dict] = []
        self.contacts: dict[int, PlannedContact] = {}  # id(planned) → planned, in file order
        self.file_by_email: dict[str, PlannedContact] = {}
        self.file_by_name_org: dict[tuple, PlannedContact] = {}
        self.existing_planned: dict[int, PlannedContact] = {}
        self.new_organisations: dict[str, Organisation] = {}
        self.new_memberships: dict[tuple, list[tuple[Membership, int]]] = {}
        self.new_membership_list: list[Membership] = []
        self.verified: dict[int, Membership] = {}
        self.contained: set[int] = set()
        self.unchanged_memberships: set[int] = set()
        self.skipped_contact_tokens: set = set()
        self.sync_networks: set[int] = set()
        self.skipped = 0

    # -- reading a row ---------------------------------------------------------------------------

    def _cell(self, cells: list, name: str):
        index = self.cmap.columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def _text(self, cells: list, name: str) -> str:
        return cell_text(self._cell(cells, name))

    def _error(self, errors: list, row: int, name: str | None, value, message: str) -> None:
        column = self.cmap.headers.get(name, "") if name else ""
        errors.append({"row": row, "column": column, "value": cell_text(value), "message": message})

    def _warn(self, row: int | None, name: str | None, message: str) -> None:
        column = self.cmap.headers.get(name, "") if name else ""
        self.warnings.append({"row": row, "column": column, "message": message})

    def _names(self, cells: list) -> tuple[str, str, str]:
        first, tussen, last = (self._text(cells, name) for name in ("first_name", "tussenvoegsel", "last_name"))
        full = self._text(cells, "full_name")
        if not last and full:
            parts = split_name(full)
            first, tussen, last = first or parts.first_name, tussen or parts.tussenvoegsel, parts.last_name
        elif last and "tussenvoegsel" not in self.cmap.columns:
            words = last.split()
            run = 0
            while run < len(words) - 1 and words[run].lower() in _PARTICLES:
                run += 1
            if run:
                tussen, last = " ".join(w.lower() for w in words[:run]), " ".join(words[run:])
        return first, tussen, last

    def _date(self, cells: list, name: str, row: int, errors: list) -> datetime.date | None:
        raw = self._cell(cells, name)
        if raw is None or cell_text(raw) == "":
            return None
        try:
            return parse_date(raw)
        except (ValueError, OverflowError):
            self._error(
                errors,
                row,
                name,
                raw,
                f"'{cell_text(raw)}' is geen datum (gebruik bijvoorbeeld 1-3-2021 of 2021-03-01).",
            )
            return None

    def parse(self, number: int, cells: list) -> dict | None:
        """The row's values, checked; None for an empty row."""
        if not any(cell_text(cell) for cell in cells):
            return None
        errors: list[dict] = []
        first, tussen, last = self._names(cells)
        values = {
            "first_name": first,
            "tussenvoegsel": tussen,
            "last_name": last,
            "email": self._text(cells, "email").lower().removeprefix("mailto:").strip(),
            "phone": self._text(cells, "phone"),
            "mobile": self._text(cells, "mobile"),
            "job_title": self._text(cells, "job_title"),
            "notes": self._text(cells, "notes"),
        }
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                self._error(errors, number, "email", self._cell(cells, "email"), "Dit is geen geldig e-mailadres.")
        for name in CONTACT_TEXT_FIELDS:
            limit = Contact._meta.get_field(name).max_length
            if limit and len(values[name]) > limit:
                column = (
                    name
                    if name in self.cmap.columns
                    else next((n for n in NAME_FIELDS if n in self.cmap.columns), name)
                )
                self._error(
                    errors,
                    number,
                    column,
                    values[name],
                    f"De {FIELD_LABELS[name]} is te lang (hoogstens {limit} tekens).",
                )
        organisation_name = " ".join(self._text(cells, "organisation").split())
        if len(organisation_name) > Organisation._meta.get_field("name").max_length:
            self._error(errors, number, "organisation", organisation_name, "De organisatienaam is te lang.")
            organisation_name = ""
        gemeente = None
        gemeente_text = self._text(cells, "gemeente")
        if gemeente_text:
            gemeente = self.registry.gemeenten.match(gemeente_text)
            if gemeente is None:
                self._error(
                    errors,
                    number,
                    "gemeente",
                    gemeente_text,
                    f"De gemeente '{gemeente_text}' is niet bekend in het register.",
                )
        network = self.options.network
        network_text = self._text(cells, "network")
        if network_text:
            network = self.registry.network(network_text)
            if network is None:
                self._error(errors, number, "network", network_text, f"Het netwerk '{network_text}' bestaat niet.")
        role = None
        role_text = self._text(cells, "role")
        if role_text:
            role = ROLE_BY_KEY.get(header_key(role_text))
            if role is None:
                allowed = ", ".join(str(label).lower() for label in Role.labels)
                self._error(errors, number, "role", role_text, f"De rol '{role_text}' bestaat niet (wel: {allowed}).")
        start = self._date(cells, "start_date", number, errors)
        end = self._date(cells, "end_date", number, errors)
        if start and end and end < start:
            self._error(
                errors, number, "end_date", self._cell(cells, "end_date"), "De einddatum ligt voor de startdatum."
            )
        if not values["email"] and not values["last_name"]:
            self._error(errors, number, None, "", "Deze rij heeft geen naam en geen e-mailadres.")
        return {
            "values": values,
            "organisation": organisation_name,
            "gemeente": gemeente,
            "network": network,
            "role": role,
            "start": start,
            "end": end,
            "errors": errors,
        }

    # -- matching ----------------------------------------------------------------------------------

    def _organisation(self, name: str) -> Organisation | None:
        if not name:
            return None
        key = fold(name)
        existing = self.registry.organisations.get(key) or self.new_organisations.get(key)
        if existing:
            return existing
        slug = base = slugify(name)[:190] or "organisatie"
        counter = 2
        while slug in self.registry.organisation_slugs:
            slug = f"{base}-{counter}"
            counter += 1
        self.registry.organisation_slugs.add(slug)
        organisation = Organisation(name=name, slug=slug)
        self.new_organisations[key] = organisation
        return organisation

    def _find_contact(self, values: dict, organisation: Organisation | None) -> PlannedContact | None:
        email = values["email"]
        if email:
            planned = self.file_by_email.get(email)
            if planned:
                return planned
            existing = self.registry.by_email.get(email)
        else:
            full = name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
            if "organisation" not in self.cmap.columns:
                planned = next((p for (n, _), p in self.file_by_name_org.items() if n == full), None)
                if planned:
                    return planned
                same_name = self.registry.by_name.get(full, [])
                existing = same_name[0] if len(same_name) == 1 else None
            else:
                planned = self.file_by_name_org.get((full, _org_token(organisation)))
                if planned:
                    return planned
                existing = None
                if organisation is None or organisation.pk:
                    existing = self.registry.by_name_org.get((full, organisation.pk if organisation else None))
        if existing is None:
            return None
        planned = self.existing_planned.get(existing.pk)
        if planned is None:
            planned = PlannedContact(instance=existing, is_new=False)
            self.existing_planned[existing.pk] = planned
        return planned

    def _remember(self, planned: PlannedContact) -> None:
        contact = planned.instance
        if contact.email:
            self.file_by_email.setdefault(contact.email, planned)
        org = Contact.organisation.field.get_cached_value(contact, default=None)
        org_token = contact.organisation_id or _org_token(org)
        key = (name_key(contact.first_name, contact.tussenvoegsel, contact.last_name), org_token)
        self.file_by_name_org.setdefault(key, planned)
        self.contacts.setdefault(id(planned), planned)

    def _apply_values(self, planned: PlannedContact, values: dict, organisation) -> dict[str, tuple]:
        """Set the row's non-empty values (an empty cell never blanks a value); the row's changes."""
        contact = planned.instance
        row_changes = {}
        for name in CONTACT_TEXT_FIELDS:
            new = values[name]
            old = getattr(contact, name)
            if new and new != old:
                row_changes[name] = (old, new)
                setattr(contact, name, new)
        if organisation is not None and (organisation.pk is None or contact.organisation_id != organisation.pk):
            cached = Contact.organisation.field.get_cached_value(contact, default=None)
            old = cached or self.registry.organisation_by_id.get(contact.organisation_id) or ""
            if old is not organisation:
                row_changes["organisation"] = (old, organisation)
                contact.organisation = organisation
        if not planned.is_new:
            for name, (old, new) in row_changes.items():
                first_old = planned.changes.get(name, (old, new))[0]
                planned.changes[name] = (first_old, new)
        return row_changes

    def _duplicate_warning(self, number: int, values: dict, planned: PlannedContact) -> None:
        key = name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        others = [c for c in self.registry.by_name.get(key, []) if c.pk != planned.instance.pk]
        if others and key:
            other = others[0]
            detail = f" ({other.email})" if other.email else ""
            self._warn(
                number,
                "email" if values["email"] else None,
                f"Mogelijk dubbel: er is al een {other.full_name}{detail}; niet samengevoegd.",
            )

    # -- memberships ---------------------------------------------------------------------------------

    def _membership(self, number: int, parsed: dict, planned: PlannedContact, errors: list):
        """(membership, is_new) for the row, or None when the row names no network."""
        network = parsed["network"]
        if network is None:
            return None
        role = parsed["role"] or network.default_role
        gemeente = parsed["gemeente"]
        start, end = parsed["start"], parsed["end"]
        gemeente_id = gemeente.pk if gemeente else None
        existing = []
        if not planned.is_new:
            existing = self.registry.memberships.get((planned.instance.pk, network.pk, role, gemeente_id), [])
        for membership in existing:
            same_period = start is not None and membership.start_date == start and membership.end_date == end
            if membership.is_active_on(self.as_of) or same_period:
                return membership, False
        key = (planned.token, network.pk, role, gemeente_id)
        for membership, first_row in self.new_memberships.get(key, []):
            same_period = membership.start_date == (start or self.as_of) and membership.end_date == end
            if membership.is_active_on(self.as_of) or same_period:
                self._warn(number, None, f"Deze rol staat ook op rij {first_row}; één keer verwerkt.")
                return membership, False
        start = start or self.as_of
        if end is not None and end < start:
            self._error(
                errors,
                number,
                "end_date",
                parsed["end"],
                f"De einddatum ligt voor de startdatum {start:%d-%m-%Y} (de datum van de lijst).",
            )
            return None
        if gemeente is not None and not gemeente.is_valid_on(start):
            successor = self.registry.gemeente_by_id.get(gemeente.successor_id)
            detail = f", opgegaan in {successor}" if successor else ""
            self._error(
                errors, number, "gemeente", gemeente.name, f"{gemeente} bestaat niet op {start:%d-%m-%Y}{detail}."
            )
            return None
        for membership in existing:
            if (
                membership.start_date <= (end or datetime.date.max)
                and (membership.end_date or datetime.date.max) >= start
            ):
                until = f"t/m {membership.end_date:%d-%m-%Y}" if membership.end_date else "zonder einddatum"
                self._error(
                    errors,
                    number,
                    "start_date" if "start_date" in self.cmap.columns else None,
                    parsed["start"] or "",
                    f"Deze persoon heeft deze rol in {network} al van {membership.start_date:%d-%m-%Y} {until}.",
                )
                return None
        membership = Membership(
            contact=planned.instance,
            network=network,
            role=role,
            gemeente=gemeente,
            start_date=start,
            end_date=end,
            verified_on=self.as_of,
        )
        self.new_memberships.setdefault(key, []).append((membership, number))
        self.new_membership_list.append(membership)
        return membership, True

    # -- one row ---------------------------------------------------------------------------------------

    def add_row(self, number: int, cells: list) -> bool:
        parsed = self.parse(number, cells)
        if parsed is None:
            return False
        values = parsed["values"]
        errors = parsed["errors"]
        display = " ".join(p for p in (values["first_name"], values["tussenvoegsel"], values["last_name"]) if p)
        display = display or values["email"]
        if errors:
            self._reject(number, display, errors, values)
            return True
        organisation = self._organisation(parsed["organisation"])
        planned = self._find_contact(values, organisation)
        is_new_contact = planned is None
        if is_new_contact:
            if not values["last_name"]:
                self._error(
                    errors,
                    number,
                    next((n for n in ("last_name", "full_name") if n in self.cmap.columns), None),
                    "",
                    "Een nieuwe contactpersoon heeft een achternaam nodig.",
                )
                self._reject(number, display, errors, values)
                return True
            planned = PlannedContact(instance=Contact(), is_new=True)
        snapshot = {name: getattr(planned.instance, name) for name in CONTACT_TEXT_FIELDS}
        snapshot_org = (
            planned.instance.organisation_id,
            Contact.organisation.field.get_cached_value(planned.instance, default=None),
        )
        snapshot_changes = dict(planned.changes)
        row_changes = self._apply_values(planned, values, organisation)
        outcome = self._membership(number, parsed, planned, errors)
        if errors:
            for name, value in snapshot.items():
                setattr(planned.instance, name, value)
            if "organisation" in row_changes:
                if snapshot_org[1] is not None:
                    planned.instance.organisation = snapshot_org[1]
                else:
                    planned.instance.organisation_id = snapshot_org[0]
            planned.changes = snapshot_changes
            self._reject(number, display, errors, values, planned)
            return True
        if is_new_contact:
            if organisation is not None and organisation.pk is None:
                self._warn(
                    number, "organisation", f"De organisatie '{organisation.name}' is nieuw en wordt aangemaakt."
                )
            self._duplicate_warning(number, values, planned)
        self._remember(planned)
        membership = None
        if outcome is not None:
            membership = outcome[0]
            self.sync_networks.add(membership.network_id)
            if membership.pk:
                self.contained.add(membership.pk)
                self.unchanged_memberships.add(membership.pk)
                if membership.verified_on is None or membership.verified_on < self.as_of:
                    membership.verified_on = self.as_of
                    self.verified[membership.pk] = membership
        if is_new_contact:
            action = "new"
        elif row_changes:
            action = "updated"
        elif outcome is not None and outcome[1]:
            action = "new"
        else:
            action = "unchanged"
        self.result_rows.append(
            RowResult(
                row=number,
                action=action,
                contact=planned.instance.full_name,
                changes={} if is_new_contact else row_changes,
                planned=planned,
                membership=membership,
            )
        )
        return True

    def _reject(self, number: int, display: str, errors: list, values: dict, planned=None) -> None:
        self.errors.extend(errors)
        if planned is None and values["email"]:
            planned = self.file_by_email.get(values["email"]) or self.existing_planned.get(
                getattr(self.registry.by_email.get(values["email"]), "pk", None)
            )
        if planned is not None:
            self.skipped_contact_tokens.add(planned.token)
        action = "skipped" if self.options.skip_invalid else "error"
        self.result_rows.append(
            RowResult(row=number, action=action, contact=display, messages=[e["message"] for e in errors])
        )

    # -- the whole list ----------------------------------------------------------------------------------

    def ending(self) -> list[Membership]:
        """Sync: active memberships of the list's network(s) that the list does not contain."""
        if not self.options.sync:
            return []
        networks = {self.options.network.pk} if self.options.network else self.sync_networks
        end = self.as_of - datetime.timedelta(days=1)
        ending = []
        for network_id in sorted(networks):
            for membership in self.registry.memberships_by_network.get(network_id, []):
                if membership.pk in self.contained or not membership.is_active_on(self.as_of):
                    continue
                if membership.contact_id in self.skipped_contact_tokens:
                    continue
                if membership.start_date > end:
                    self._warn(
                        None,
                        None,
                        f"Rol #{membership.pk} begon op de datum van de lijst en wordt niet beëindigd.",
                    )
                    continue
                membership.end_date = end
                ending.append(membership)
        return ending

    def writes(self, ending: list[Membership]) -> ImportWrites:
        planned = list(self.contacts.values())
        updated = [p for p in planned if not p.is_new and p.changes]
        fields = {name for p in updated for name in p.changes}
        ended = {membership.pk for membership in ending}
        return ImportWrites(
            new_organisations=list(self.new_organisations.values()),
            new_contacts=[p.instance for p in planned if p.is_new],
            updated_contacts=[p.instance for p in updated],
            updated_contact_fields=fields,
            new_memberships=self.new_membership_list,
            verified_memberships=[m for m in self.verified.values() if m.pk not in ended],
            ended_memberships=ending,
        )


def _org_token(organisation: Organisation | None):
    """Identifies an organisation in matching keys, also one this import is about to create."""
    if organisation is None:
        return None
    return organisation.pk or ("new", id(organisation))


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
    options = options or ImportOptions()
    file_name = file_name or getattr(file, "name", "") or str(file)
    data = read_upload(file)
    table = read_table(data, file_name, options.sheet)
    header_index = find_header(table)
    if header_index is None:
        raise ImportFileError(
            f"In {file_name} staat geen kopregel met bekende kolommen (zoals Naam, E-mail, Organisatie)."
        )
    cmap = map_columns(table[header_index], header_index)
    if not any(name in cmap.columns for name in ("email", "full_name", "last_name")):
        raise ImportFileError(f"{file_name} heeft geen kolom met een naam of e-mailadres.")
    if options.sync and options.network is None and "network" not in cmap.columns:
        raise ImportFileError("Synchroniseren kan alleen voor een netwerk: kies een netwerk of geef een kolom Netwerk.")
    data_rows = table[header_index + 1 :]
    check_row_count(len(data_rows))
    as_of = options.as_of or timezone.localdate()
    registry = Registry(network_ids=_network_ids_to_load(cmap, options))
    importer = Importer(cmap=cmap, options=options, as_of=as_of, registry=registry)
    result = ImportResult(file_name=file_name, dry_run=options.dry_run, skip_invalid=options.skip_invalid)
    result.ignored_columns = cmap.ignored
    total = len(data_rows)
    for offset, cells in enumerate(data_rows):
        if importer.add_row(header_index + offset + 2, cells):
            result.row_count += 1
        if progress and (offset + 1) % PROGRESS_EVERY == 0:
            progress(offset + 1, total)
    if progress:
        progress(total, total)
    result.rows = importer.result_rows
    result.errors = importer.errors
    result.skipped = sum(1 for row in result.rows if row.action == "skipped")
    if result.errors and not options.skip_invalid:
        result.warnings = importer.warnings
        return result

    sha256 = _sha256(data)
    earlier = selectors.earlier_batch_with_same_file(sha256=sha256)
    if earlier:
        importer._warn(
            None, None, f"Dit bestand is eerder geïmporteerd (import #{earlier.pk}, {earlier.created:%d-%m-%Y})."
        )
    ending = importer.ending()
    result.warnings = importer.warnings
    result.ending = ending
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
        for row in result.rows:
            if row.planned is not None:
                row.contact_id = row.planned.instance.pk
            if row.membership is not None:
                row.membership_id = row.membership.pk
        counts = {**result.summary, "created_organisations": [org.pk for org in writes.new_organisations]}
        counts.pop("batch")
        services.import_batch_record(batch=batch, counts=counts, results=[row.as_json() for row in result.rows])
        if options.dry_run:
            transaction.set_rollback(True)
        else:
            result.batch = batch
    return result
