"""Matching rows to contacts the registry already has, and what a re-import does."""

import datetime

from network.models import Contact, Membership
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, gemeente
from tests.helpers import csv_bytes

D = datetime.date
HEADER = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Telefoon", "Organisatie", "Gemeente", "Functie"]


def test_matches_email_in_another_case_and_with_spaces(do_import, afm):
    known = ContactFactory(first_name="Anouk", last_name="Verbeek", email="anouk.verbeek@schiedam.example")
    data = csv_bytes([HEADER, ["Anouk", "", "Verbeek", "  Anouk.VERBEEK@Schiedam.example ", "", "", "Schiedam", ""]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 1}
    assert Contact.objects.count() == 1
    assert Membership.objects.get().contact == known


def test_matches_name_and_organisation_when_there_is_no_email(do_import, afm):
    politie = OrganisationFactory(name="Politie Eenheid Rotterdam test", slug="politie-test")
    known = ContactFactory(
        first_name="Daan", tussenvoegsel="van der", last_name="Koster", email="", organisation=politie
    )
    ContactFactory(first_name="Daan", tussenvoegsel="van der", last_name="Koster", email="")  # other organisation
    data = csv_bytes([HEADER, ["DAAN", "Van der", "koster", "", "010 1", "politie eenheid rotterdam TEST", "", ""]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.summary["contacts"] == {"new": 0, "updated": 1, "unchanged": 0}
    known.refresh_from_db()
    assert known.phone == "010 1"
    assert Membership.objects.get().contact == known


def test_full_name_is_matched_dutch_normalised(do_import, afm):
    known = ContactFactory(first_name="Jan", tussenvoegsel="van der", last_name="Berg", email="", organisation=None)
    data = csv_bytes([["Naam", "Functie", "Gemeente"], ["Berg, Jan van der", "Adviseur", "Schiedam"]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.summary["contacts"] == {"new": 0, "updated": 1, "unchanged": 0}
    known.refresh_from_db()
    assert known.job_title == "Adviseur"


def test_two_rows_of_one_person_in_one_file_are_one_contact(do_import, afm, hackshield):
    data = csv_bytes(
        [
            ["Naam", "E-mail", "Netwerk", "Gemeente", "Mobiel"],
            ["Floris Bakker", "floris@dordrecht.example", "HackShield", "Dordrecht", ""],
            ["Floris Bakker", "FLORIS@dordrecht.example", afm.name, "Dordrecht", "06 1111 2222"],
        ]
    )

    result = do_import(data, file_name="lijst.csv")

    assert result.exit_code == 0, result.summary
    assert result.summary["contacts"] == {"new": 1, "updated": 0, "unchanged": 0}
    assert result.summary["memberships"] == {"new": 2, "unchanged": 0, "ended": 0}
    floris = Contact.objects.get()
    assert floris.mobile == "06 11112222"
    assert {m.network for m in floris.memberships.all()} == {afm, hackshield}


def test_an_empty_cell_never_blanks_a_known_value(do_import, afm):
    known = ContactFactory(
        first_name="Eva", last_name="Dijk", tussenvoegsel="van", email="eva@hia.example", phone="078 1", job_title="AOV"
    )
    data = csv_bytes([HEADER, ["", "", "", "eva@hia.example", "", "", "", ""]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 1}
    organisation_id = known.organisation_id
    known.refresh_from_db()
    assert (known.first_name, known.tussenvoegsel, known.last_name) == ("Eva", "van", "Dijk")
    assert (known.phone, known.job_title, known.organisation_id) == ("078 1", "AOV", organisation_id)
    assert organisation_id is not None


def test_changed_fields_are_updated_and_shown_old_and_new(do_import, afm, actor):
    known = ContactFactory(first_name="Eva", last_name="Dijk", email="eva@hia.example", job_title="AOV")
    data = csv_bytes([HEADER, ["Eva", "", "Dijk", "eva@hia.example", "", "", "", "Beleidsadviseur"]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    [row] = result.rows
    assert (row.action, row.changes) == ("updated", {"job_title": ("AOV", "Beleidsadviseur")})
    known.refresh_from_db()
    assert known.job_title == "Beleidsadviseur"
    latest = known.history.first()
    assert (latest.history_user, latest.history_change_reason) == (actor, f"Import #{result.batch.pk}")


def test_same_name_with_another_email_is_a_warning_not_a_merge(do_import, afm):
    ContactFactory(first_name="Karin", last_name="Mulder", email="karin@oud.example")
    data = csv_bytes([HEADER, ["Karin", "", "Mulder", "karin@nieuw.example", "", "", "", ""]])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert Contact.objects.count() == 2
    assert result.summary["warnings"] == [
        {
            "row": 2,
            "column": "E-mail",
            "message": "Mogelijk dubbel: er is al een Karin Mulder (karin@oud.example); niet samengevoegd.",
        }
    ]


def test_existing_active_role_is_unchanged_and_verified_on_the_list_date(do_import, afm, schiedam):
    membership = MembershipFactory(
        contact__email="anouk@schiedam.example", network=afm, gemeente=schiedam, verified_on=D(2020, 1, 1)
    )
    data = csv_bytes([HEADER, ["", "", "", "anouk@schiedam.example", "", "", "Schiedam", ""]])

    result = do_import(data, file_name="lijst.csv", network=afm, as_of=D(2021, 3, 1))

    assert result.summary["memberships"] == {"new": 0, "unchanged": 1, "ended": 0}
    membership.refresh_from_db()
    assert (membership.start_date, membership.end_date, membership.verified_on) == (D(2021, 1, 1), None, D(2021, 3, 1))


def test_reimporting_the_same_file_changes_nothing(do_import, afm, registry_dump):
    first = do_import("afm_titel.xlsx", network=afm)
    before = registry_dump()

    second = do_import("afm_titel.xlsx", network=afm)

    assert first.summary["contacts"]["new"] == 5
    assert second.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 5}
    assert second.summary["memberships"] == {"new": 0, "unchanged": 5, "ended": 0}
    assert registry_dump() == before
    assert "eerder geïmporteerd" in second.summary["warnings"][-1]["message"]


def test_a_gemeente_that_no_longer_exists_on_the_start_date_is_a_row_error(do_import, afm):
    data = csv_bytes(
        [[*HEADER, "Startdatum"], ["Bas", "", "Vos", "bas@brielle.example", "", "", "Brielle", "", "1-2-2023"]]
    )

    result = do_import(data, file_name="lijst.csv", network=afm, as_of=D(2023, 3, 1))

    assert result.exit_code == 1
    [error] = result.summary["errors"]
    assert (error["row"], error["column"], error["value"]) == (2, "Gemeente", "Brielle")
    assert "Voorne aan Zee" in error["message"]
    assert gemeente("GM0501").valid_to == D(2022, 12, 31)


def test_two_rows_with_the_same_name_and_different_emails_are_two_contacts_with_a_warning(do_import, afm):
    data = csv_bytes(
        [
            HEADER,
            ["Jan", "", "Smit", "jan@a.example", "", "", "", ""],
            ["Jan", "", "Smit", "jan@b.example", "", "", "", ""],
        ]
    )

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert Contact.objects.count() == 2
    assert [w["row"] for w in result.summary["warnings"]] == [3]
    assert "Mogelijk dubbel: er is al een Jan Smit (jan@a.example)" in result.summary["warnings"][0]["message"]


def test_a_changed_organisation_is_reported_by_name(do_import):
    known = ContactFactory(email="eva@hia.example", organisation=OrganisationFactory(name="Oud", slug="oud"))
    data = csv_bytes([["E-mail", "Organisatie"], ["eva@hia.example", "Politie Eenheid Rotterdam"]])

    result = do_import(data, file_name="lijst.csv")

    assert result.rows[0].changes == {"organisation": ("Oud", "Politie Eenheid Rotterdam")}
    known.refresh_from_db()
    assert known.organisation.name == "Politie Eenheid Rotterdam"


def test_an_unknown_spelling_of_another_known_organisation_never_moves_a_contact(do_import):
    own = OrganisationFactory(name="Gemeente Rotterdam test", slug="gemeente-rotterdam-test")
    OrganisationFactory(name="Politie Eenheid Rotterdam", slug="politie-eenheid-rotterdam")
    known = ContactFactory(
        first_name="Xandra", tussenvoegsel="van", last_name="Beek", email="x@var.example", organisation=own
    )
    organisations = set(own.__class__.objects.values_list("name", flat=True))
    data = csv_bytes([["E-mail", "Organisatie"], ["x@var.example", "Politie  Rotterdam"]])

    preview = do_import(data, file_name="lijst.csv", dry_run=True)
    result = do_import(data, file_name="lijst.csv")

    known.refresh_from_db()
    assert known.organisation == own, "an unknown near-spelling does not take the contact over"
    assert set(own.__class__.objects.values_list("name", flat=True)) == organisations, "no near-duplicate created"
    assert result.summary["contacts"]["unchanged"] == 1
    [warning] = result.summary["warnings"]
    for named in ("'Politie Rotterdam'", "'Politie Eenheid Rotterdam'", "Xandra van Beek", "'Gemeente Rotterdam test'"):
        assert named in warning["message"]
    assert preview.summary["warnings"] == result.summary["warnings"], "the preview says it first"


def test_a_really_new_organisation_moves_a_contact_and_says_so(do_import):
    own = OrganisationFactory(name="Gemeente Rotterdam test", slug="gemeente-rotterdam-test")
    known = ContactFactory(email="x@var.example", organisation=own)
    data = csv_bytes([["E-mail", "Organisatie"], ["x@var.example", "Stichting Nieuw Begin"]])

    result = do_import(data, file_name="lijst.csv")

    known.refresh_from_db()
    assert known.organisation.name == "Stichting Nieuw Begin"
    assert result.rows[0].changes == {"organisation": ("Gemeente Rotterdam test", "Stichting Nieuw Begin")}
    assert any("nieuw en wordt aangemaakt" in w["message"] for w in result.summary["warnings"])
