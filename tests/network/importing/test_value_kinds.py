"""Kinds of values QA found stored wrong or refused: titles written together, a roepnaam in brackets, a cell of
titles alone, a tussenvoegsel repeated in the last name, e-mail cells in any separator or bracket, foreign phone
numbers, and headers that name a known field in other words."""

import datetime
import io

import pytest
from openpyxl import Workbook

from network.importing import ImportOptions, run_import
from network.importing.columns import find_header, keyword_field, map_columns
from network.importing.contact_values import parse_email, parse_phone
from network.models import Contact
from network.names import name_key, normalise_initials, split_filing_last_name, split_name, split_titles

pytestmark = pytest.mark.django_db


def xlsx_bytes(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def utf8_csv(rows: list[list], delimiter: str = ",") -> bytes:
    """A comma-separated UTF-8 list; a cell with the delimiter, a quote or a new line is quoted as Excel does."""

    def quoted(value: str) -> str:
        if any(char in value for char in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "\r\n".join(delimiter.join(quoted(value) for value in row) for row in rows).encode("utf-8") + b"\r\n"


def do_run(actor, data: bytes, file_name: str):
    options = ImportOptions(as_of=datetime.date(2021, 6, 1))
    return run_import(actor=actor, file=data, file_name=file_name, options=options)


# --- names


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("mr.drs. C.J. de Wit", ("mr. drs.", "C.J. de Wit")),
        ("Prof.dr. K. van der Berg", ("Prof. dr.", "K. van der Berg")),
        ("dr.ir. A. Smit", ("dr. ir.", "A. Smit")),
        ("Mr.dr.J.P. de Vries", ("Mr. dr.", "J.P. de Vries")),
        ("P. van Dam ing.MSc", ("ing. MSc", "P. van Dam")),
        ("Dhr. drs.ing. Jan Smit", ("Dhr. drs. ing.", "Jan Smit")),
    ],
)
def test_titles_written_together_are_taken_apart(cell, expected):
    assert split_titles(cell) == expected


@pytest.mark.parametrize(
    ("cell", "titles"),
    [
        ("Wethouder", "Wethouder"),
        ("Burgemeester", "Burgemeester"),
        ("Dhr. Mr.", "Dhr. Mr."),
        ("Mevrouw", "Mevrouw"),
        ("Wethouder MBA", "Wethouder MBA"),
        ("mr.drs.", "mr. drs."),
    ],
)
def test_a_cell_of_titles_alone_has_no_name(cell, titles):
    assert split_titles(cell) == (titles, "")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Heer", ("", "Heer")),
        ("de Heer", ("", "de Heer")),
        ("Mr", ("", "Mr")),
        ("Mr. J. Mr", ("Mr.", "J. Mr")),
        ("Ing", ("", "Ing")),
        ("Bas Ing", ("", "Bas Ing")),
        ("Ma", ("", "Ma")),
        ("Li Ma", ("", "Li Ma")),
        ("Dr.Ma", ("Dr.", "Ma")),
    ],
)
def test_surnames_that_look_like_titles_stay_the_name(cell, expected):
    assert split_titles(cell) == expected


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("T. (Tom) Hendriks", ("Tom", "", "Hendriks")),
        ("J.W. (Hans-Peter) de Vries", ("Hans-Peter", "de", "Vries")),
        ("Hendriks, T. (Tom)", ("Tom", "", "Hendriks")),
        ("(Tom) Hendriks", ("Tom", "", "Hendriks")),
        ("Jan Jansen (Noord)", ("Jan", "", "Jansen")),
        ("Jan Jansen (AOV)", ("Jan", "", "Jansen")),
        ("Jan (secr.) Jansen", ("Jan", "", "Jansen")),
    ],
)
def test_a_bracketed_part_is_never_the_last_name_and_a_roepnaam_is_the_first_name(full_name, expected):
    assert tuple(split_name(full_name)) == expected


def test_a_roepnaam_in_a_first_name_cell_is_the_first_name_and_matches_it():
    assert normalise_initials("T. (Tom)") == "Tom"
    assert name_key("T. (Tom)", "", "Hendriks") == name_key("Tom", "", "Hendriks")


