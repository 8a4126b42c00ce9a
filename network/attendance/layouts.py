"""Where the people are in a report: the header row of each table and what its columns mean.

A Teams attendance report is split into numbered sections ("1. Summary" / "1. Samenvatting", "2. Participants" /
"2. Deelnemers", "3. In-Meeting Activities" / "3. Activiteiten tijdens vergadering"); a Zoom report has a few
report lines and, for a webinar, "Host Details", "Panelist Details" and "Attendee Details" tables. A registration
list is a contact list and has its header found by the contact import's own rules.
"""

import re
from dataclasses import dataclass, field

from ..choices import AttendeeRole
from ..importing.columns import ColumnMap, find_header, map_columns
from ..importing.readers.text import split_lines
from ..importing.values import cell_text
from .values import column_key

NAME_KEYS = {
    "name", "naam", "username", "gebruikersnaam", "fullname", "volledigenaam", "displayname", "weergavenaam",
    "participant", "deelnemer",
}  # fmt: skip
FIRST_KEYS = {"firstname", "voornaam"}
LAST_KEYS = {"lastname", "achternaam"}
EMAIL_KEYS = {"email", "useremail", "emailadres", "emailaddress", "emailadresgebruiker", "mail", "emailgebruiker"}
ATTENDED_KEYS = {"attended", "aanwezig", "aanwezigheid", "deelgenomen", "present", "aanwezigja/nee"}
ROLE_KEYS = {"role", "rol", "rolbijhetevenement"}
ORGANISATION_KEYS = {"organisation", "organization", "organisatie", "company", "bedrijf", "werkgever"}
GEMEENTE_KEYS = {"gemeente", "namensgemeente", "municipality", "werkgebied"}
# Columns only a meeting tool writes: their presence makes a table a Zoom report rather than a registration list.
REPORT_KEYS = {"attended", "jointime", "leavetime", "timeinsession", "duration", "useremail", "firstjoin"}

SECTION_ROLES = {
    "hostdetails": AttendeeRole.ORGANISER,
    "host": AttendeeRole.ORGANISER,
    "panelistdetails": AttendeeRole.SPEAKER,
    "attendeedetails": AttendeeRole.PARTICIPANT,
    "otherattended": AttendeeRole.PARTICIPANT,
    "participants": AttendeeRole.PARTICIPANT,
}
TEAMS_START = re.compile(r"^\ufeff?\s*1\.\s*(summary|samenvatting|overzicht)\b", re.IGNORECASE | re.MULTILINE)
TEAMS_SECTION = re.compile(r"^\s*([123])\.\s*\S")


def is_duration_key(key: str) -> bool:
    return key.endswith("duration") or key.startswith("duur") or key in ("timeinsession", "tijdinsessie")


def is_join_key(key: str) -> bool:
    return "join" in key or key.startswith(("eerstedeelname", "tijdstipvandeelname", "deelnametijd", "binnenkomst"))


def is_leave_key(key: str) -> bool:
    return "leave" in key or "vertrek" in key or key.startswith("tijdstipvanvertrek")


@dataclass
class Table:
    """A header row and what its columns mean: `cmap` in the contact import's field names (first_name,
    tussenvoegsel, last_name, full_name, email, organisation, gemeente) and the attendance columns beside it."""

    cmap: ColumnMap
    attended: int | None = None
    duration: int | None = None
    join: int | None = None
    leave: int | None = None
    role: int | None = None
    section_role: str = AttendeeRole.PARTICIPANT
    # Meeting tools add "(Guest)", "(Gast)" or the original name in brackets after a display name.
    strip_brackets: bool = True
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number in the file, cells)


def _attendance_columns(table: Table, keys: list[str]) -> Table:
    for index, key in enumerate(keys):
        if key in ATTENDED_KEYS and table.attended is None:
            table.attended = index
        elif is_duration_key(key) and table.duration is None:
            table.duration = index
        elif is_join_key(key) and table.join is None:
            table.join = index
        elif is_leave_key(key) and table.leave is None:
            table.leave = index
        elif key in ROLE_KEYS and table.role is None:
            table.role = index
    return table


