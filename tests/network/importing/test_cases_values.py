"""The import-cases files of issue 10 about values, columns and matching, each with the outcome its README names.

Run as the README does: network regionale-werkgroep-cybercrime, as of 2021-06-01, a dry run first where
the preview matters. The files are copied into tests/data/import-cases/.
"""

import datetime

import pytest
from django.core.management import call_command

from network.importing import ImportOptions, run_import
from network.models import Contact, Organisation
from tests.factories import network
from tests.helpers import data_file

AS_OF = datetime.date(2021, 6, 1)


@pytest.fixture
def cybercrime(db):
    return network("regionale-werkgroep-cybercrime")


@pytest.fixture
def import_case(db, actor, cybercrime):
    def _import(name, **options):
        options.setdefault("network", cybercrime)
        options.setdefault("as_of", AS_OF)
        path = data_file(f"import-cases/{name}")
        return run_import(actor=actor, file=path, file_name=name, options=ImportOptions(**options))

    return _import


def test_c05_dutch_outlook_export_lands_name_organisation_phone_and_mobile(import_case):
    result = import_case("c05_outlook_nl_export.csv")

    assert result.exit_code == 0, result.summary
    kees = Contact.objects.get(email="kees.vandenbosch@example.nl")
    assert (kees.titles, kees.first_name, kees.tussenvoegsel, kees.last_name) == ("Dhr.", "Kees", "van den", "Bosch")
    assert (kees.organisation.name, kees.job_title) == ("Gemeente Zwijndrecht", "Coördinator OOV")
    assert (kees.phone, kees.mobile, kees.notes) == ("078 770 1234", "06 33334444", "Vervangt tijdens verlof")
    lieke = Contact.objects.get(email="lieke.jansen@example.nl")
    assert (lieke.titles, lieke.phone, lieke.organisation.name) == ("", "0184 000 111", "Gemeente Molenlanden")
    for header in (
        "Titel",
        "Middelste naam",
        "Bedrijf",
        "Telefoon op werk",
        "Mobiele telefoon",
        "Hoofdtelefoon bedrijf",
    ):
        assert header not in result.summary["ignored_columns"]


def test_c06a_google_two_addresses_in_one_cell_take_the_first_with_a_warning(import_case):
    result = import_case("c06a_google_new.csv")

    assert result.exit_code == 0, result.summary
    assert result.summary["contacts"]["new"] == 2, "the rest of the file is not blocked"
    assert Contact.objects.filter(email="noor.hendriks@example.nl").exists()
    assert not Contact.objects.filter(email="n.hendriks@example.org").exists()
    [warning] = [w for w in result.summary["warnings"] if w["row"] == 3]
    assert "n.hendriks@example.org" in warning["message"]
    assert Contact.objects.get(email="mila.degraaf@example.nl").phone == "06 55556666", "+31 6 … in one format"


def test_c07_mailbox_form_gives_the_address_with_a_warning(import_case):
    result = import_case("c07_mailbox_form.xlsx")

    assert result.exit_code == 0, result.summary
    assert set(Contact.objects.values_list("email", flat=True)) == {
        "pim.kuiper@example.nl",
        "roos.dekker@example.nl",
        "stijn.vos@example.nl",
    }
    assert sorted(w["row"] for w in result.summary["warnings"] if w["column"] == "E-mail") == [2, 3]
    roos = Contact.objects.get(email="roos.dekker@example.nl")
    assert (roos.first_name, roos.last_name) == ("Roos", "Dekker")


def test_c09_invisible_characters_are_stored_clean_and_the_clean_list_changes_nothing(import_case, registry_dump):
    first = import_case("c09_nbsp_whitespace.xlsx")

    assert first.exit_code == 0, first.summary
    wim = Contact.objects.get(email="wim.bos@example.nl")
    vera = Contact.objects.get(email="vera.smit@example.nl")
    assert (vera.first_name, vera.last_name, vera.organisation.name) == ("Vera", "Smit", "Gemeente Schiedam")
    assert Contact.objects.get(email="xander.kok@example.nl").last_name == "Kok"
    assert Organisation.objects.filter(name__startswith="Gemeente Schiedam").count() == 1
    before = registry_dump()

    again = import_case("c09b_clean_reimport.xlsx")

    assert again.exit_code == 0, again.summary
    assert again.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 1}
    assert again.summary["memberships"] == {"new": 0, "unchanged": 1, "ended": 0}
    assert Contact.objects.filter(last_name="Bos").get() == wim
    after = registry_dump()
    for record in before + after:
        record["fields"].pop("updated", None)
        record["fields"].pop("verified_on", None)
    assert after == before