@pytest.mark.parametrize(
    ("last_name", "tussenvoegsel", "expected"),
    [
        ("Vries de", "de", ("de", "Vries")),
        ("Vries, de", "de", ("de", "Vries")),
        ("Berg, van der", "van der", ("van der", "Berg")),
        ("Berg,van der", "van der", ("van der", "Berg")),
        ("Berg, Van Der", "van der", ("van der", "Berg")),
        ("Hoek, van ’t", "van 't", ("van 't", "Hoek")),
        ("de Vries", "de", ("de", "Vries")),
        ("Vries", "de", ("de", "Vries")),
        ("Berg, van den", "van der", ("van der", "Berg, van den")),  # another particle: left for the user to see
        ("Groot-van Dam", "de", ("de", "Groot-van Dam")),
    ],
)
def test_a_last_name_that_repeats_its_tussenvoegsel_column_loses_the_repetition(last_name, tussenvoegsel, expected):
    assert split_filing_last_name(last_name, tussenvoegsel) == expected


def test_a_tussenvoegsel_column_next_to_a_last_name_in_filing_form_is_one_name(actor):
    data = xlsx_bytes(
        [
            ["Voornaam", "Tussenv.", "Achternaam", "E-mail"],
            ["Kees", "de", "Vries de", "kees@var.example"],
            ["Eva", "van der", "Berg, van der", "eva@var.example"],
            ["Jan", "van den", "Berg, van den", "jan@var.example"],
        ]
    )

    result = do_run(actor, data, "lijst.xlsx")

    assert result.exit_code == 0, result.summary
    stored = {c.email: (c.tussenvoegsel, c.last_name, c.full_name) for c in Contact.objects.all()}
    assert stored == {
        "kees@var.example": ("de", "Vries", "Kees de Vries"),
        "eva@var.example": ("van der", "Berg", "Eva van der Berg"),
        "jan@var.example": ("van den", "Berg", "Jan van den Berg"),
    }


def test_names_with_titles_together_a_roepnaam_and_a_vacancy_are_stored_apart(actor):
    rows = [
        ["Naam", "E-mail"],
        ["mr.drs. C.J. de Wit", "wit@example.nl"],
        ["Dhr. Mr. T. (Tom) Hendriks RA", "tom@example.nl"],
        ["Wethouder", "vacature@example.nl"],
        ["Mr. J. Mr", "mr@example.nl"],
        ["Kees de Heer", "heer@example.nl"],
    ]

    result = do_run(actor, xlsx_bytes(rows), "namen.xlsx")

    assert result.exit_code == 0, result.summary
    stored = {
        c.email: (c.titles, c.first_name, c.tussenvoegsel, c.last_name)
        for c in Contact.objects.filter(email__endswith="@example.nl")
    }
    assert stored == {
        "wit@example.nl": ("mr. drs.", "C.J.", "de", "Wit"),
        "tom@example.nl": ("Dhr. Mr. RA", "Tom", "", "Hendriks"),
        "vacature@example.nl": ("Wethouder", "", "", ""),
        "mr@example.nl": ("Mr.", "J.", "", "Mr"),
        "heer@example.nl": ("", "Kees", "de", "Heer"),
    }


# --- e-mail


@pytest.mark.parametrize(
    ("cell", "address", "named"),
    [
        ("e6a@example.nl\ne6b@example.nl", "e6a@example.nl", "e6b@example.nl"),
        ("e23@example.nl\te23b@example.nl", "e23@example.nl", "e23b@example.nl"),
        ("e13a@example.nl / e13b@example.nl", "e13a@example.nl", "e13b@example.nl"),
        ("a@example.nl b@example.nl", "a@example.nl", "b@example.nl"),
        ("a@example.nl/b@example.nl", "a@example.nl", "b@example.nl"),
        ("Smit, Anna <e21@example.nl>", "e21@example.nl", "Smit, Anna"),
        ("Eva Bos (e10@example.nl)", "e10@example.nl", "Eva Bos"),
        ("'e19@example.nl'", "e19@example.nl", "'e19@example.nl'"),
        ("Jan [jan@example.nl]", "jan@example.nl", "Jan"),
        ("MAILTO:Jan@Example.nl", "jan@example.nl", ""),
        ("n.v.t.; jan@example.nl", "jan@example.nl", ""),
    ],
)
def test_the_first_address_is_found_whatever_separates_brackets_or_quotes_it(cell, address, named):
    found, warning, error = parse_email(cell)

    assert (found, error) == (address, "")
    assert named in warning


