"""Every record's change history (who, when, old → new) is readable through the API by whoever may read it."""

import datetime

import pytest

from network import services
from tests.factories import ContactFactory, MembershipFactory, gemeente, network, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def participation(actor):
    return services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0599"), network=network("hackshield"), status="benaderd", on="2021-01-05"
    )


@pytest.fixture
def history_urls(participation):
    contact = ContactFactory()
    membership = MembershipFactory(contact=contact)
    return {
        "contact": f"/api/v1/contacts/{contact.pk}/history/",
        "membership": f"/api/v1/memberships/{membership.pk}/history/",
        "participation": f"/api/v1/participations/{participation.pk}/history/",
        "network": "/api/v1/networks/hackshield/history/",
    }


@pytest.mark.parametrize("resource", ["contact", "membership", "participation", "network"])
def test_history_requires_login(anonymous_client, history_urls, resource):
    assert anonymous_client.get(history_urls[resource]).status_code == 401


@pytest.mark.parametrize("resource", ["contact", "membership", "participation", "network"])
def test_history_requires_the_right_to_read_the_record(stranger_client, history_urls, resource):
    assert stranger_client.get(history_urls[resource]).status_code == 403


@pytest.mark.parametrize("resource", ["contact", "membership", "participation", "network"])
def test_a_reader_sees_the_history_of_every_record(reader_client, history_urls, resource):
    response = reader_client.get(history_urls[resource])
    assert response.status_code == 200
    assert set(response.json()) == {"count", "next", "previous", "results"}


def test_history_of_an_unknown_record_is_not_found(reader_client):
    assert reader_client.get("/api/v1/contacts/999999/history/").status_code == 404


def test_a_change_through_the_api_shows_who_changed_what_from_old_to_new(editor_client, editor, reader_client):
    contact = ContactFactory(job_title="Beleidsmedewerker", email="jan@gemeente.example")
    editor_client.patch(
        f"/api/v1/contacts/{contact.pk}/", {"job_title": "AOV'er", "email": "j.berg@gemeente.example"}, format="json"
    )
    entries = reader_client.get(f"/api/v1/contacts/{contact.pk}/history/").json()["results"]
    assert [entry["type"] for entry in entries] == ["gewijzigd", "aangemaakt"]
    latest = entries[0]
    assert latest["user"] == "kernteam"
    changes = {change["field"]: change for change in latest["changes"]}
    assert changes["job_title"] == {
        "field": "job_title",
        "label": "Functie",
        "old": "Beleidsmedewerker",
        "new": "AOV'er",
    }
    assert (changes["email"]["old"], changes["email"]["new"]) == ("jan@gemeente.example", "j.berg@gemeente.example")
    assert entries[1]["changes"] == []


def test_ending_a_membership_shows_the_end_date_change(editor_client, reader_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    editor_client.post(f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2021-06-30"}, format="json")
    latest = reader_client.get(f"/api/v1/memberships/{membership.pk}/history/").json()["results"][0]
    assert latest["user"] == "kernteam"
    assert latest["changes"] == [{"field": "end_date", "label": "Einddatum", "old": None, "new": "2021-06-30"}]


def test_a_status_change_shows_the_dutch_labels(actor, participation, reader_client):
    services.participation_set_status(
        actor=actor, gemeente=participation.gemeente, network=participation.network, status="deelnemer", on="2021-02-05"
    )
    latest = reader_client.get(f"/api/v1/participations/{participation.pk}/history/").json()["results"][0]
    status = next(change for change in latest["changes"] if change["field"] == "status")
    assert (status["old"], status["new"]) == ("Benaderd", "Deelnemer")


def test_the_history_of_an_anonymised_contact_stays_anonymous(editor_client, reader_client):
    contact = ContactFactory(last_name="Geheimhouder", email="geheim@gemeente.example")
    editor_client.patch(f"/api/v1/contacts/{contact.pk}/", {"email": "anders@gemeente.example"}, format="json")
    services.contact_anonymise(actor=user_with_role("beheerder", username="avg-beheerder"), contact=contact)
    response = reader_client.get(f"/api/v1/contacts/{contact.pk}/history/")
    assert response.json()["results"][0]["user"] == "avg-beheerder"
    body = response.content.decode()
    assert "Geheimhouder" not in body
    assert "geheim@gemeente.example" not in body
    assert "anders@gemeente.example" not in body


def test_history_is_paginated_newest_first(reader_client):
    contact = ContactFactory()
    for number in range(5):
        contact.job_title = f"Functie {number}"
        contact.save()
    response = reader_client.get(f"/api/v1/contacts/{contact.pk}/history/?page_size=2").json()
    assert response["count"] == 6
    assert [entry["changes"][0]["new"] for entry in response["results"]] == ["Functie 4", "Functie 3"]


@pytest.mark.parametrize("records", [2, 10])
def test_history_query_count_does_not_grow_with_the_records(reader_client, django_assert_num_queries, records):
    contact = ContactFactory()
    MembershipFactory(contact=contact)
    for number in range(records - 1):
        contact.job_title = f"Functie {number}"
        contact.save()
    with django_assert_num_queries(6):
        response = reader_client.get(f"/api/v1/contacts/{contact.pk}/history/")
    assert response.json()["count"] == records
