"""The attendance import: read → collapse rejoins → match → plan → apply (all or nothing) → record as a batch."""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.permissions import Action, require

from .. import selectors, services
from ..choices import AttendeeRole, AttendeeStatus, ImportMode
from ..importing.contacts import ContactPlanner
from ..importing.readers import read_upload
from ..importing.registry import ContactDraft, Registry, last_name_keys
from ..models import Attendee, Contact, Event
from .matching import Matcher
from .reading import Person, read_report
from .values import to_minutes


@dataclass
class AttendanceOptions:
    """`create_missing`: create every unknown person; `create_rows`: only the unknown people of these rows (the
    web preview's "aanmaken" checkboxes); `skip_organisers`: leave out who organised the meeting."""

    create_missing: bool = False
    create_rows: set[int] = field(default_factory=set)
    dry_run: bool = False
    skip_organisers: bool = False


@dataclass
class PersonResult:
    """What one person in the file did: matched (how), new, or unmatched with suggestions; and their attendee."""

    row: int
    name: str
    email: str
    status: str
    role: str
    minutes: int | None
    contact_id: int | None = None
    matched_by: str = ""  # email, name_org, new; empty when unmatched
    attendee: str = ""  # new, updated, unchanged; empty when unmatched
    suggestions: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "row": self.row,
            "action": self.attendee or "unmatched",
            "contact": self.name,
            "contact_id": self.contact_id,
            "matched_by": self.matched_by,
            "status": self.status,
            "minutes": self.minutes,
        }


@dataclass
class AttendanceResult:
    file_name: str
    event: Event
    dry_run: bool
    kind: str = ""
    people: list[PersonResult] = field(default_factory=list)
    attendees: dict = field(default_factory=lambda: {"new": 0, "updated": 0, "unchanged": 0})
    contacts: dict = field(default_factory=lambda: {"matched": 0, "new": 0})
    warnings: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    batch: object = None

    @property
    def unmatched(self) -> list[dict]:
        return [
            {"row": p.row, "name": p.name, "email": p.email, "suggestions": p.suggestions}
            for p in self.people
            if not p.matched_by
        ]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    @property
    def summary(self) -> dict:
        """Exactly the JSON of EVENTS.md."""
        return {
            "file": self.file_name,
            "event": self.event.slug,
            "dry_run": self.dry_run,
            "rows": len(self.people),
            "attendees": dict(self.attendees),
            "contacts": dict(self.contacts),
            "unmatched": self.unmatched,
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "batch": self.batch.pk if self.batch else None,
        }


def _attendee_change(attendee: Attendee, person: Person, minutes: int | None) -> bool:
    """Bring an existing attendee up to the file; True when anything changed. Someone recorded as present stays
    present; a plain participant row does not undo a speaker or organiser role."""
    before = (attendee.status, attendee.role, attendee.minutes, attendee.gemeente_id)
    if attendee.status != AttendeeStatus.PRESENT:
        attendee.status = person.status
    if person.role != AttendeeRole.PARTICIPANT:
        attendee.role = person.role
    if minutes is not None:
        attendee.minutes = minutes
    if attendee.gemeente_id is None and person.gemeente is not None:
        attendee.gemeente = person.gemeente
    return before != (attendee.status, attendee.role, attendee.minutes, attendee.gemeente_id)