@pytest.mark.parametrize("cell", ["n.v.t.", "jan@", "Anna <anna@@example>", "geen, zie opmerking", "@"])
def test_a_cell_without_a_valid_address_is_an_error(cell):
    assert parse_email(cell) == ("", "", "Dit is geen geldig e-mailadres.")


def test_a_warning_quotes_only_a_short_prefix_of_a_long_cell():
    cell = "Afdeling " + "x" * 500 + " <team@example.nl>"

    address, warning, _ = parse_email(cell)

    assert address == "team@example.nl"
    assert len(warning) < 200


def test_e_mail_cells_with_several_addresses_or_a_display_name_import_with_warnings(actor):
    rows = [
        ["Voornaam", "Achternaam", "E-mail"],
        ["Anna", "Smit", "Smit, Anna <anna@example.nl>"],
        ["Eva", "Bos", "Eva Bos (eva@example.nl)"],
        ["Piet", "Kok", "piet@example.nl\npiet.kok@example.org"],
        ["Cor", "Dam", "'cor@example.nl'"],
    ]

    result = do_run(actor, utf8_csv(rows), "mail.csv")

    assert result.exit_code == 0, result.summary
    assert set(Contact.objects.values_list("email", flat=True)) >= {
        "anna@example.nl",
        "eva@example.nl",
        "piet@example.nl",
        "cor@example.nl",
    }
    messages = [w["message"] for w in result.summary["warnings"] if w["column"] == "E-mail"]
    assert len(messages) == 4
    assert any("piet.kok@example.org" in message for message in messages)


def test_garbage_in_an_e_mail_cell_stays_a_row_error(actor):
    rows = [["Voornaam", "Achternaam", "E-mail"], ["Anna", "Smit", "zie bijlage"]]

    result = do_run(actor, utf8_csv(rows), "mail.csv")

    assert result.exit_code == 1
    [error] = result.summary["errors"]
    assert (error["row"], error["column"], error["message"]) == (2, "E-mail", "Dit is geen geldig e-mailadres.")


# --- phones


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("+32 2 123 45 67", "+32 2 123 45 67"),
        ("0032 2 123 45 67", "+32 2 123 45 67"),
        ("+32 (0)2 123 45 67", "+32 2 123 45 67"),
        ("+49 30 1234567", "+49 30 1234567"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+32 470 12 34 56", "+32 470 12 34 56"),
        ("010-1234567", "010 123 4567"),
        ("+31 6 12345678", "06 12345678"),
    ],
)
def test_foreign_numbers_are_accepted_in_international_notation_and_dutch_ones_in_national(cell, stored):
    assert parse_phone(cell) == (stored, "", "")


@pytest.mark.parametrize("cell", ["+32 2 12", "+999 1234567", "+31 10 123"])
def test_a_number_no_country_has_is_kept_with_a_warning(cell):
    stored, warning, error = parse_phone(cell)

    assert (stored, error) == (cell, "")
    assert "geen geldig telefoonnummer" in warning


# --- headers


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Telefoonnr.", "phone"),
        ("Tel. nr.", "phone"),
        ("Tel", "phone"),
        ("Naam contactpersoon", "full_name"),
        ("Naam organisatie", "organisation"),
        ("Contact e-mail", "email"),
        ("E-mail contactpersoon", "email"),
        ("Title", "titles"),
        ("Suffix", "titles_after"),
        # named in other words: a keyword, or a known header with whose value it is
        ("Zakelijk e-mailadres", "email"),
        ("E-mail deelnemer", "email"),
        ("Telefoonnummer secretariaat", "phone"),
        ("Tel nr werk", "phone"),
        ("Telefoon contactpersoon", "phone"),
        ("Mobiel werk", "mobile"),
        ("Telefoonnummer mobiel", "mobile"),
        ("Naam deelnemer", "full_name"),
        ("Naam van de organisatie", "organisation"),
        ("Company Name", "organisation"),
        ("Naam gemeente", "gemeente"),
        ("Functie contactpersoon", "job_title"),
    ],
)
def test_common_headers_and_longer_headers_naming_a_field_are_mapped(header, field):
    cmap = map_columns([header, "Opmerkingen"], 0)

    assert cmap.columns.get(field) == 0
    assert header not in cmap.ignored


