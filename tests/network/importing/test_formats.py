"""Each office format, from files LibreOffice, Outlook and Google saved (tests/data/make_files.py)."""

import datetime

from network.models import Contact, Membership, Organisation
from tests.factories import gemeente, network
from tests.helpers import data_file

D = datetime.date


def memberships_of(email: str):
    return list(Membership.objects.filter(contact__email=email).select_related("network", "gemeente"))


def test_xlsx_with_a_title_and_blank_row_above_the_header(do_import, afm):
    result = do_import("afm_titel.xlsx", network=afm)

    assert result.exit_code == 0
    assert result.summary["rows"] == 5
    assert [row.row for row in result.rows] == [4, 5, 6, 7, 8]
    assert result.summary["contacts"] == {"new": 5, "updated": 0, "unchanged": 0}
    assert result.summary["memberships"] == {"new": 5, "unchanged": 0, "ended": 0}
    assert result.summary["ignored_columns"] == ["Verjaardag"]
    anouk = Contact.objects.get(email="anouk.verbeek@schiedam.example")
    assert (anouk.first_name, anouk.last_name, anouk.phone) == ("Anouk", "Verbeek", "010 123 4567")
    assert anouk.organisation.name == "Gemeente Schiedam"
    [membership] = memberships_of("anouk.verbeek@schiedam.example")
    assert (membership.network, membership.role, membership.gemeente) == (
        afm,
        "aandachtsfunctionaris",
        gemeente("GM0606"),
    )
    assert membership.start_date == D(2021, 1, 15)
    assert membership.verified_on == D(2021, 3, 1)
    bram = Contact.objects.get(email="bram.vanderlinden@vlaardingen.example")
    assert (bram.tussenvoegsel, bram.phone, bram.notes) == (
        "van der",
        "010 765 4321",
        "Vervangt per maart een collega",
    )
    [membership] = memberships_of(bram.email)
    assert membership.start_date == D(2021, 3, 1), "without a start date a role starts on the list's date"
    assert membership.role == afm.default_role
    assert memberships_of("c.degraaf@capelle.example")[0].gemeente == gemeente("GM0502")
    assert memberships_of("eva.vandijk@hia.example")[0].gemeente == gemeente("GM0531")
    daan = Contact.objects.get(last_name="Koster")
    assert daan.email == ""
    assert daan.memberships.get().role == "plaatsvervanger"


def test_xls_reads_date_serials_as_dates(do_import, hackshield):
    result = do_import("hackshield.xls")

    assert result.exit_code == 0, result.summary
    assert result.summary["memberships"]["new"] == 3
    [floris] = memberships_of("floris.bakker@dordrecht.example")
    assert (floris.network, floris.gemeente, floris.start_date, floris.end_date) == (
        hackshield,
        gemeente("GM0505"),
        D(2020, 3, 1),
        None,
    )
    [gijs] = memberships_of("g.terhorst@zwijndrecht.example")
    assert (gijs.gemeente, gijs.start_date, gijs.end_date) == (gemeente("GM0642"), D(2020, 6, 15), D(2020, 12, 31))
    hanna = Contact.objects.get(email="hanna.vandenheuvel@papendrecht.example")
    assert (hanna.first_name, hanna.tussenvoegsel, hanna.last_name) == ("Hanna", "van den", "Heuvel")


def test_ods_with_full_names_and_dutch_dates(do_import):
    accounthouders = network("accounthouders-ondermijning")

    result = do_import("accounthouders.ods")

    assert result.exit_code == 0, result.summary
    iris = Contact.objects.get(email="iris.smit@ridderkerk.example")
    assert (iris.first_name, iris.last_name, iris.job_title) == ("Iris", "Smit", "Accounthouder ondermijning")
    [membership] = memberships_of(iris.email)
    assert (membership.network, membership.role, membership.start_date) == (
        accounthouders,
        "accounthouder",
        D(2021, 3, 1),
    )
    joost = Contact.objects.get(email="joost.dewit@barendrecht.example")
    assert (joost.first_name, joost.tussenvoegsel, joost.last_name) == ("Joost", "de", "Wit")
    assert memberships_of(joost.email)[0].gemeente == gemeente("GM0489")
    assert memberships_of(joost.email)[0].start_date == D(2021, 2, 15)
    hof = Contact.objects.get(last_name="Hof")
    assert (hof.first_name, hof.tussenvoegsel) == ("J.P.", "van 't")
    [membership] = hof.memberships.all()
    assert (membership.gemeente, membership.start_date) == (gemeente("GM0556"), D(2021, 2, 1))


