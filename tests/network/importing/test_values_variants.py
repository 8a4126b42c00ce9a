"""Variants of each kind of value of issue 10 beyond the import-cases files: other names, other titles,
other separators, other phone spellings, rows in another order."""

import pytest

from network.importing.contact_values import parse_email, parse_phone
from network.models import Contact, Organisation
from network.names import normalise_initials, split_filing_last_name, split_titles
from network.text import normalise_text
from tests.factories import ContactFactory, OrganisationFactory


def utf8_csv(rows: list[list]) -> bytes:
    """A list as "CSV UTF-8" (with BOM): it can hold zero-width spaces and typographic quotes."""
    return ("\ufeff" + "\r\n".join(";".join(row) for row in rows) + "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Prof. dr. ir. Kees Berg PhD", ("Prof. dr. ir. PhD", "Kees Berg")),
        ("Wethouder Anne de Wit", ("Wethouder", "Anne de Wit")),
        ("de heer T. Yilmaz", ("de heer", "T. Yilmaz")),
        ("Mw. S. el Amrani LLM", ("Mw. LLM", "S. el Amrani")),
        ("ir. Bram Visser, MBA", ("ir. MBA", "Bram Visser")),
        ("MEVR. Fatma Kaya MA", ("MEVR. MA", "Fatma Kaya")),
        ("Jan Ma", ("", "Jan Ma")),  # Ma is a surname, not a post-nominal, unless in capitals
        ("Dhr.", ("Dhr.", "")),  # a cell of titles alone has no name
        ("Mr", ("", "Mr")),  # but a title that is also a surname, alone and without a dot, stays the name
    ],
)
def test_other_titles_are_kept_apart(name, expected):
    assert split_titles(name) == expected


@pytest.mark.parametrize("spelling", ["J.P.", "J. P.", "JP", "j.p.", "J P", "J.P"])
def test_initials_in_every_spelling_are_one_form(spelling):
    assert normalise_initials(spelling) == "J.P."


@pytest.mark.parametrize("name", ["Jan", "JAN", "Th.", "Marie-José"])
def test_names_that_are_not_initials_stay(name):
    assert normalise_initials(name) == name


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Vries, de", ("de", "Vries")),
        ("Hoek van 't", ("van 't", "Hoek")),
        ("Heuvel, Van Den", ("van den", "Heuvel")),
        ("Graaf de", ("de", "Graaf")),
        ("ter Horst", ("ter", "Horst")),
        ("El Amrani", ("", "El Amrani")),
    ],
)
def test_other_last_names_in_filing_form_are_split(cell, expected):
    assert split_filing_last_name(cell) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("’t Hart", "'t Hart"),
        ("D‘Hondt", "D'Hondt"),
        ("O`Brien", "O'Brien"),
        ("D´Souza", "D'Souza"),
        ("“Team” Zuid", '"Team" Zuid'),
        ("Gemeente\u00a0\u00a0Schiedam\u200b", "Gemeente Schiedam"),
        ("\u202fanna\ufeff  de\tBoer ", "anna de Boer"),
    ],
)
def test_typographic_quotes_and_odd_spaces_are_made_plain(raw, clean):
    assert normalise_text(raw) == clean


@pytest.mark.parametrize(
    ("cell", "address", "others"),
    [
        ("a.berg@example.nl; b.berg@example.nl", "a.berg@example.nl", "b.berg@example.nl"),
        ("a.berg@example.nl,b.berg@example.nl", "a.berg@example.nl", "b.berg@example.nl"),
        ('"Berg, Anna" <a.berg@example.nl>; <b@example.nl>', "a.berg@example.nl", "b@example.nl"),
        ("A.Berg@Example.NL ::: x@example.org ::: y@example.org", "a.berg@example.nl", "x@example.org, y@example.org"),
    ],
)
def test_other_separators_give_the_first_address_and_name_the_others(cell, address, others):
    found, warning, error = parse_email(cell)

    assert (found, error) == (address, "")
    assert others in warning