def test_c13a_phone_numbers_typed_into_number_cells_get_their_zero_back(import_case):
    result = import_case("c13a_phone_numbers_as_numbers.xlsx")

    assert result.exit_code == 0, result.summary
    femke = Contact.objects.get(email="femke.aerts@example.nl")
    gert = Contact.objects.get(email="gert.claassen@example.nl")
    assert (femke.phone, femke.mobile) == ("010 412 3456", "06 12345678")
    assert (gert.phone, gert.mobile) == ("010 412 3456", "06 87654321"), "one format for every spelling"


def test_c15_titles_are_kept_apart_from_the_name(import_case):
    result = import_case("c15_titles_in_name.xlsx")

    assert result.exit_code == 0, result.summary
    people = {c.email: (c.titles, c.first_name, c.tussenvoegsel, c.last_name) for c in Contact.objects.all()}
    assert people == {
        "j.devries@example.nl": ("Dhr.", "J.", "de", "Vries"),
        "ab.jansen@example.nl": ("Mevr. drs.", "A.B.", "", "Jansen"),
        "k.bakker@example.nl": ("mr.", "K.", "", "Bakker"),
        "l.smit@example.nl": ("Burgemeester", "L.", "", "Smit"),
        "p.vandam@example.nl": ("ing. MSc", "P.", "van", "Dam"),
    }
    ordered = [c.last_name for c in Contact.objects.order_by("last_name")]
    assert ordered == ["Bakker", "Dam", "Jansen", "Smit", "Vries"], "sorting uses the bare name"


def test_c16b_last_names_in_filing_form_are_split(import_case):
    result = import_case("c16b_achternaam_filing_form.xlsx")

    assert result.exit_code == 0, result.summary
    names = {c.email: (c.tussenvoegsel, c.last_name) for c in Contact.objects.all()}
    assert names == {
        "karin.vandenberg@example.nl": ("van den", "Berg"),
        "luuk.vandijk@example.nl": ("van", "Dijk"),
        "merel.vandijk@example.nl": ("van", "Dijk"),
    }


@pytest.mark.parametrize("name", ["c29a_email_only.csv", "c29b_email_plus_opmerking.csv"])
def test_c29_a_list_with_only_an_email_column_is_accepted(import_case, name):
    result = import_case(name)

    assert result.exit_code == 0, result.summary
    assert Contact.objects.filter(email="yvo.brand@example.nl", last_name="").exists()
    assert all("naam ontbreekt" in w["message"] for w in result.summary["warnings"])


def test_c34_other_spellings_of_known_organisations_never_take_a_contact_over(import_case):
    call_command("seed_demo", verbosity=0)
    organisations = Organisation.objects.count()

    preview = import_case("c34_org_spelling_existing_contacts.xlsx", dry_run=True)
    result = import_case("c34_org_spelling_existing_contacts.xlsx")

    assert result.exit_code == 0, result.summary
    assert Organisation.objects.count() == organisations, "no near-duplicate organisation"
    floris = Contact.objects.get(email="floris.bakker.5@demo.example")
    eva = Contact.objects.get(email="eva.bos.52@demo.example")
    assert floris.organisation.name == "Gemeente Gorinchem", "Gem. X = Gemeente X"
    assert eva.organisation.name == "Politie Eenheid Rotterdam"
    [warning] = result.summary["warnings"]
    assert "'Politie Rotterdam'" in warning["message"] and "'Politie Eenheid Rotterdam'" in warning["message"]
    assert preview.summary["warnings"] == result.summary["warnings"], "the preview says it first"
    assert [row["organisation"] for row in preview.preview["row_details"]] == [
        "Gemeente Gorinchem",
        "Politie Eenheid Rotterdam",
    ]