def test_dutch_excel_csv_semicolons_windows_1252_crlf(do_import):
    raw = data_file("werkgroep_excel_nl.csv").read_bytes()
    assert b"\r\n" in raw and b";" in raw and "Renée".encode("cp1252") in raw
    werkgroep = network("regionale-werkgroep-cybercrime")

    result = do_import("werkgroep_excel_nl.csv", network=werkgroep)

    assert result.exit_code == 0, result.summary
    assert result.summary["contacts"]["new"] == 4
    renee = Contact.objects.get(email="renee.deboer@riec.example")
    assert (renee.first_name, renee.tussenvoegsel, renee.last_name) == ("Renée", "de", "Boer")
    assert Contact.objects.get(email="zoe.brouwer@sdvr.example").job_title == "Coördinator"
    karin = Contact.objects.get(email="karin.mulder@politie.example")
    assert (karin.mobile, karin.organisation.name) == ("06 12345678", "Politie Eenheid Rotterdam")
    assert memberships_of(karin.email)[0].start_date == D(2021, 3, 1)
    assert Organisation.objects.filter(name="Stichting Digitale Veiligheid Rijnmond").exists()
    assert result.summary["warnings"] == [
        {
            "row": 5,
            "column": "Organisatie",
            "message": "De organisatie 'Stichting Digitale Veiligheid Rijnmond' is nieuw en wordt aangemaakt.",
        }
    ]


def test_utf8_csv_with_bom(do_import):
    result = do_import("werkgroep_utf8_bom.csv")

    assert result.exit_code == 0, result.summary
    sukru = Contact.objects.get(email="sukru.yilmaz@rotterdam.example")
    assert (sukru.first_name, sukru.last_name) == ("Şükrü", "Yılmaz")
    [membership] = memberships_of(sukru.email)
    assert (membership.network.slug, membership.role) == ("regionale-werkgroep-cybercrime", "voorzitter")


def test_outlook_export(do_import, hackshield):
    result = do_import("outlook_export.csv", network=hackshield)

    assert result.exit_code == 0, result.summary
    maaike = Contact.objects.get(email="maaike.smit@schiedam.example")
    assert (maaike.phone, maaike.mobile, maaike.job_title, maaike.notes) == (
        "010 246 9999",
        "06 22223333",
        "Adviseur OOV",
        "Aanspreekpunt HackShield",
    )
    niels = Contact.objects.get(email="niels.dejong@vlaardingen.example")
    assert (niels.tussenvoegsel, niels.organisation.name) == ("de", "Gemeente Vlaardingen")
    assert maaike.titles == "Mevr.", "Outlook's Title is the salutation"
    assert "E-mail 2 Address" in result.summary["ignored_columns"]


def test_google_contacts_export_current_and_old_column_sets(do_import):
    result = do_import("google_contacts.csv")
    old = do_import("google_contacts_oud.csv")

    assert result.exit_code == old.exit_code == 0
    pieter = Contact.objects.get(email="pieter.vanleeuwen@gorinchem.example")
    assert (pieter.first_name, pieter.tussenvoegsel, pieter.last_name) == ("Pieter", "van", "Leeuwen")
    assert (pieter.job_title, pieter.phone, pieter.notes) == ("AOV'er", "06 44445555", "Via regiegroep")
    assert pieter.organisation.name == "Gemeente Gorinchem"
    quinten = Contact.objects.get(email="quinten.dekker@nissewaard.example")
    assert (quinten.first_name, quinten.last_name, quinten.job_title) == ("Quinten", "Dekker", "Adviseur OOV")
    assert quinten.organisation.name == "Gemeente Nissewaard"
    assert result.summary["memberships"]["new"] == 0, "a contact list without a network makes no roles"


def test_csv_with_excel_sep_hint_line_and_comma_separated_utf8(do_import):
    data = b'sep=,\r\nNaam,E-mail,Functie\r\nAns Kok,ans@var.example,"Adviseur, OOV"\r\n'

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert [row.row for row in result.rows] == [2]
    assert Contact.objects.get().job_title == "Adviseur, OOV"
