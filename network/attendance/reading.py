"""A report or list read into people: one `Person` per attendee, rejoins collapsed, each row checked by the
contact import's own row rules (names, e-mail, gemeente)."""

import datetime
import re
from dataclasses import dataclass, field

from ..choices import AttendeeRole, AttendeeStatus
from ..importing.columns import HEADER_SEARCH_ROWS
from ..importing.errors import ImportFileError
from ..importing.parsing import ContactValues, RowParser
from ..importing.readers import CSV_EXTENSIONS, check_extension, check_row_count, decode_text, open_book
from ..importing.registry import Registry
from ..importing.values import cell_text
from ..names import fold, name_key
from .layouts import TEAMS_START, Table, is_zoom, registration_table, teams_tables, zoom_tables
from .values import duration_seconds, parse_timestamp

BRACKETS = re.compile(r"\s*\([^)]*\)\s*$")
YES = {"ja", "yes", "y", "j", "x", "true", "1", "waar", "aanwezig"}
NO = {"nee", "no", "n", "false", "0", "onwaar", "afwezig", "niet aanwezig"}
ORGANISER_VALUES = {"organizer", "organiser", "organisator", "coorganizer", "coorganisator", "medeorganisator", "host"}
ROLE_VALUES = {
    "spreker": AttendeeRole.SPEAKER,
    "speaker": AttendeeRole.SPEAKER,
    "panelist": AttendeeRole.SPEAKER,
    "workshopleider": AttendeeRole.WORKSHOP_LEADER,
    "deelnemer": AttendeeRole.PARTICIPANT,
    "attendee": AttendeeRole.PARTICIPANT,
}


@dataclass
class Person:
    """One attendee as the file tells it; `seconds` is the total time present over all their sessions."""

    row: int
    values: ContactValues  # first_name, tussenvoegsel, last_name, email, … (the contact import's RowParser's)
    organisation: str = ""
    gemeente: object = None
    seconds: int | None = None
    status: str = AttendeeStatus.PRESENT
    role: str = AttendeeRole.PARTICIPANT
    sessions: int = 1

    @property
    def name(self) -> str:
        values = self.values
        return " ".join(part for part in (values["first_name"], values["tussenvoegsel"], values["last_name"]) if part)

    @property
    def key(self) -> str:
        return self.values["email"] or name_key(
            self.values["first_name"], self.values["tussenvoegsel"], self.values["last_name"]
        )

    def absorb(self, other: "Person") -> None:
        """Another row of the same person (a rejoin): time adds up; present and organiser win."""
        if other.seconds is not None:
            self.seconds = (self.seconds or 0) + other.seconds
        if other.status == AttendeeStatus.PRESENT:
            self.status = AttendeeStatus.PRESENT
        if self.role == AttendeeRole.PARTICIPANT:
            self.role = other.role
        self.organisation = self.organisation or other.organisation
        self.gemeente = self.gemeente or other.gemeente
        self.sessions += other.sessions


@dataclass
class Report:
    kind: str  # teams, zoom, registration
    people: list[Person] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    started: datetime.datetime | None = None


def _cell(cells: list, index: int | None):
    return cells[index] if index is not None and index < len(cells) else None


def _seconds(table: Table, cells: list) -> int | None:
    seconds = duration_seconds(_cell(cells, table.duration)) if table.duration is not None else None
    if seconds is None:
        joined, left = parse_timestamp(_cell(cells, table.join)), parse_timestamp(_cell(cells, table.leave))
        if joined and left and left >= joined:
            seconds = int((left - joined).total_seconds())
    return seconds


def _role(table: Table, cells: list) -> str:
    text = fold(cell_text(_cell(cells, table.role))).replace("-", "").replace(" ", "")
    if text in ORGANISER_VALUES:
        return AttendeeRole.ORGANISER
    return ROLE_VALUES.get(text, table.section_role)


def _status(table: Table, cells: list, default: str, number: int, report: Report) -> str | None:
    if table.attended is None:
        return default
    text = fold(cell_text(_cell(cells, table.attended)))
    if text in YES:
        return AttendeeStatus.PRESENT
    if text in NO or not text:
        return AttendeeStatus.NO_SHOW
    report.errors.append(
        {"row": number, "column": "aanwezig", "value": text, "message": f"'{text}' is geen ja of nee (aanwezig)."}
    )
    return None


