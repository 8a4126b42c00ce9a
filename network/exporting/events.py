"""Events to spreadsheets: the invitees of a selection, an event's attendees and the year in figures."""

from collections.abc import Iterable

from .lists import CONTACT_HEADERS, contact_rows
from .writers import write_table, write_workbook

ATTENDEE_HEADERS = ["Naam", "E-mailadres", "Organisatie", "Gemeente", "Status", "Rol", "Minuten", "Bron"]


def export_invitees(contacts: Iterable, fmt: str) -> bytes:
    """The invitees (contacts) as "xlsx" or "csv", with the contact list's columns."""
    return write_table(CONTACT_HEADERS, contact_rows(contacts), fmt, sheet_title="Uitnodigen")


def export_attendees(attendees: Iterable, fmt: str) -> bytes:
    """An event's attendees (from selectors.attendee_list) as "xlsx" or "csv"."""
    rows = (
        [
            a.contact.full_name,
            a.contact.email,
            str(a.organisation or ""),
            str(a.gemeente or ""),
            a.get_status_display(),
            a.get_role_display(),
            a.minutes,
            a.source,
        ]
        for a in attendees
    )
    return write_table(ATTENDEE_HEADERS, rows, fmt, sheet_title="Deelnemers")


def export_year_report(report: dict) -> bytes:
    """The year in figures (selectors.year_report) as an .xlsx with one sheet per part."""
    events = report["events"]
    gemeenten = report["gemeenten"]
    totals = [
        ("Evenementen", events["total"]),
        *((f"Evenementen {status}", count) for status, count in events["by_status"].items()),
        ("Aanwezigen (totaal)", report["attendance"]["attended"]),
        ("Anoniem publiek (kijkers)", report["attendance"]["anonymous_audience"]),
        ("Unieke personen bereikt", report["people_reached"]),
        ("Unieke organisaties bereikt", report["organisations_reached"]),
        ("Gemeenten bereikt", gemeenten["reached_count"]),
        ("Gemeenten nog niet bereikt", gemeenten["not_reached_count"]),
        ("Contactmomenten vastgelegd", report["outreach"]["total"]),
    ]
    kinds = [
        [row["label"], row["total"], row["gehouden"], row["geannuleerd"], row["verplaatst"], row["gepland"],
         row["attended"], row["anonymous_audience"]]
        for row in events["by_kind"]
    ]  # fmt: skip
    event_rows = [
        [e["date"], e["title"], e["kind"], e["format"], e["status"], e["counts"]["attended"], e["anonymous_audience"]]
        for e in events["list"]
    ]
    return write_workbook(
        [
            (f"Jaaroverzicht {report['year']}", ["Onderdeel", "Aantal"], totals),
            (
                "Per soort",
                ["Soort", "Totaal", "Gehouden", "Geannuleerd", "Verplaatst", "Gepland", "Aanwezigen", "Anoniem"],
                kinds,
            ),
            ("Evenementen", ["Datum", "Titel", "Soort", "Vorm", "Status", "Aanwezigen", "Anoniem publiek"], event_rows),
            (
                "Gemeenten",
                ["CBS-code", "Bereikt"],
                [[code, "ja"] for code in gemeenten["reached"]] + [[code, "nee"] for code in gemeenten["not_reached"]],
            ),
            (
                "Netwerken",
                ["Netwerk", "Leden 1 januari", "Leden 31 december", "Erbij", "Vertrokken"],
                [[n["name"], n["members_start"], n["members_end"], n["joined"], n["left"]] for n in report["networks"]],
            ),
            (
                "Programma's",
                ["Programma", "Deelnemende gemeenten 1 januari", "Deelnemende gemeenten 31 december"],
                [[p["name"], p["participating_start"], p["participating_end"]] for p in report["programmes"]],
            ),
        ]
    )
