"""API writes of the domain: roles, handovers, contacts, participation and outreach through the services."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from network.models import Membership, Participation
from tests.factories import ContactFactory, MembershipFactory, network

pytestmark = pytest.mark.django_db


def test_membership_list_downloads_as_xlsx(exporter_client):
    MembershipFactory(contact=ContactFactory(last_name="@Apenstaart"), network=network("hackshield"))
    MembershipFactory(network=network("aandachtsfunctionarissen-mensenhandel"))

    response = exporter_client.get("/api/v1/memberships/?network=hackshield&format=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-5:] == ("Netwerk", "Rol", "Gemeente", "Startdatum", "Einddatum")
    assert len(rows) == 2
    assert rows[1][2] == "@Apenstaart"
    assert sheet.cell(row=2, column=3).data_type == "s"


# --- ending and handing over roles ----------------------------------------------------------------------------------


def test_ending_a_role_keeps_it_as_history(editor_client):
    membership = MembershipFactory()
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2021-06-30"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2021-06-30"
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2021, 6, 30)


def test_ending_an_ended_role_is_a_conflict(editor_client):
    membership = MembershipFactory(end_date=datetime.date(2021, 6, 30))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2021-07-31"}, format="json"
    )
    assert response.status_code == 409
    assert response.json() == {"detail": "Deze rol is al beëindigd op 30-06-2021."}


def test_ending_before_the_start_is_a_field_error(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2020-12-01"}, format="json"
    )
    assert response.status_code == 400
    assert "end_date" in response.json()


def test_an_overlapping_membership_is_a_conflict_and_nothing_is_written(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    body = {
        "contact": membership.contact_id,
        "network": membership.network.slug,
        "role": membership.role,
        "gemeente": membership.gemeente.code,
        "start_date": "2021-06-01",
    }
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 409
    assert "heeft deze rol" in response.json()["detail"]
    assert Membership.objects.count() == 1


def test_creating_a_membership_names_related_objects_by_natural_key(editor_client):
    contact = ContactFactory()
    body = {"contact": contact.pk, "network": "hackshield", "gemeente": "GM0599", "start_date": "2021-03-01"}
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 201
    created = response.json()
    assert created["role"] == "contactpersoon"
    assert created["gemeente"]["code"] == "GM0599"
    assert created["source"] == "Handmatig"
    unknown = editor_client.post("/api/v1/memberships/", {**body, "gemeente": "GM9999"}, format="json")
    assert unknown.status_code == 400
    assert list(unknown.json()) == ["gemeente"]


def test_a_membership_for_a_gemeente_that_no_longer_exists_is_a_field_error(editor_client):
    body = {"contact": ContactFactory().pk, "network": "hackshield", "gemeente": "GM0501", "start_date": "2023-02-01"}
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 400
    assert "Voorne aan Zee" in response.json()["gemeente"][0]


def test_handover_ends_the_role_the_day_before_and_starts_the_successor(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2020, 1, 1))
    successor = ContactFactory(first_name="Sanne", last_name="Opvolger")

    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/handover/",
        {"successor": successor.pk, "date": "2021-09-01"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["ended"]["id"] == membership.pk
    assert body["ended"]["end_date"] == "2021-08-31"
    assert body["started"]["contact"]["full_name"] == "Sanne Opvolger"
    assert body["started"]["start_date"] == "2021-09-01"
    assert body["started"]["role"] == membership.role
    assert body["started"]["gemeente"]["code"] == membership.gemeente.code


def test_handover_to_the_same_person_is_refused_and_changes_nothing(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2020, 1, 1))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/handover/",
        {"successor": membership.contact_id, "date": "2021-09-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "successor" in response.json()
    membership.refresh_from_db()
    assert membership.end_date is None


def test_correcting_a_membership(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    response = editor_client.patch(
        f"/api/v1/memberships/{membership.pk}/",
        {"start_date": "2021-02-01", "notes": "Datum gecorrigeerd"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["start_date"] == "2021-02-01"
    assert response.json()["notes"] == "Datum gecorrigeerd"


# --- contacts, participations, outreach -------------------------------------------------------------------------------


def test_a_contact_with_an_email_in_use_is_a_conflict(editor_client):
    ContactFactory(email="dubbel@gemeente.example")
    response = editor_client.post(
        "/api/v1/contacts/", {"last_name": "Tweede", "email": "Dubbel@Gemeente.example"}, format="json"
    )
    assert response.status_code == 409
    assert "email" in response.json()


def test_a_contact_is_created_and_changed_through_the_services(editor_client, editor):
    response = editor_client.post(
        "/api/v1/contacts/",
        {"first_name": "Jan", "tussenvoegsel": "van der", "last_name": "Berg", "organisation": None},
        format="json",
    )
    assert response.status_code == 201
    contact = response.json()
    assert contact["sort_name"] == "Berg, Jan van der"
    changed = editor_client.patch(f"/api/v1/contacts/{contact['id']}/", {"job_title": "AOV'er"}, format="json")
    assert changed.json()["job_title"] == "AOV'er"
    assert changed.json()["last_name"] == "Berg"
    from network.models import Contact

    assert Contact.history.filter(id=contact["id"]).latest("history_date").history_user == editor


def test_a_value_of_the_wrong_json_type_is_refused(editor_client):
    response = editor_client.post("/api/v1/contacts/", {"last_name": 12}, format="json")
    assert response.status_code == 400
    assert response.json() == {"last_name": ["Verwacht tekst."]}


def test_participation_status_changes_are_dated_and_kept(editor_client, editor):
    created = editor_client.post(
        "/api/v1/participations/",
        {"gemeente": "GM0606", "network": "hackshield", "status": "benaderd", "date": "2021-01-10"},
        format="json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    response = editor_client.post(
        f"/api/v1/participations/{pk}/status/",
        {"status": "deelnemer", "date": "2021-04-01", "note": "Convenant getekend"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "deelnemer"
    assert body["status_date"] == "2021-04-01"
    assert [(c["status"], c["date"], c["changed_by"]["username"]) for c in body["changes"]] == [
        ("benaderd", "2021-01-10", editor.username),
        ("deelnemer", "2021-04-01", editor.username),
    ]
    assert Participation.objects.get(pk=pk).status == "deelnemer"


def test_outreach_is_logged_with_the_requesting_user(editor_client, editor):
    response = editor_client.post(
        "/api/v1/outreach/",
        {
            "gemeente": "GM0606",
            "network": "hackshield",
            "date": "2021-02-01",
            "channel": "telefoon",
            "follow_up_date": "2021-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "follow_up_date" in response.json()
    response = editor_client.post(
        "/api/v1/outreach/",
        {"gemeente": "GM0606", "network": "hackshield", "date": "2021-02-01", "channel": "telefoon"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["user"]["username"] == editor.username


def test_outreach_with_a_status_sets_the_participation_in_the_same_request(editor_client, editor):
    response = editor_client.post(
        "/api/v1/outreach/",
        {"gemeente": "GM0606", "network": "hackshield", "date": "2021-02-01", "channel": "overleg", "status": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert "status" in response.json()
    response = editor_client.post(
        "/api/v1/outreach/",
        {
            "gemeente": "GM0606",
            "network": "hackshield",
            "date": "2021-02-01",
            "channel": "overleg",
            "outcome": "Doet mee",
            "status": "deelnemer",
        },
        format="json",
    )
    assert response.status_code == 201
    participation = Participation.objects.get(gemeente__code="GM0606", network__slug="hackshield")
    assert (participation.status, str(participation.status_date)) == ("deelnemer", "2021-02-01")
    assert participation.changes.get().changed_by == editor


def test_an_existing_organisation_is_a_conflict(editor_client):
    response = editor_client.post("/api/v1/organisations/", {"name": "Politie Eenheid Rotterdam"}, format="json")
    assert response.status_code == 409
