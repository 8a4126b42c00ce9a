"""Export with formula escaping, export → import round trips, and undo restoring the registry exactly."""

import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from network import selectors, services
from network.choices import ImportStatus
from network.exceptions import ConflictError
from network.exporting import MEMBERSHIP_HEADERS, export_memberships, write_csv, write_xlsx
from network.models import Contact, Membership, Organisation
from tests.factories import ContactFactory, MembershipFactory
from tests.helpers import csv_bytes

D = datetime.date
DANGEROUS = ["=1+2", "@SUM(A1:A3)", "+31 10 123 4567", "-2", "\tTAB", "gewoon"]


def test_xlsx_export_writes_formula_like_values_as_text_cells():
    data = write_xlsx(["Opmerkingen"], [[value] for value in DANGEROUS])

    sheet = load_workbook(io.BytesIO(data)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == DANGEROUS
    assert all(cell.data_type == "s" for cell in cells), "a string cell is shown as text and never run"
    assert all(cell.quotePrefix for cell in cells[:5])


def test_csv_export_prefixes_formula_like_values_with_an_apostrophe():
    text = write_csv(["Opmerkingen"], [[value] for value in DANGEROUS]).decode("utf-8-sig")

    assert text.split("\r\n")[1:-1] == ["'=1+2", "'@SUM(A1:A3)", "'+31 10 123 4567", "'-2", "'\tTAB", "gewoon"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_importing_an_export_gives_back_the_original_values(do_import, afm, schiedam, fmt, registry_dump):
    contact = ContactFactory(
        tussenvoegsel="van der",
        first_name="=1+2",
        last_name="@SUM(A1)",
        phone="+31 10 123 4567",
        mobile="-2",
        notes="=HYPERLINK(x)",
    )
    MembershipFactory(contact=contact, network=afm, gemeente=schiedam, verified_on=D(2021, 3, 1))
    MembershipFactory(
        contact=ContactFactory(last_name="van Dijk", email="", organisation=None),
        network=afm,
        gemeente=None,
        verified_on=D(2021, 3, 1),
    )
    before = registry_dump()
    data = export_memberships(selectors.memberships_for_export(on=D(2021, 3, 1), network=afm), fmt)

    result = do_import(data, file_name=f"export.{fmt}", as_of=D(2021, 3, 1))

    assert result.exit_code == 0, result.summary
    assert result.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 2}
    assert result.summary["memberships"] == {"new": 0, "unchanged": 2, "ended": 0}
    assert result.summary["ignored_columns"] == []
    assert registry_dump() == before


def test_export_contacts_command_honours_network_and_date(afm, hackshield, schiedam, tmp_path):
    MembershipFactory(contact__last_name="Actief", network=afm, gemeente=schiedam)
    MembershipFactory(contact__last_name="Anders", network=hackshield, gemeente=schiedam)
    MembershipFactory(contact__last_name="Gestopt", network=afm, gemeente=schiedam, end_date=D(2021, 1, 31))
    output = tmp_path / "afm.xlsx"

    call_command("export_contacts", "--network", afm.slug, "--date", "2021-03-01", "--output", str(output))

    rows = list(load_workbook(output).active.iter_rows(values_only=True))
    assert list(rows[0]) == MEMBERSHIP_HEADERS
    assert [row[2] for row in rows[1:]] == ["Actief"]


def test_undo_restores_the_database_exactly(do_import, afm, actor, registry_dump):
    known = ContactFactory(
        first_name="Anouk", last_name="Verbeek", email="anouk.verbeek@schiedam.example", phone="", job_title="oud"
    )
    verified = MembershipFactory(contact=known, network=afm, gemeente__code="GM0606", verified_on=D(2020, 5, 1))
    ending = MembershipFactory(network=afm, contact__email="weg@var.example")
    before = registry_dump()

    result = do_import("afm_titel.xlsx", network=afm, sync=True)
    assert result.summary["contacts"] == {"new": 4, "updated": 1, "unchanged": 0}
    assert result.summary["memberships"] == {"new": 4, "unchanged": 1, "ended": 1}
    assert registry_dump() != before

    services.import_undo(actor=actor, batch=result.batch)

    assert registry_dump() == before
    result.batch.refresh_from_db()
    assert (result.batch.status, result.batch.undone_by) == (ImportStatus.UNDONE, actor)
    verified.refresh_from_db()
    ending.refresh_from_db()
    assert (verified.verified_on, ending.end_date, ending.ended_by_batch) == (D(2020, 5, 1), None, None)
    assert known.history.first().history_change_reason == f"Import #{result.batch.pk} teruggedraaid"


def test_undo_removes_organisations_the_import_created(do_import, registry_dump):
    before = registry_dump()
    result = do_import(
        csv_bytes([["Naam", "E-mail", "Organisatie"], ["Ans Kok", "a@x.example", "Nieuwe Stichting"]]),
        file_name="a.csv",
    )
    assert Organisation.objects.filter(name="Nieuwe Stichting").exists()

    services.import_undo(actor=None, batch=result.batch)

    assert registry_dump() == before


def test_undo_keeps_a_created_contact_that_got_another_role(do_import, afm, hackshield, schiedam):
    result = do_import(csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]), file_name="a.csv", network=afm)
    ans = Contact.objects.get()
    MembershipFactory(contact=ans, network=hackshield, gemeente=schiedam)

    services.import_undo(actor=None, batch=result.batch)

    assert Contact.objects.filter(pk=ans.pk).exists()
    assert list(Membership.objects.values_list("network", flat=True)) == [hackshield.pk]


