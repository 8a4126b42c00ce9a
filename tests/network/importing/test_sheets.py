"""The sheet and the rows a person would pick (IMPORT.md): variants of the c11, c12 and c25 kinds with other
names and layouts, built in memory."""

import pytest

from network.importing import ImportFileError, ImportOptions, run_import
from network.importing.columns import find_header
from network.models import Contact, Organisation
from tests.factories import ContactFactory
from tests.helpers import csv_bytes
from tests.network.importing.xlsx_files import rows_xml, simple, xlsx

pytestmark = pytest.mark.django_db

LIST = [["Naam", "E-mail", "Organisatie"], ["Ans Kok", "ans@var.example", "Politie"]]
OTHER_LIST = [["Naam", "E-mail"], ["Bo Ek", "bo@var.example"]]
NOTES = [["Lees dit eerst"], ["Vul de lijst in op het volgende tabblad."]]


def do(data: bytes, file_name: str = "lijst.xlsx", **options):
    return run_import(actor=None, file=data, file_name=file_name, options=ImportOptions(**options))


def refused(data: bytes, file_name: str = "lijst.xlsx", **options) -> str:
    with pytest.raises(ImportFileError) as info:
        do(data, file_name, **options)
    return str(info.value)


def names() -> set[str]:
    return {contact.full_name for contact in Contact.objects.all()}


def test_the_active_sheet_is_read_even_when_an_earlier_visible_sheet_holds_a_list():
    data = xlsx([("Oud", rows_xml(OTHER_LIST)), ("Notities", rows_xml(NOTES)), ("Nieuw", rows_xml(LIST))], active=2)

    result = do(data)

    assert names() == {"Ans Kok"}
    assert not [w for w in result.warnings if "werkblad" in w["message"]]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_hidden_sheets_are_never_read_and_the_error_names_them(state):
    data = xlsx([("Invulhulp", rows_xml(LIST), state), ("Uitleg", rows_xml(NOTES))], active=1)

    message = refused(data)

    assert "Werkbladen in het bestand: 'Uitleg' (verborgen, niet gelezen: 'Invulhulp')" in message
    assert "--sheet" in message
    assert not Contact.objects.exists()


def test_a_hidden_active_sheet_falls_back_to_the_first_visible_one():
    data = xlsx([("Lijst", rows_xml(LIST)), ("Geheim", rows_xml(OTHER_LIST), "hidden")], active=1)

    do(data)

    assert names() == {"Ans Kok"}


def test_when_the_active_sheet_holds_no_list_the_next_visible_one_is_read_and_named():
    data = xlsx(
        [("Instructies", rows_xml(NOTES)), ("Keuzes", rows_xml(LIST), "hidden"), ("Blad3", rows_xml(OTHER_LIST))]
    )

    result = do(data)

    assert names() == {"Bo Ek"}
    assert [w["message"] for w in result.warnings] == [
        "Het werkblad 'Instructies' bevat geen lijst; gelezen is het werkblad 'Blad3'."
    ]


def test_a_named_sheet_is_read_and_an_unknown_name_is_refused_naming_the_sheets():
    data = xlsx([("Eerste", rows_xml(LIST)), ("Tweede", rows_xml(OTHER_LIST))])

    assert "bestaat niet" in refused(data, sheet="Derde")
    do(data, sheet="Tweede")

    assert names() == {"Bo Ek"}
    assert "Werkbladen in het bestand: 'Eerste', 'Tweede'." in refused(data, sheet="Derde")


@pytest.mark.parametrize(
    "above",
    [
        [["Persoon", None, "Werk"]],
        [["Deelnemerslijst 2021"], [], ["Contact", None, "Organisatie"]],
        [["Naam en adres", None, None], ["Gegevens", "", "Bedrijf"]],
    ],
    ids=["group-headings", "title-and-groups", "two-heading-rows"],
)
def test_the_header_is_the_row_naming_the_most_known_columns(above):
    rows = [*above, ["Voornaam", "Achternaam", "E-mail", "Organisatie"], ["Ans", "Kok", "ans@var.example", "Politie"]]

    result = do(simple(rows))

    assert result.exit_code == 0
    assert names() == {"Ans Kok"}
    assert not Contact.objects.filter(first_name__in=["Voornaam", "Persoon", "Contact"]).exists()
    assert not Organisation.objects.filter(name__in=["Organisatie", "Werk", "Bedrijf"]).exists()


def test_an_email_column_alone_is_a_header_under_a_title():
    result = do(csv_bytes([["Aanmeldingen symposium"], [], ["E-mailadres"], ["ans@var.example"]]), "a.csv")

    assert result.row_count == 1


def test_the_first_of_equally_good_header_rows_wins_and_only_the_first_20_rows_are_searched():
    assert find_header([["Naam", "E-mail"], ["Naam", "E-mail"]]) == 0
    assert find_header([["titel"]] * 20 + [["Naam", "E-mail"]]) is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Team Zuid"], "Tussenkop overgeslagen: 'Team Zuid'."),
        ([None, None, None, "Afdeling handhaving"], "Tussenkop overgeslagen: 'Afdeling handhaving'."),
        (["TOTAAL", None, 12], "Totaalregel overgeslagen: 'TOTAAL'."),
        (["Subtotaal regio", 4], "Totaalregel overgeslagen: 'Subtotaal regio'."),
        (["Aantal deelnemers: 3"], "Totaalregel overgeslagen: 'Aantal deelnemers: 3'."),
        (["Total", 3], "Totaalregel overgeslagen: 'Total'."),
    ],
)
def test_section_headings_and_totals_rows_are_skipped_with_a_warning(row, message):
    rows = [["Naam", "E-mail", "Organisatie"], row, ["Ans Kok", "ans@var.example", "Politie"]]

    result = do(simple(rows))

    assert result.exit_code == 0
    assert names() == {"Ans Kok"}
    assert {"row": 2, "column": "", "message": message} in result.warnings


def test_people_whose_row_looks_like_a_heading_but_has_an_address_are_imported():
    ContactFactory(first_name="Ans", last_name="Kok", email="ans@var.example")
    rows = [
        ["Naam", "E-mail", "Organisatie"],
        ["Tom Totaal", "tom@var.example", "Politie"],
        [None, "ans@var.example", None],
    ]

    result = do(simple(rows))

    assert result.row_count == 2
    assert names() == {"Tom Totaal", "Ans Kok"}
    assert not [w for w in result.warnings if "overgeslagen" in w["message"]]


def test_a_long_heading_is_quoted_by_a_short_prefix():
    result = do(simple([["Naam", "E-mail", "Organisatie"], ["Regio " + "x" * 5000], LIST[1]]))

    assert len(result.warnings[0]["message"]) < 100


def test_a_sheet_written_with_namespace_prefixes_is_read():
    rows = rows_xml(LIST).replace("<row", "<x:row").replace("</row>", "</x:row>").replace("<c ", "<x:c ")
    rows = rows.replace("</c>", "</x:c>").replace("<is>", "<x:is>").replace("</is>", "</x:is>")
    rows = rows.replace("<t xml:space", "<x:t xml:space").replace("</t>", "</x:t>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<?xml version="1.0"?><x:worksheet xmlns:x="{main}"><x:sheetData>{rows}</x:sheetData></x:worksheet>'

    do(xlsx([("Lijst", sheet)]))

    assert names() == {"Ans Kok"}


def test_a_csv_has_no_sheets_so_a_named_sheet_is_ignored():
    result = do(csv_bytes(LIST), "lijst.csv", sheet="Blad1")

    assert result.row_count == 1
