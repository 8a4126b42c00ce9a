"""The real-world fault files of import-cases/ (copied from ../shared/data/import-cases, see its README):
each file's outcome as a kernteam member expects it, through the command as the README runs it."""

import io
import json
import time

import pytest
from django.core.management import call_command

from network.models import Contact, ImportBatch, Organisation
from tests.factories import ContactFactory
from tests.helpers import data_file

NETWORK = "regionale-werkgroep-cybercrime"


def case(name: str):
    return data_file(f"import-cases/{name}")


def run_case(name: str, *extra) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(
            "import_contacts", str(case(name)), "--network", NETWORK, "--as-of", "2021-06-01", "--json", *extra,
            stdout=out, stderr=err,
        )  # fmt: skip
    except SystemExit as exc:
        code = exc.code
    return code, json.loads(out.getvalue()), err.getvalue()


def names() -> set[str]:
    return {contact.full_name for contact in Contact.objects.all()}


@pytest.mark.django_db
def test_c02b_a_space_in_the_last_row_of_the_sheet_adds_no_rows():
    code, summary, err = run_case("c02b_stray_space_last_row.xlsx")

    assert code == 0, err
    assert summary["rows"] == 2
    assert summary["contacts"]["new"] == 2
    assert {"Gijs Peeters", "Hanna van Rijn"} <= names()


@pytest.mark.django_db
def test_c02e_a_space_in_the_sheets_last_cell_imports_in_well_under_a_second():
    started = time.perf_counter()
    code, summary, err = run_case("c02e_stray_space_XFD1048576.xlsx")

    assert time.perf_counter() - started < 1
    assert code == 0, err
    assert summary["rows"] == 1
    assert "Hanna van Rijn" in names()


@pytest.mark.django_db
def test_c02g_2000_rows_beside_a_stray_cell_in_column_xfd_all_import():
    code, summary, err = run_case("c02g_2000_rows_stray_XFD1.xlsx")

    assert code == 0, err
    assert summary["rows"] == 2000
    assert summary["contacts"]["new"] == 2000
    assert summary["ignored_columns"] == ["x"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["c11_two_row_header.xlsx", "c11b_two_row_header_no_netwerk.xlsx"])
def test_c11_the_row_under_merged_group_headings_is_the_header(name):
    code, summary, err = run_case(name)

    assert code == 0, err
    assert summary["contacts"]["new"] == 2
    assert names() >= {"Bas Willems", "Cato ter Horst"}
    assert not Contact.objects.filter(first_name="Voornaam").exists()
    assert not Organisation.objects.filter(name="Organisatie").exists()


@pytest.mark.django_db
def test_c12a_the_active_sheet_is_read_never_the_hidden_first_one():
    code, summary, err = run_case("c12a_hidden_first_sheet.xlsx")

    assert code == 0, err
    assert summary["contacts"]["new"] == 1
    assert "Daan Claes" in names()
    assert summary["warnings"] == [] or all("werkblad" not in w["message"] for w in summary["warnings"])


@pytest.mark.django_db
def test_c12b_the_list_on_the_second_sheet_is_found_and_the_answer_says_so():
    code, summary, err = run_case("c12b_instructions_first_sheet.xlsx")

    assert code == 0, err
    assert "Eva Lambrechts" in names()
    assert {"row": None, "column": "", "message": (
        "Het werkblad 'Toelichting' bevat geen lijst; gelezen is het werkblad 'Deelnemers'."
    )} in summary["warnings"]  # fmt: skip


@pytest.mark.django_db
def test_c12b_a_named_sheet_without_a_list_is_refused_naming_the_sheets_and_the_option():
    code, summary, _ = run_case("c12b_instructions_first_sheet.xlsx", "--sheet", "Toelichting")

    assert code == 2
    assert "'Toelichting', 'Deelnemers'" in summary["error"]
    assert "--sheet" in summary["error"]


@pytest.mark.django_db
def test_c21a_formulas_without_a_stored_value_are_row_errors_naming_the_cells():
    code, summary, _ = run_case("c21a_formulas_no_cache.xlsx")

    assert code == 1
    assert not Contact.objects.filter(last_name__in=["Wouters", "Peters"]).exists()
    assert not ImportBatch.objects.exists()
    messages = {(error["row"], error["column"], error["message"].split(" bevat")[0]) for error in summary["errors"]}
    assert messages == {
        (2, "E-mail", "Cel C2"), (2, "Organisatie", "Cel D2"), (3, "E-mail", "Cel C3"), (3, "Organisatie", "Cel D3"),
    }  # fmt: skip
    assert "formule zonder berekende waarde" in summary["errors"][0]["message"]


@pytest.mark.django_db
def test_c25_section_headings_and_the_totals_row_are_skipped_and_listed():
    code, summary, err = run_case("c25_section_rows_and_total.xlsx")

    assert code == 0, err
    assert summary["rows"] == 2
    assert names() >= {"Lars Wijn", "Maud Schot"}
    assert not Contact.objects.filter(last_name__in=["Rotterdam-Rijnmond", "Zuid", "deelnemers"]).exists()
    skipped = [(w["row"], w["message"]) for w in summary["warnings"] if "overgeslagen" in w["message"]]
    assert skipped == [
        (2, "Tussenkop overgeslagen: 'Regio Rotterdam-Rijnmond'."),
        (4, "Tussenkop overgeslagen: 'Regio Zuid-Holland Zuid'."),
        (6, "Totaalregel overgeslagen: 'Totaal: 2 deelnemers'."),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "emails", "remark"), [
    ("c29a_email_only.csv", ["yvo.brand@example.nl", "zara.veen@example.nl"], None),
    ("c29b_email_plus_opmerking.csv", ["yvo.brand@example.nl"], "nieuw"),
])  # fmt: skip
def test_c29_a_list_with_only_an_email_column_is_a_list_and_its_addresses_find_the_people(name, emails, remark):
    for email in emails:
        ContactFactory(email=email, notes="")

    code, summary, err = run_case(name)

    assert code == 0, err
    # The remark column ("Opmerking", a synonym of Opmerkingen) is read as the person's notes: that is the change.
    updated = 1 if remark else 0
    assert summary["contacts"] == {"new": 0, "updated": updated, "unchanged": len(emails) - updated}
    assert summary["memberships"]["new"] == len(emails)
    if remark:
        assert Contact.objects.get(email=emails[0]).notes == remark


@pytest.mark.django_db
def test_c29_an_address_nobody_has_yet_is_a_new_person_with_a_warning_not_a_refusal_of_the_file():
    # An address identifies a person (import-cases README): the new person is kept without a name, and the
    # list says so per row.
    code, summary, err = run_case("c29a_email_only.csv")

    assert code == 0, err
    assert summary["errors"] == []
    assert summary["contacts"] == {"new": 2, "updated": 0, "unchanged": 0}
    assert {(w["row"], w["message"]) for w in summary["warnings"]} >= {
        (2, "Alleen een e-mailadres: de naam ontbreekt nog; vul die later aan."),
        (3, "Alleen een e-mailadres: de naam ontbreekt nog; vul die later aan."),
    }
    assert set(Contact.objects.filter(last_name="").values_list("email", flat=True)) == {
        "yvo.brand@example.nl",
        "zara.veen@example.nl",
    }
