"""Planning a whole list, row by row: parse, match the contact and the role, merge into one set of changes.

Nothing is written here; the Importer collects what the whole list would change (IMPORT.md steps 2–6)
and `writes` hands it to `services.import_apply`.
"""

import datetime

from ..models import CONTACT_TEXT_FIELDS, is_active_on
from ..services.imports import ImportWrites
from .columns import ColumnMap
from .contacts import ContactPlanner, PlannedContact
from .options import ImportOptions
from .parsing import ParsedRow, RowParser
from .readers import clip
from .registry import ContactDraft, KnownMembership, Registry
from .results import Resolved, RowResult


class PlannedMembership:
    """A role the list adds, as `services.import_apply` writes it (the attribute names of Membership's columns):
    a slotted object of about 150 bytes instead of a model instance of about 1 KB, for 100 000 new roles."""

    __slots__ = ("contact", "created", "end_date", "first_row", "gemeente", "import_batch", "network", "pk",
                 "role", "start_date", "updated", "verified_on")  # fmt: skip
    ended_by_batch_id = None
    notes = ""

    def __init__(self, *, contact, network, role, gemeente, start_date, end_date, verified_on, first_row):
        self.contact, self.network, self.role, self.gemeente = contact, network, role, gemeente
        self.start_date, self.end_date, self.verified_on = start_date, end_date, verified_on
        self.first_row = first_row  # the spreadsheet row that planned it
        self.pk = self.import_batch = self.created = self.updated = None

    @property
    def contact_id(self) -> int | None:
        return self.contact.pk

    @property
    def network_id(self) -> int:
        return self.network.pk

    @property
    def gemeente_id(self) -> int | None:
        return self.gemeente.pk if self.gemeente is not None else None

    @property
    def import_batch_id(self) -> int | None:
        return self.import_batch.pk if self.import_batch is not None else None

    def is_active_on(self, on: datetime.date) -> bool:
        return is_active_on(self.start_date, self.end_date, on)


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
        self.parser = RowParser(cmap=cmap, network=options.network, registry=registry)
        self.planner = ContactPlanner(registry=registry, by_organisation="organisation" in cmap.columns)
        self.contacts = self.planner.contacts  # in file order
        self.result_rows: list[RowResult] = []
        self.warnings: list[dict] = []
        self.errors: list[dict] = []
        self.announced: set[int] = set()  # new organisations already warned about
        # (contact token, network, role, gemeente) → the role this list adds for it, or a list of them (rare)
        self.new_memberships: dict[tuple, PlannedMembership | list[PlannedMembership]] = {}
        self.new_membership_list: list[PlannedMembership] = []
        self.verified: dict[int, KnownMembership] = {}
        self.contained: set[int] = set()
        self.unchanged_memberships: set[int] = set()
        self.skipped_contact_tokens: set = set()
        self.sync_networks: set[int] = set()

    def warn(self, row: int | None, name: str | None, message: str) -> None:
        """A warning for the summary, naming the file's header of column `name` (None: the row or the file)."""
        column = self.cmap.headers.get(name, "") if name else ""
        self.warnings.append({"row": row, "column": clip(column), "message": message})

    def _duplicate_warning(self, number: int, values: dict, planned: PlannedContact) -> None:
        other = self.planner.possible_duplicate(values, planned)
        if other is not None:
            detail = f" ({other.email})" if other.email else ""
            self.warn(
                number,
                "email" if values["email"] else None,
                f"Mogelijk dubbel: er is al een {other.full_name}{detail}; niet samengevoegd.",
            )

    # -- memberships ---------------------------------------------------------------------------------

    def _membership(self, number: int, parsed: ParsedRow, planned: PlannedContact, errors: list):
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
        planned_earlier = self.new_memberships.get(key, ())
        if isinstance(planned_earlier, PlannedMembership):
            planned_earlier = (planned_earlier,)
        for membership in planned_earlier:
            same_period = membership.start_date == (start or self.as_of) and membership.end_date == end
            if membership.is_active_on(self.as_of) or same_period:
                self.warn(number, None, f"Deze rol staat ook op rij {membership.first_row}; één keer verwerkt.")
                return membership, False
        start = start or self.as_of
        if end is not None and end < start:
            self.parser.error(
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
            self.parser.error(
                errors, number, "gemeente", gemeente.name, f"{gemeente} bestaat niet op {start:%d-%m-%Y}{detail}."
            )
            return None
        # Roles planned by earlier rows of this list count too: the database refuses overlapping periods.
        for membership in [*existing, *planned_earlier]:
            if (
                membership.start_date <= (end or datetime.date.max)
                and (membership.end_date or datetime.date.max) >= start
            ):
                until = f"t/m {membership.end_date:%d-%m-%Y}" if membership.end_date else "zonder einddatum"
                self.parser.error(
                    errors,
                    number,
                    "start_date" if "start_date" in self.cmap.columns else None,
                    parsed["start"] or "",
                    f"Deze persoon heeft deze rol in {network} al van {membership.start_date:%d-%m-%Y} {until}.",
                )
                return None
        membership = PlannedMembership(
            contact=planned.instance,
            network=network,
            role=role,
            gemeente=gemeente,
            start_date=start,
            end_date=end,
            verified_on=self.as_of,
            first_row=number,
        )
        self.new_memberships[key] = [*planned_earlier, membership] if planned_earlier else membership
        self.new_membership_list.append(membership)
        return membership, True

    # -- one row ---------------------------------------------------------------------------------------

    def note(self, parsed: ParsedRow) -> None:
        """First pass: what the whole file says about a person (see ContactPlanner.note_file_row)."""
        if not parsed["errors"]:
            self.planner.note_file_row(parsed["values"])

    def note_emails(self, parsed_rows: list) -> None:
        """After the first pass: which address the file gives a name that also comes without one."""
        if self.planner.names_without_email:
            for parsed in parsed_rows:
                if not parsed["errors"]:
                    self.planner.note_file_email(parsed["values"], parsed["organisation"])

    def add_row(self, number: int, parsed: ParsedRow) -> None:
        """Second pass: match and plan one parsed row (RowParser.parse), after `note` saw every row."""
        values = parsed["values"]
        errors = list(parsed["errors"])  # planning may add its own
        display = " ".join(p for p in (values["first_name"], values["tussenvoegsel"], values["last_name"]) if p)
        display = display or values["email"]
        if errors:
            self._reject(number, display, errors, values)
            return
        organisation = self.planner.organisation(parsed["organisation"])
        email = self.planner.email_for(values, parsed["organisation"])
        planned = self.planner.find(values, organisation, email)
        is_new_contact = planned is None
        if is_new_contact:
            if not values["last_name"] and not values["email"]:
                self.parser.error(
                    errors,
                    number,
                    next((n for n in ("last_name", "full_name") if n in self.cmap.columns), None),
                    "",
                    "Een nieuwe contactpersoon heeft een achternaam of e-mailadres nodig.",
                )
                self._reject(number, display, errors, values)
                return
            planned = PlannedContact(instance=ContactDraft(), is_new=True)
        kept = self.planner.keeps_organisation(planned, organisation)
        if kept is not None:
            current, similar = kept
            if similar is current:
                message = (
                    f"De organisatie '{organisation.name}' lijkt op '{current.name}', waar {planned.instance} bij hoort"
                )
            else:
                message = (
                    f"De organisatie '{organisation.name}' is onbekend en lijkt op '{similar.name}'; "
                    f"{planned.instance} hoort bij '{current.name}'"
                )
            self.warn(
                number,
                "organisation",
                f"{message}; niet verplaatst. Is het dezelfde, voeg '{organisation.name}' dan als schrijfwijze toe "
                f"aan '{similar.name}'.",
            )
            organisation = None
        snapshot = {name: getattr(planned.instance, name) for name in CONTACT_TEXT_FIELDS}
        snapshot_org = (planned.instance._organisation_id, planned.instance.organisation)
        snapshot_changes = planned.changes  # replaced, never changed in place (see PlannedContact)
        row_changes = self.planner.apply_values(planned, values, organisation)
        outcome = self._membership(number, parsed, planned, errors)
        if errors:
            for name, value in snapshot.items():
                setattr(planned.instance, name, value)
            planned.instance._organisation_id, planned.instance.organisation = snapshot_org
            planned.changes = snapshot_changes
            self._reject(number, display, errors, values, planned)
            return
        for name, message in parsed["warnings"]:
            self.warn(number, name, message)
        if organisation is not None and organisation.pk is None and id(organisation) not in self.announced:
            self.announced.add(id(organisation))
            similar = self.planner.look_alike(organisation)
            detail = f"; hij lijkt op '{similar.name}' (controleer de schrijfwijze)" if similar else ""
            self.warn(
                number, "organisation", f"De organisatie '{organisation.name}' is nieuw en wordt aangemaakt{detail}."
            )
        if is_new_contact:
            if not values["last_name"]:
                self.warn(number, "email", "Alleen een e-mailadres: de naam ontbreekt nog; vul die later aan.")
            self._duplicate_warning(number, values, planned)
        self.planner.remember(planned, email)
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
                contact=None,  # the planned contact's name, when the result is shown or stored
                changes=None if planned.is_new else row_changes or None,
                planned=planned,
                membership=membership,
                # Only a preview (a dry run) shows what a row resolved to; a real run of 100 000 rows keeps none.
                resolved=Resolved.of(parsed, planned.instance, membership, self.registry)
                if self.options.dry_run
                else None,
            )
        )

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
                    self.warn(
                        None,
                        None,
                        f"Rol #{membership.pk} begon op de datum van de lijst en wordt niet beëindigd.",
                    )
                    continue
                membership.end_date = end
                ending.append(membership)
        return ending

    def writes(self, ending: list[KnownMembership]) -> ImportWrites:
        planned = self.contacts
        updated = [p for p in planned if not p.is_new and p.changes]
        fields = {name for p in updated for name in p.changes}
        ended = {membership.pk for membership in ending}
        new_organisations = {}
        for p in planned:
            organisation = p.instance.organisation
            if organisation is not None and organisation.pk is None:
                new_organisations.setdefault(id(organisation), organisation)
        return ImportWrites(
            new_organisations=list(new_organisations.values()),
            new_contacts=[p.instance for p in planned if p.is_new],
            updated_contacts=[p.instance for p in updated],
            updated_contact_fields=fields,
            new_memberships=self.new_membership_list,
            verified_memberships=[m for m in self.verified.values() if m.pk not in ended],
            ended_memberships=ending,
        )