def report_table(header: list, header_index: int, section_role: str) -> Table | None:
    """The table a meeting tool's header row starts, or None when the row names no person column."""
    keys = [column_key(cell) for cell in header]
    columns: dict[str, int] = {}
    for index, key in enumerate(keys):
        for name, known in (
            ("full_name", NAME_KEYS),
            ("first_name", FIRST_KEYS),
            ("last_name", LAST_KEYS),
            ("email", EMAIL_KEYS),
            ("organisation", ORGANISATION_KEYS),
            ("gemeente", GEMEENTE_KEYS),
        ):
            if key in known:
                columns.setdefault(name, index)
    if not ({"full_name", "last_name"} & set(columns)):
        return None
    headers = {name: cell_text(header[index]) for name, index in columns.items()}
    cmap = ColumnMap(header_index=header_index, columns=columns, headers=headers)
    return _attendance_columns(Table(cmap=cmap, section_role=section_role), keys)


def registration_table(rows: list[list]) -> Table | None:
    """A registration list's table, its header found and mapped by the contact import (IMPORT.md), or None."""
    header_index = find_header(rows)
    if header_index is None:
        return None
    cmap = map_columns(rows[header_index], header_index)
    keys = [column_key(cell) for cell in rows[header_index]]
    # A registration list's "Rol" is the role at the event, not a role in a network; dates are not role periods.
    event_role = cmap.columns.pop("role", None)
    for name in ("network", "start_date", "end_date", "phone", "mobile", "job_title", "notes"):
        cmap.columns.pop(name, None)
    table = _attendance_columns(Table(cmap=cmap, strip_brackets=False), keys)
    table.role = event_role if event_role is not None else table.role
    return table


def is_zoom(rows: list[list]) -> bool:
    return any(column_key(cell) in REPORT_KEYS for row in rows for cell in row)


def zoom_tables(rows: list[list]) -> list[Table]:
    """The tables of a Zoom participants or webinar report: each header row with a person column starts one; a
    section line ("Host Details", "Attendee Details") sets the role of the people under it."""
    tables: list[Table] = []
    current: Table | None = None
    section_role = AttendeeRole.PARTICIPANT
    for index, cells in enumerate(rows):
        texts = [cell_text(cell) for cell in cells]
        filled = [text for text in texts if text]
        if not filled:
            continue
        if len(filled) == 1 and column_key(filled[0]) in SECTION_ROLES:
            section_role = SECTION_ROLES[column_key(filled[0])]
            current = None
            continue
        header = report_table(cells, index, section_role)
        if header is not None and (
            header.cmap.has("email") or header.duration is not None or header.attended is not None
        ):
            current = header
            tables.append(current)
            continue
        if current is not None:
            current.rows.append((index + 1, cells))
    return tables


def teams_tables(text: str) -> tuple[list[Table], list[Table], dict[str, str]]:
    """A Teams attendance report's participants tables, activity tables and summary (label → value)."""
    participants: list[Table] = []
    activities: list[Table] = []
    summary: dict[str, str] = {}
    section = None
    current: Table | None = None
    for index, line in enumerate(split_lines(text)):
        cells = [cell.strip().strip('"') for cell in line.split("\t")]
        if not any(cells):
            current = None
            continue
        if match := TEAMS_SECTION.match(cells[0]):
            section, current = match.group(1), None
            continue
        if section == "1":
            if len(cells) > 1:
                summary[column_key(cells[0])] = cells[1]
        elif section in ("2", "3"):
            if current is None:
                current = report_table(cells, index, AttendeeRole.PARTICIPANT)
                if current is not None:
                    (participants if section == "2" else activities).append(current)
            else:
                current.rows.append((index + 1, cells))
    return participants, activities, summary