def test_a_mailbox_form_with_a_bad_address_is_an_error():
    assert parse_email("Anna <anna@@example>")[2] == "Dit is geen geldig e-mailadres."


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("0031 10 4123456", "010 412 3456"),
        ("(010) 412 34 56", "010 412 3456"),
        ("+31 (0)10 412 34 56", "010 412 3456"),
        ("10-4123456", "010 412 3456"),
        ("612345678", "06 12345678"),
        ("+31612345678", "06 12345678"),
        ("+32 2 555 12 12", "+32 2 555 12 12"),
    ],
)
def test_other_phone_spellings_are_stored_in_one_format(cell, stored):
    assert parse_phone(cell) == (stored, "", "")


@pytest.mark.parametrize("cell", ["6,12346E+08", "6.12346E+08", "1,04123E+8", "6E+08"])
def test_scientific_notation_is_an_error(cell):
    assert "wetenschappelijke notatie" in parse_phone(cell)[2]


def test_an_unreadable_phone_number_is_kept_with_a_warning():
    assert parse_phone("toestel 12")[0] == "toestel 12"
    assert "geen geldig telefoonnummer" in parse_phone("toestel 12")[1]


def test_a_phone_in_scientific_notation_is_a_row_error_naming_the_column(do_import):
    data = utf8_csv([["Naam", "E-mail", "Mobiel nr."], ["Ans Kok", "ans@var.example", "6,12346E+08"]])

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 1
    [error] = result.summary["errors"]
    assert (error["row"], error["column"], error["value"]) == (2, "Mobiel nr.", "6,12346E+08")
    assert not Contact.objects.exists()


def test_typographic_and_invisible_characters_are_cleaned_in_every_field_before_matching(do_import, schiedam):
    known = ContactFactory(first_name="Lotte", tussenvoegsel="van 't", last_name="Hof", email="", organisation=None)
    data = utf8_csv(
        [
            ["Voornaam", "Achternaam", "Gemeente", "Functie", "Opmerkingen"],
            ["Lotte\u200b", "Hof, van ’t", "\u00a0Schiedam", "AOV’er  OOV", "“Vaste”\u00a0gast"],
        ]
    )

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert Contact.objects.get() == known
    known.refresh_from_db()
    assert (known.job_title, known.notes) == ("AOV'er OOV", '"Vaste" gast')


def test_initials_and_titles_in_the_file_match_a_known_contact_without_email(do_import):
    known = ContactFactory(first_name="J. P.", last_name="Vries", tussenvoegsel="de", email="", organisation=None)
    data = utf8_csv([["Naam", "Telefoon"], ["Dhr. JP de Vries", "010 4123456"]])

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert result.summary["contacts"] == {"new": 0, "updated": 1, "unchanged": 0}
    known.refresh_from_db()
    assert (known.titles, known.first_name, known.phone) == ("Dhr.", "J. P.", "010 412 3456")


def test_voorletters_aanhef_and_achtervoegsel_columns(do_import):
    data = utf8_csv(
        [
            ["Aanhef", "Voorletters", "Tussenv.", "Achternaam", "Achtervoegsel", "E-mailadres", "Organisatienaam"],
            ["Mevr.", "a b", "", "Berg, van den", "MSc", "a.vdberg@var.example", "Halt"],
        ]
    )

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    anna = Contact.objects.get()
    assert (anna.titles, anna.first_name, anna.tussenvoegsel, anna.last_name) == (
        "Mevr. MSc",
        "A.B.",
        "van den",
        "Berg",
    )
    assert anna.organisation.name == "Halt"


@pytest.mark.parametrize("email_row_first", [True, False])
def test_the_same_person_over_several_rows_is_one_contact_whichever_row_has_the_email(do_import, afm, email_row_first):
    with_email = ["Sanne", "Mulder", "sanne@var.example", "Halt", "Schiedam", ""]
    without = ["Sanne", "Mulder", "", "Halt", "Schiedam", "06 1234 5678"]
    rows = [with_email, without] if email_row_first else [without, with_email]
    data = utf8_csv([["Voornaam", "Achternaam", "E-mail", "Organisatie", "Gemeente", "Mobiel"], *rows])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.exit_code == 0, result.summary
    sanne = Contact.objects.get()
    assert (sanne.email, sanne.mobile) == ("sanne@var.example", "06 12345678")
    assert result.summary["contacts"]["new"] == 1
    assert sanne.memberships.count() == 1