def _people(tables: list[Table], report: Report, parser_registry: Registry, default_status: str) -> list[Person]:
    people: list[Person] = []
    for table in tables:
        parser = RowParser(cmap=table.cmap, network=None, registry=parser_registry)
        gemeente_column = table.cmap.headers.get("gemeente")
        name_column = table.cmap.columns.get("full_name")
        for number, cells in table.rows:
            if table.strip_brackets and name_column is not None and name_column < len(cells):
                cells = list(cells)
                cells[name_column] = BRACKETS.sub("", cell_text(cells[name_column]))
            parsed = parser.parse(number, cells)
            if parsed is None:
                continue
            for error in parsed["errors"]:
                # Someone may come from outside the VAR region: an unknown gemeente is worth a warning only.
                (report.warnings if gemeente_column and error["column"] == gemeente_column else report.errors).append(
                    error
                )
            status = _status(table, cells, default_status, number, report)
            if status is None or any(error["column"] != gemeente_column for error in parsed["errors"]):
                continue
            people.append(
                Person(
                    row=number,
                    values=parsed["values"],
                    organisation=parsed["organisation"],
                    gemeente=parsed["gemeente"],
                    seconds=_seconds(table, cells),
                    status=status,
                    role=_role(table, cells),
                )
            )
    return people


def collapse(people: list[Person]) -> list[Person]:
    """One Person per e-mail address (or, without one, per name): rejoins and repeated rows become one."""
    by_key: dict[str, Person] = {}
    for person in people:
        if person.key in by_key:
            by_key[person.key].absorb(person)
        else:
            by_key[person.key] = person
    return list(by_key.values())


def _teams(text: str, registry: Registry) -> Report:
    report = Report(kind="teams")
    participants, activities, summary = teams_tables(text)
    for label in ("starttime", "begintijd", "meetingstarttime", "starttijd", "eerstedeelname"):
        if label in summary:
            report.started = parse_timestamp(summary[label])
            break
    from_activities = collapse(_people(activities, report, registry, AttendeeStatus.PRESENT))
    if not participants:
        report.people = from_activities
        return report
    session_time = {person.key: person for person in from_activities}
    report.people = collapse(_people(participants, report, registry, AttendeeStatus.PRESENT))
    for person in report.people:
        sessions = session_time.get(person.key)
        if sessions is not None:
            person.sessions = max(person.sessions, sessions.sessions)
            if person.seconds is None:
                person.seconds = sessions.seconds
    return report


def read_report(data: bytes, file_name: str, registry: Registry) -> Report:
    """The people in a Teams report, a Zoom report or a registration list (xlsx, xls, ods, csv).

    Raises ImportFileError (one Dutch sentence) when the file cannot be read or has no table of people.
    """
    ext = check_extension(file_name)
    if ext in CSV_EXTENSIONS:
        text = decode_text(data)
        if TEAMS_START.search(text[:5000]):
            check_row_count(text.count("\n"))
            report = _teams(text, registry)
            if not report.people and not report.errors:
                raise ImportFileError(f"In het Teams-rapport {file_name} staan geen deelnemers.")
            return report
    book = open_book(data, file_name)
    numbered = []
    for number, cells in book.rows(book.sheets[book.active].name):
        numbered.append((number, cells))
        check_row_count(len(numbered))
    # The reader leaves empty rows out; the layouts count the rows they get, `numbers` gives the sheet's own.
    numbers = [number for number, _cells in numbered]
    rows = [cells for _number, cells in numbered]
    del numbered
    head = rows[:HEADER_SEARCH_ROWS]
    if is_zoom(head):
        report = Report(kind="zoom")
        tables = zoom_tables(rows)
        for table in tables:
            table.rows = [(numbers[index - 1], cells) for index, cells in table.rows]
        report.people = collapse(_people(tables, report, registry, AttendeeStatus.PRESENT))
    else:
        table = registration_table(head)
        if table is None or not ({"email", "full_name", "last_name"} & set(table.cmap.columns)):
            raise ImportFileError(
                f"In {file_name} staat geen kopregel met een naam of e-mailadres (zoals Naam, E-mail, Organisatie)."
            )
        table.rows = [(numbers[index], cells) for index, cells in enumerate(rows) if index > table.cmap.header_index]
        report = Report(kind="registration")
        report.people = collapse(_people([table], report, registry, AttendeeStatus.REGISTERED))
    if not report.people and not report.errors:
        raise ImportFileError(f"In {file_name} staan geen deelnemers.")
    return report


__all__ = ["Person", "Report", "collapse", "read_report"]
