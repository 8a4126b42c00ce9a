"""Writing lists to .xlsx and .csv with the headers the importer reads, so export → import changes nothing.

A cell that starts with =, +, -, @, tab or carriage return would be run as a formula by a spreadsheet
(CSV injection). In .xlsx such values are written as text cells with Excel's quote prefix; in .csv they
get a leading apostrophe, which spreadsheets show as text and the importer removes again.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .readers import FORMULA_TRIGGERS

CONTACT_HEADERS = [
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "E-mail",
    "Telefoon",
    "Mobiel",
    "Organisatie",
    "Functie",
    "Opmerkingen",
]
MEMBERSHIP_HEADERS = [*CONTACT_HEADERS, "Netwerk", "Rol", "Gemeente", "Startdatum", "Einddatum"]
FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _contact_cells(contact) -> list:
    return [
        contact.first_name,
        contact.tussenvoegsel,
        contact.last_name,
        contact.email,
        contact.phone,
        contact.mobile,
        contact.organisation.name if contact.organisation_id else "",
        contact.job_title,
        contact.notes,
    ]


def contact_rows(contacts: Iterable) -> Iterable[list]:
    """One row per contact (pass contacts with their organisation selected)."""
    for contact in contacts:
        yield _contact_cells(contact)


def membership_rows(memberships: Iterable) -> Iterable[list]:
    """One row per role (pass memberships_with_related(), so no row queries)."""
    for membership in memberships:
        yield [
            *_contact_cells(membership.contact),
            membership.network.name,
            membership.get_role_display(),
            membership.gemeente.name if membership.gemeente_id else "",
            membership.start_date,
            membership.end_date,
        ]


def needs_escape(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def escape_csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    return f"'{text}" if needs_escape(text) else text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """`;`-separated UTF-8 with a byte order mark and CRLF: what Dutch Excel opens without asking."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([escape_csv(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence], *, sheet_title: str = "Lijst") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD-MM-YYYY"
        return cell
    if needs_escape(value):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def write_table(headers: Sequence[str], rows: Iterable[Sequence], fmt: str, *, sheet_title: str = "Lijst") -> bytes:
    if fmt == "csv":
        return write_csv(headers, rows)
    if fmt == "xlsx":
        return write_xlsx(headers, rows, sheet_title=sheet_title)
    raise ValueError(f"Unknown export format: {fmt}")


def export_memberships(memberships: Iterable, fmt: str) -> bytes:
    return write_table(MEMBERSHIP_HEADERS, membership_rows(memberships), fmt, sheet_title="Rollen")


def export_contacts(contacts: Iterable, fmt: str) -> bytes:
    return write_table(CONTACT_HEADERS, contact_rows(contacts), fmt, sheet_title="Contactpersonen")


def export_registry(*, memberships: Iterable, contacts_without_role: Iterable, fmt: str) -> bytes:
    """Roles, plus the contacts without a role as rows without a network, so the whole registry round-trips."""

    def rows():
        yield from membership_rows(memberships)
        for contact in contacts_without_role:
            yield [*_contact_cells(contact), "", "", "", None, None]

    return write_table(MEMBERSHIP_HEADERS, rows(), fmt, sheet_title="Rollen")