def test_undo_of_a_batch_a_later_batch_built_on_is_refused(do_import, afm):
    first = do_import(csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]), file_name="a.csv", network=afm)
    later = do_import(csv_bytes([["E-mail", "Functie"], ["ans@var.example", "AOV"]]), file_name="b.csv")

    with pytest.raises(ConflictError) as info:
        services.import_undo(actor=None, batch=first.batch)

    assert f"de latere import #{later.batch.pk} (b.csv) bouwt erop voort" in info.value.messages[0]
    services.import_undo(actor=None, batch=later.batch)
    services.import_undo(actor=None, batch=first.batch)
    assert Contact.objects.count() == 0


def test_undo_import_command(do_import, afm, capsys):
    result = do_import(csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]), file_name="a.csv", network=afm)

    call_command("undo_import", str(result.batch.pk))

    assert "is teruggedraaid" in capsys.readouterr().out
    assert Contact.objects.count() == 0
    with pytest.raises(SystemExit) as again:
        call_command("undo_import", str(result.batch.pk))
    assert again.value.code == 1
    assert capsys.readouterr().err.strip() == f"Import #{result.batch.pk} is al teruggedraaid."


def test_undo_writes_a_history_row_for_every_row_it_deletes_or_restores(do_import, afm, actor):
    known = ContactFactory(first_name="Anouk", last_name="Verbeek", email="anouk.verbeek@schiedam.example")
    result = do_import(
        csv_bytes(
            [["Naam", "E-mail", "Functie"], ["Anouk Verbeek", known.email, "AOV"], ["Ans Kok", "a@x.example", ""]]
        ),
        file_name="a.csv",
        network=afm,
    )
    reason = f"Import #{result.batch.pk} teruggedraaid"

    services.import_undo(actor=actor, batch=result.batch)

    deleted_roles = Membership.history.filter(history_type="-", history_change_reason=reason)
    assert deleted_roles.count() == 2 and {r.history_user for r in deleted_roles} == {actor}
    deleted = Contact.history.get(history_type="-", history_change_reason=reason)
    assert (deleted.email, deleted.history_user) == ("a@x.example", actor)
    restored = known.history.first()
    assert (restored.history_type, restored.history_change_reason, restored.job_title) == ("~", reason, "")


def test_undo_is_refused_when_a_row_the_import_changed_was_changed_again(do_import, afm, actor):
    known = ContactFactory(first_name="Anouk", last_name="Verbeek", email="anouk.verbeek@schiedam.example")
    result = do_import(
        csv_bytes([["Naam", "E-mail", "Functie"], ["Anouk Verbeek", known.email, "AOV"]]), file_name="a.csv"
    )
    services.contact_update(actor=actor, contact=Contact.objects.get(pk=known.pk), job_title="Teamleider")

    with pytest.raises(ConflictError, match="contactpersoon 'Anouk Verbeek' is na de import nog gewijzigd"):
        services.import_undo(actor=actor, batch=result.batch)

    assert Contact.objects.get(pk=known.pk).job_title == "Teamleider"
