"""The importer asks the registry for the file's keys only (IMPORT.md; issue 10, deliverable 7)."""

import datetime

import pytest

from network import selectors
from network.importing import ImportOptions, run_import
from tests.factories import ContactFactory, MembershipFactory
from tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


def test_only_the_contacts_the_file_names_are_loaded():
    wanted = ContactFactory(email="Ans@Var.example", last_name="Kok")
    by_name = ContactFactory(email="", last_name="Berg")
    ContactFactory(email="other@var.example", last_name="Anders")

    found = selectors.contact_values_for_import(emails={"ans@var.example"}, last_names={"berg"})

    assert {values[0] for values in found} == {wanted.pk, by_name.pk}


def test_more_keys_than_sqlite_allows_parameters_is_one_query(django_assert_num_queries):
    ContactFactory(email="persoon1999@var.example", last_name="Laatste")
    emails = {f"persoon{n}@var.example" for n in range(2000)}
    last_names = {f"achter{n}" for n in range(2000)}

    with django_assert_num_queries(1):
        found = list(selectors.contact_values_for_import(emails=emails, last_names=last_names))

    assert [values[5] for values in found] == ["persoon1999@var.example"]


def test_roles_are_loaded_for_the_file_s_contacts_unless_syncing(afm):
    mine = MembershipFactory(network=afm, contact__email="ans@var.example")
    other = MembershipFactory(network=afm, contact__email="bob@var.example")

    some = selectors.membership_values_for_import(network_ids=[afm.pk], contact_ids=[mine.contact_id])
    every = selectors.membership_values_for_import(network_ids=[afm.pk])

    assert [values[0] for values in some] == [mine.pk]
    assert {values[0] for values in every} == {mine.pk, other.pk}


def test_a_contact_stored_with_the_tussenvoegsel_in_the_last_name_is_still_found(actor):
    known = ContactFactory(first_name="Merel", tussenvoegsel="", last_name="van Dijk", email="", organisation=None)
    data = csv_bytes([["Voornaam", "Tussenvoegsel", "Achternaam", "Functie"], ["Merel", "van", "Dijk", "AOV"]])

    result = run_import(
        actor=actor, file=data, file_name="a.csv", options=ImportOptions(as_of=datetime.date(2021, 3, 1))
    )

    assert result.summary["contacts"] == {"new": 0, "updated": 1, "unchanged": 0}
    known.refresh_from_db()
    assert known.job_title == "AOV"