def run_attendance_import(*, actor, file, file_name: str, event: Event, options: AttendanceOptions | None = None):
    """Import who came to `event` from a registration list, a Teams or a Zoom report (EVENTS.md).

    Returns an AttendanceResult whose `summary` is the contract's JSON. With row errors nothing is written; a dry
    run writes nothing. Raises ImportFileError (unreadable file) and PermissionDenied (without Action.IMPORT and
    Action.CHANGE_EVENT).
    """
    require(actor, Action.IMPORT)
    require(actor, Action.CHANGE_EVENT)
    options = options or AttendanceOptions()
    data = read_upload(file)
    registry = Registry(network_ids=set())
    report = read_report(data, file_name, registry)
    result = AttendanceResult(file_name=file_name, event=event, dry_run=options.dry_run, kind=report.kind)
    result.errors, result.warnings = report.errors, report.warnings
    last_day = event.end_date or event.date
    if report.started and not event.date <= report.started.date() <= last_day:
        result.warnings.append(
            {
                "row": None,
                "message": f"Het rapport is van {report.started:%d-%m-%Y}, het evenement van {event.date:%d-%m-%Y}.",
            }
        )
    people = [p for p in report.people if not (options.skip_organisers and p.role == AttendeeRole.ORGANISER)]
    # The registry's contacts the report names (its e-mails and last names): memory follows the report.
    # Last names spelled alike count too, so that a near match can be suggested ("bedoelt u …?").
    last_names = set().union(*(last_name_keys(p.values["tussenvoegsel"], p.values["last_name"]) for p in people))
    registry.load_contacts(
        emails={p.values["email"].lower() for p in people if p.values["email"]},
        last_names=last_names | selectors.contact_last_names_alike(last_names=last_names),
        sync=False,
    )
    matcher = Matcher(registry)
    planner = ContactPlanner(registry=registry, by_organisation=True)
    by_contact: dict[object, tuple[Person, PersonResult, Contact | ContactDraft]] = {}
    new_contacts: list[Contact] = []
    for person in people:
        minutes = to_minutes(person.seconds)
        outcome = PersonResult(person.row, person.name, person.values["email"], person.status, person.role, minutes)
        result.people.append(outcome)
        contact, outcome.matched_by = matcher.match(person)
        if (
            contact is None
            and person.values["last_name"]
            and (options.create_missing or person.row in options.create_rows)
        ):
            values = {name: person.values[name] for name in ("first_name", "tussenvoegsel", "last_name", "email")}
            contact = Contact(**values, organisation=planner.organisation(person.organisation))
            outcome.matched_by = "new"
            new_contacts.append(contact)
        if contact is None:
            outcome.suggestions = matcher.suggestions(person)
            continue
        token = contact.pk or id(contact)
        if token in by_contact:
            first, _, _ = by_contact[token]
            first.absorb(person)
            result.warnings.append(
                {
                    "row": person.row,
                    "message": f"{person.name or person.values['email']} staat ook op rij {first.row}; samengevoegd.",
                }
            )
            outcome.matched_by, outcome.contact_id = "", None
            result.people.remove(outcome)
            continue
        by_contact[token] = (person, outcome, contact)
        outcome.contact_id = contact.pk
    result.contacts = {
        "matched": sum(1 for _, o, _ in by_contact.values() if o.matched_by in ("email", "name_org")),
        "new": len(new_contacts),
    }
    existing = {a.contact_id: a for a in selectors.attendee_list(event=event)}
    defaults = selectors.attendee_defaults(contact_ids=[c.pk for _, _, c in by_contact.values() if c.pk], on=event.date)
    new_attendees, updated_attendees = [], []
    for person, outcome, contact in by_contact.values():
        outcome.minutes = to_minutes(person.seconds)
        attendee = existing.get(contact.pk) if contact.pk else None
        if attendee is None:
            gemeente_id, organisation_id = defaults.get(contact.pk, (None, None)) if contact.pk else (None, None)
            attendee = Attendee(event=event, status=person.status, role=person.role, minutes=outcome.minutes)
            if contact.pk:
                attendee.contact_id = contact.pk  # a registry contact, as the importer's ContactDraft
            else:
                attendee.contact = contact  # a Contact this import creates
            attendee.gemeente_id = person.gemeente.pk if person.gemeente else gemeente_id
            given = registry.organisation(person.organisation) if person.organisation else None
            if given is not None:
                attendee.organisation = given
            elif contact.pk:
                attendee.organisation_id = organisation_id
            else:
                attendee.organisation = contact.organisation
            new_attendees.append(attendee)
            outcome.attendee = "new"
        elif _attendee_change(attendee, person, outcome.minutes):
            updated_attendees.append(attendee)
            outcome.attendee = "updated"
        else:
            outcome.attendee = "unchanged"
        outcome.status = attendee.status
    result.attendees = {
        "new": len(new_attendees),
        "updated": len(updated_attendees),
        "unchanged": sum(1 for _, o, _ in by_contact.values() if o.attendee == "unchanged"),
    }
    if result.errors or options.dry_run:
        return result
    sha256 = hashlib.sha256(data).hexdigest()
    earlier = selectors.earlier_batch_with_same_file(sha256=sha256)
    if earlier:
        result.warnings.append(
            {
                "row": None,
                "message": f"Dit bestand is eerder geïmporteerd (import #{earlier.pk}, {earlier.created:%d-%m-%Y}).",
            }
        )
    with transaction.atomic():
        batch = services.import_batch_create(
            actor=actor,
            file_name=file_name,
            sha256=sha256,
            mode=ImportMode.ADD,
            network=None,
            as_of=min(event.date, timezone.localdate()),
        )
        services.attendance_import_apply(
            actor=actor,
            batch=batch,
            new_organisations=list(planner.new_organisations.values()),
            new_contacts=new_contacts,
            new_attendees=new_attendees,
            updated_attendees=updated_attendees,
        )
        for _person, outcome, contact in by_contact.values():
            outcome.contact_id = contact.pk
        counts = {
            **result.summary,
            "event": event.slug,
            "created_organisations": [org.pk for org in planner.new_organisations.values()],
        }
        counts.pop("batch")
        services.import_batch_record(batch=batch, counts=counts, results=(p.as_json() for p in result.people))
        result.batch = batch
    return result
