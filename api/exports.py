"""The coverage of one network as a spreadsheet table: one row per gemeente, as the JSON has it."""

from collections.abc import Iterable

from network.selectors import Coverage

COVERAGE_HEADERS = [
    "CBS-code",
    "Gemeente",
    "Veiligheidsregio",
    "Status",
    "Contactpersonen",
    "E-mail",
    "Laatste contactmoment",
    "Door",
    "Uitkomst",
    "Volgende vervolgactie",
    "Aanknopingspunten (voorgangers)",
]


def _names(memberships) -> str:
    return ", ".join(m.contact.full_name for m in memberships)


def coverage_rows(coverage: Coverage) -> Iterable[list]:
    for row in coverage.rows:
        outreach = row.last_outreach
        yield [
            row.gemeente.code,
            row.gemeente.name,
            row.gemeente.region.code,
            str(row.status_label),
            _names(row.memberships),
            ", ".join(m.contact.email for m in row.memberships if m.contact.email),
            outreach.date if outreach else None,
            str(outreach.user) if outreach and outreach.user_id else "",
            outreach.outcome if outreach else "",
            row.next_follow_up,
            ", ".join(f"{m.contact.full_name} ({m.gemeente.name})" for m in row.leads),
        ]