def test_a_row_without_email_before_the_row_of_a_known_contact_is_that_contact(do_import):
    known = ContactFactory(first_name="Sanne", last_name="Mulder", email="sanne@var.example", organisation=None)
    data = utf8_csv(
        [
            ["Voornaam", "Achternaam", "E-mail", "Functie"],
            ["Sanne", "Mulder", "", "AOV"],
            ["Sanne", "Mulder", "sanne@var.example", ""],
        ]
    )

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert Contact.objects.get() == known
    known.refresh_from_db()
    assert known.job_title == "AOV"


def test_two_addresses_for_one_name_are_not_guessed(do_import):
    data = utf8_csv(
        [
            ["Voornaam", "Achternaam", "E-mail"],
            ["Jan", "Smit", ""],
            ["Jan", "Smit", "jan.smit@a.example"],
            ["Jan", "Smit", "jan.smit@b.example"],
        ]
    )

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert Contact.objects.count() == 3, "two people called Jan Smit: the row without an address is not guessed"


@pytest.mark.parametrize("spelling", ["Gem. Schiedam", "gemeente  schiedam", "GEM SCHIEDAM", "Gemeente Schiedam."])
def test_organisations_match_through_the_gemeente_normalisation(do_import, spelling):
    known = Organisation.objects.get(name="Gemeente Schiedam")
    count = Organisation.objects.count()
    data = utf8_csv([["Naam", "E-mail", "Organisatie"], ["Ans Kok", "ans@var.example", spelling]])

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert Organisation.objects.count() == count
    assert Contact.objects.get().organisation == known


def test_an_alias_kept_on_the_organisation_matches(do_import):
    police = Organisation.objects.get(name="Politie Eenheid Rotterdam")
    police.aliases = ["Politie Rotterdam"]
    police.save()
    data = utf8_csv([["Naam", "E-mail", "Organisatie"], ["Eva Bos", "eva@var.example", "politie rotterdam"]])

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert Contact.objects.get().organisation == police
    assert result.summary["warnings"] == []


def test_a_new_spelling_for_a_new_contact_is_created_with_a_warning_naming_the_known_one(do_import):
    OrganisationFactory(name="Stichting Buurtpreventie Rijnmond", slug="sbr")
    data = utf8_csv([["Naam", "E-mail", "Organisatie"], ["Eva Bos", "eva@var.example", "Buurtpreventie Rijnmond"]])

    result = do_import(data, file_name="lijst.csv")

    [warning] = result.summary["warnings"]
    assert "'Buurtpreventie Rijnmond' is nieuw" in warning["message"]
    assert "'Stichting Buurtpreventie Rijnmond'" in warning["message"]


def test_a_known_other_organisation_still_moves_a_contact(do_import):
    old = Organisation.objects.get(name="Gemeente Schiedam")
    new = Organisation.objects.get(name="RIEC Rotterdam")
    contact = ContactFactory(email="ans@var.example", organisation=old)
    data = utf8_csv([["Naam", "E-mail", "Organisatie"], ["Ans Kok", "ans@var.example", "RIEC Rotterdam"]])

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    contact.refresh_from_db()
    assert contact.organisation == new


@pytest.mark.parametrize(
    ("cell", "address"),
    [
        ("Anna.Berg@Example.NL", "anna.berg@example.nl"),
        ("jürgen@müller.example", "jürgen@müller.example"),
        ("a+lijst@sub.var.example", "a+lijst@sub.var.example"),
    ],
)
def test_addresses_are_normalised_as_email_validator_does(cell, address):
    assert parse_email(cell) == (address, "", "")


@pytest.mark.parametrize("cell", ["a@server.local", "a@host.test", "a..b@var.example", "a@-var.example", "a@var"])
def test_addresses_email_validator_refuses_are_refused(cell):
    assert parse_email(cell)[2] == "Dit is geen geldig e-mailadres."


@pytest.mark.parametrize("cell", ["0800 1234", "0900-1234567", "+31 800 022 0000", "085 888 1234", "088 123 4567"])
def test_service_and_company_numbers_read_as_phonenumbers_reads_them(cell):
    import phonenumbers

    number = phonenumbers.parse(cell, "NL")
    expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    assert parse_phone(cell)[0] == (expected if phonenumbers.is_valid_number(number) else cell)
