"""Every header synonym of IMPORT.md, spelled as users spell it."""

import pytest

from network.importing.columns import SYNONYMS, find_header, header_key, map_columns
from tests.helpers import csv_bytes

ALL_SYNONYMS = [(name, header) for name, headers in SYNONYMS.items() for header in headers]


@pytest.mark.parametrize(("field", "header"), ALL_SYNONYMS)
def test_every_synonym_maps_to_its_field(field, header):
    other = "Organisatie" if field != "organisation" else "E-mail"
    cmap = map_columns([header, other], 0)

    expected = "full_name" if header == "Naam" else field
    assert cmap.columns[expected] == 0


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("E-MAILADRES", "email"),
        ("e_mail adres", "email"),
        ("Telefoon-nummer", "phone"),
        ("Tel.", "phone"),
        ("  Functie  ", "job_title"),
        ("Organisátie", "organisation"),
        ("namens.gemeente", "gemeente"),
        ("E-mail 1 - Value", "email"),
        ("ORGANIZATION_1_NAME", "organisation"),
    ],
)
def test_headers_ignore_case_spaces_dashes_underscores_dots_and_accents(header, field):
    assert map_columns([header, "Voornaam"], 0).columns[field] == 0


def test_naam_is_the_last_name_next_to_a_first_name_column_and_the_full_name_alone():
    assert map_columns(["Voornaam", "Naam"], 0).columns == {"first_name": 0, "last_name": 1}
    assert map_columns(["Naam", "E-mail"], 0).columns == {"full_name": 0, "email": 1}


def test_header_row_is_the_first_row_naming_two_known_columns():
    table = [["Contactlijst HackShield", "", ""], ["", "", ""], ["Naam", "", ""], ["Naam", "E-mail", "Hobby"], ["x"]]

    assert find_header(table) == 3


def test_unknown_columns_are_ignored_and_reported_not_errors(do_import):
    result = do_import(
        csv_bytes([["Naam", "E-mail", "Schoenmaat"], ["Ans Kok", "ans@var.example", "38"]]), file_name="a.csv"
    )

    assert result.exit_code == 0
    assert result.summary["ignored_columns"] == ["Schoenmaat"]


def test_header_key_folds_what_users_vary():
    assert header_key("E-mail Address") == header_key("email_address") == header_key("E.MAIL ADDRESS")
