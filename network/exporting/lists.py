"""The registry's contact and role lists, with the headers the importer reads, so export → import changes nothing."""

from collections.abc import Iterable

from ..choices import Role
from .writers import write_table

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
    "Aanhef",
]
MEMBERSHIP_HEADERS = [*CONTACT_HEADERS, "Netwerk", "Rol", "Gemeente", "Startdatum", "Einddatum"]


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
        contact.titles,
    ]


def contact_rows(contacts: Iterable) -> Iterable[list]:
    """One row per contact (pass contacts with their organisation selected)."""
    for contact in contacts:
        yield _contact_cells(contact)


def membership_rows(memberships: Iterable) -> Iterable[list]:
    """One row per role (pass memberships_with_related(), so no row queries)."""
    # The role labels translated once, not per row (get_role_display hashes every lazy label on each call).
    role_labels = {value: str(label) for value, label in Role.choices}
    for membership in memberships:
        yield [
            *_contact_cells(membership.contact),
            membership.network.name,
            role_labels.get(membership.role, membership.role),
            membership.gemeente.name if membership.gemeente_id else "",
            membership.start_date,
            membership.end_date,
        ]


def export_memberships(memberships: Iterable, fmt: str) -> bytes:
    return write_table(MEMBERSHIP_HEADERS, membership_rows(memberships), fmt, sheet_title="Rollen")


def export_contacts(contacts: Iterable, fmt: str) -> bytes:
    return write_table(CONTACT_HEADERS, contact_rows(contacts), fmt, sheet_title="Contactpersonen")


def export_contact_list(contacts: Iterable, roles: dict, fmt: str, *, on) -> bytes:
    """The web contact list: the contact columns plus the roles each held on `on` ("Rol Netwerk (Gemeente)").

    `roles` maps a contact id to its memberships on that date (network and gemeente loaded); the contact
    columns are CONTACT_HEADERS, so the file imports again (the roles column is not an import column).
    """

    role_labels = {value: str(label) for value, label in Role.choices}

    def rows():
        for contact in contacts:
            held = roles.get(contact.pk, [])
            text = "; ".join(
                f"{role_labels.get(m.role, m.role)} {m.network.name}"
                + (f" ({m.gemeente.name})" if m.gemeente_id else "")
                for m in held
            )
            yield [*_contact_cells(contact), text]

    headers = [*CONTACT_HEADERS, f"Rollen op {on:%d-%m-%Y}"]
    return write_table(headers, rows(), fmt, sheet_title="Contactpersonen")


# One fictitious example row for the import template (reserved .example domain, no real person).
TEMPLATE_EXAMPLE = [
    "Jan",
    "van der",
    "Berg",
    "j.vanderberg@gemeente.example",
    "010 123 4567",
    "06 12345678",
    "Gemeente Schiedam",
    "Beleidsadviseur veiligheid",
    "Voorbeeldrij: vervang of verwijder deze",
    "Aandachtsfunctionarissen mensenhandel",
    "Aandachtsfunctionaris",
    "Schiedam",
    "01-03-2021",
    "",
]


def import_template_xlsx() -> bytes:
    """An empty contact list with every column the importer reads (docs/importeren.md) and one example row."""
    return write_table(MEMBERSHIP_HEADERS, [TEMPLATE_EXAMPLE], "xlsx", sheet_title="Contactlijst")


def export_registry(*, memberships: Iterable, contacts_without_role: Iterable, fmt: str) -> bytes:
    """Roles, plus the contacts without a role as rows without a network, so the whole registry round-trips."""

    def rows():
        yield from membership_rows(memberships)
        for contact in contacts_without_role:
            yield [*_contact_cells(contact), "", "", "", None, None]

    return write_table(MEMBERSHIP_HEADERS, rows(), fmt, sheet_title="Rollen")