@pytest.mark.parametrize(
    "header",
    [
        "E-mail Display Name",
        "Weergavenaam voor e-mail",
        "E-mail 1 - Label",
        "Telefoon privé",
        "Home Phone",
        "Business Fax",
        "Naam partner",
        "Nieuwsbrief e-mail",
        "Schoenmaat",
        "Contactgegevens van de deelnemers aan de cyberdag 2021 (e-mail)",
    ],
)
def test_headers_about_something_else_name_no_field(header):
    assert keyword_field(header) is None


def test_an_exact_synonym_wins_over_a_keyword_and_the_other_column_is_reported_ignored():
    cmap = map_columns(["Zakelijk e-mailadres", "E-mail", "Telefoonnummer werk", "Telefoon secretariaat"], 0)

    assert (cmap.columns["email"], cmap.columns["phone"]) == (1, 2)
    assert cmap.ignored == ["Zakelijk e-mailadres", "Telefoon secretariaat"]
    assert ("Zakelijk e-mailadres", "") in cmap.mapping


def test_a_named_person_column_next_to_a_first_name_column_is_the_last_name():
    cmap = map_columns(["Voornaam deelnemer", "Naam deelnemer", "E-mail"], 0)

    assert (cmap.columns["first_name"], cmap.columns["last_name"]) == (0, 1)


def test_the_users_choice_wins_over_a_keyword():
    cmap = map_columns(["Naam", "Telefoon secretariaat"], 0, {"Telefoon secretariaat": "mobile"})

    assert cmap.columns == {"full_name": 0, "mobile": 1}


def test_a_title_row_that_only_a_keyword_names_is_not_the_header():
    table = [["E-mailadressen deelnemers"], [], ["E-mailadres", "Telefoonnummer deelnemer"], ["a@example.nl", ""]]

    assert find_header(table) == 2


def test_an_outlook_and_hand_made_header_row_lands_every_field(actor):
    rows = [
        ["Title", "Naam contactpersoon", "Suffix", "Naam organisatie", "Contact e-mail", "Tel. nr.", "Mobiel werk"],
        ["Mr.", "Tom de Bruin", "PhD", "Gemeente Schiedam", "tom@example.nl", "010-2461234", "0644445555"],
    ]

    result = do_run(actor, xlsx_bytes(rows), "outlook.xlsx")

    assert result.exit_code == 0, result.summary
    assert result.summary["ignored_columns"] == []
    tom = Contact.objects.get(email="tom@example.nl")
    assert (tom.titles, tom.first_name, tom.tussenvoegsel, tom.last_name) == ("Mr. PhD", "Tom", "de", "Bruin")
    assert (tom.phone, tom.mobile, tom.organisation.name) == ("010 246 1234", "06 44445555", "Gemeente Schiedam")


def test_a_remembered_mapping_still_applies_to_headers_a_keyword_names(actor):
    header = ["Naam", "E-mail contactpersoon", "Telefoon secretariaat"]
    first = [header, ["Ans Kok", "ans@example.nl", "0101234567"]]
    options = ImportOptions(as_of=datetime.date(2021, 6, 1), columns={"Telefoon secretariaat": "mobile"})
    run_import(actor=actor, file=xlsx_bytes(first), file_name="a.xlsx", options=options)

    again = [header, ["Bob Berg", "bob@example.nl", "0612345678"]]
    result = do_run(actor, xlsx_bytes(again), "b.xlsx")

    assert result.exit_code == 0, result.summary
    assert result.remembered_mapping
    bob = Contact.objects.get(email="bob@example.nl")
    assert (bob.phone, bob.mobile) == ("", "06 12345678")
