"""One row at a time: read and check its values, match the contact and the role, plan the change.

Nothing is written here; the Importer collects what the whole list would change.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from ..choices import Role
from ..models import Contact, Membership, Organisation
from ..names import TUSSENVOEGSELS, fold, name_key, split_name
from ..services.imports import ImportWrites
from .columns import NAME_FIELDS, ColumnMap, header_key
from .registry import KnownMembership, Registry
from .results import ImportOptions, RowResult
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
# One row asks for its name's key up to three times (matching, duplicates, remembering).
_name_key = functools.lru_cache(maxsize=4096)(name_key)

ROLE_BY_KEY = {}
for _value, _label in Role.choices:
    ROLE_BY_KEY[header_key(_value)] = _value
    ROLE_BY_KEY[header_key(_label)] = _value


@dataclass(slots=True)
class PlannedContact:
    """A contact the import creates or matches; changes accumulate over the rows naming the person."""

    instance: Contact
    is_new: bool
    changes: dict[str, tuple] = field(default_factory=dict)

    @property
    def token(self):
        return self.instance.pk if not self.is_new else ("new", id(self))


class Importer:
    """Plans a whole list: each row is checked, matched and merged into one set of changes.

    A row with an error changes nothing in the plan (what it had set is put back), so with
    skip_invalid the other rows apply exactly as if the bad row had not been in the file.
    """

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
        self.file_by_name: dict[str, PlannedContact] = {}
        self.existing_planned: dict[int, PlannedContact] = {}
        self.new_organisations: dict[str, Organisation] = {}
        self.announced: set[int] = set()  # new organisations already warned about
        self.new_memberships: dict[tuple, list[tuple[Membership, int]]] = {}
        self.new_membership_list: list[Membership] = []
        self.verified: dict[int, Membership] = {}
        self.contained: set[int] = set()
        self.unchanged_memberships: set[int] = set()
        self.skipped_contact_tokens: set = set()
        self.sync_networks: set[int] = set()

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
            full = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
            if "organisation" not in self.cmap.columns:
                planned = self.file_by_name.get(full)
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
        key = (_name_key(contact.first_name, contact.tussenvoegsel, contact.last_name), org_token)
        self.file_by_name_org.setdefault(key, planned)
        self.file_by_name.setdefault(key[0], planned)
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
                row_changes["organisation"] = (str(old), organisation.name)
                contact.organisation = organisation
        if not planned.is_new:
            for name, (old, new) in row_changes.items():
                first_old = planned.changes.get(name, (old, new))[0]
                planned.changes[name] = (first_old, new)
        return row_changes

    def _duplicate_warning(self, number: int, values: dict, planned: PlannedContact) -> None:
        key = _name_key(values["first_name"], values["tussenvoegsel"], values["last_name"])
        if not key:
            return
        others = [c for c in self.registry.by_name.get(key, []) if c.pk != planned.instance.pk]
        earlier_in_file = self.file_by_name.get(key)
        if earlier_in_file is not None and earlier_in_file is not planned:
            others.append(earlier_in_file.instance)
        if others:
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
            if parsed["role"] is None or gemeente is None:
                # A list that leaves the role or the gemeente open confirms the person's current role in the
                # network: the voorzitter on a plain member list stays voorzitter and gets no second role.
                for membership in self.registry.memberships_of.get((planned.instance.pk, network.pk), []):
                    if (
                        membership.is_active_on(self.as_of)
                        and (parsed["role"] is None or membership.role == role)
                        and (gemeente is None or membership.gemeente_id == gemeente_id)
                    ):
                        return membership, False
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
        if organisation is not None and organisation.pk is None and id(organisation) not in self.announced:
            self.announced.add(id(organisation))
            self._warn(number, "organisation", f"De organisatie '{organisation.name}' is nieuw en wordt aangemaakt.")
        if is_new_contact:
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
        if planned.is_new:
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
                changes={} if planned.is_new else row_changes,
                planned=planned,
                membership=membership,
            )
        )
        return True

    def _reject(self, number: int, display: str, errors: list, values: dict, planned=None) -> None:
        self.errors.extend(errors)
        if planned is not None:
            self.skipped_contact_tokens.add(planned.token)
        elif values["email"]:
            # Sync must not end the roles of someone whose row was skipped.
            known = self.registry.by_email.get(values["email"])
            if known is not None:
                self.skipped_contact_tokens.add(known.pk)
        action = "skipped" if self.options.skip_invalid else "error"
        self.result_rows.append(
            RowResult(row=number, action=action, contact=display, messages=[e["message"] for e in errors])
        )

    # -- the whole list ----------------------------------------------------------------------------------

    def ending(self) -> list[KnownMembership]:
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

    def writes(self, ending: list[KnownMembership]) -> ImportWrites:
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
