"""The events API of EVENTS.md: list and create, detail with counts and gemeenten, attendees, invitations, the
attendance import over HTTP and the year in figures; a raadpleger reads but cannot invite or import."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from network import services
from tests.factories import ContactFactory, MembershipFactory, gemeente, user_with_role
from tests.helpers import token_client

from .conftest import registration_csv


@pytest.fixture
def kernteam_client(db):
    return token_client(user_with_role("kernteam", username="kernteam-api"))


@pytest.fixture
def reader_client(raadpleger):
    return token_client(raadpleger)


def test_create_list_filter_and_detail(kernteam_client, reader_client):
    body = {"title": "Leerhuis hoorplicht WVGZ", "kind": "leerhuis", "date": "2021-04-12", "format": "digitaal",
            "status": "gehouden", "themes": [], "networks": ["hackshield"]}  # fmt: skip
    response = kernteam_client.post("/api/v1/events/", body, format="json")
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert slug == "leerhuis-hoorplicht-wvgz"
    assert response.json()["counts"] == {"invited": 0, "registered": 0, "attended": 0, "no_show": 0, "cancelled": 0}
    listed = reader_client.get("/api/v1/events/", {"year": 2021, "kind": "leerhuis", "network": "hackshield"})
    assert [e["slug"] for e in listed.json()["results"]] == [slug]
    assert reader_client.get("/api/v1/events/", {"year": 2020}).json()["results"] == []
    assert reader_client.get("/api/v1/events/", {"year": "twintig"}).status_code == 400
    detail = reader_client.get(f"/api/v1/events/{slug}/").json()
    assert detail["gemeenten"] == []
    patched = kernteam_client.patch(f"/api/v1/events/{slug}/", {"status": "geannuleerd"}, format="json")
    assert patched.json()["status"] == "geannuleerd"


def test_a_raadpleger_reads_but_cannot_create_invite_or_import(reader_client, event):
    assert reader_client.get(f"/api/v1/events/{event.slug}/").status_code == 200
    assert reader_client.get(f"/api/v1/events/{event.slug}/attendees/").status_code == 200
    assert reader_client.post("/api/v1/events/", {"title": "x"}, format="json").status_code == 403
    assert reader_client.post(f"/api/v1/events/{event.slug}/invitations/", {}, format="json").status_code == 403
    upload = io.BytesIO(registration_csv())
    upload.name = "lijst.csv"
    response = reader_client.post(f"/api/v1/events/{event.slug}/attendance-imports/", {"file": upload})
    assert response.status_code == 403
    assert (
        reader_client.post(
            f"/api/v1/events/{event.slug}/attendees/", {"contact": 1, "status": "aanwezig"}, format="json"
        ).status_code
        == 403
    )


def test_attendees_post_and_counts(kernteam_client, event, people):
    response = kernteam_client.post(
        f"/api/v1/events/{event.slug}/attendees/",
        {"contact": people["jan"].pk, "status": "aanwezig", "role": "spreker"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["gemeente"] == "GM0606"
    detail = kernteam_client.get(f"/api/v1/events/{event.slug}/").json()
    assert detail["counts"]["attended"] == 1
    assert detail["gemeenten"] == ["GM0606"]


def test_invitations_on_the_event_date_leave_out_ended_roles_and_objections(kernteam_client, event, afm, actor):
    current = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
    ended = MembershipFactory(
        network=afm, start_date=datetime.date(2020, 1, 1), end_date=event.date - datetime.timedelta(days=1)
    ).contact
    objector = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
    services.contact_set_mailing_objection(actor=actor, contact=objector, on=datetime.date(2021, 1, 5))
    url = f"/api/v1/events/{event.slug}/invitations/"
    dry = kernteam_client.post(url, {"networks": [afm.slug], "dry_run": True}, format="json").json()
    assert dry["contacts"] == [current.pk]
    assert dry["objected"] == 1
    assert dry["bcc"] == current.email
    assert ended.pk not in dry["contacts"]
    response = kernteam_client.post(url, {"networks": [afm.slug]}, format="json")
    assert response.status_code == 201
    assert kernteam_client.get(f"/api/v1/events/{event.slug}/").json()["counts"]["invited"] == 1
    assert kernteam_client.post(url, {"networks": [afm.slug]}, format="json").json()["added"] == 0


def test_attendance_import_over_http_answers_the_contract(kernteam_client, event, people):
    upload = io.BytesIO(registration_csv())
    upload.name = "aanwezigheid.csv"
    response = kernteam_client.post(
        f"/api/v1/events/{event.slug}/attendance-imports/", {"file": upload, "dry_run": "true"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["attendees"] == {"new": 2, "updated": 0, "unchanged": 0}
    upload.seek(0)
    response = kernteam_client.post(f"/api/v1/events/{event.slug}/attendance-imports/", {"file": upload})
    assert response.status_code == 201
    assert response.json()["batch"]
    bad = io.BytesIO(b"\x89PNG")
    bad.name = "x.png"
    assert kernteam_client.post(f"/api/v1/events/{event.slug}/attendance-imports/", {"file": bad}).status_code == 422


def test_year_report_json_and_xlsx(reader_client, event, people, actor):
    services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig")
    ContactFactory()
    data = reader_client.get("/api/v1/reports/years/2021/").json()
    assert data["events"]["total"] == 1
    assert data["people_reached"] == 1
    assert "GM0606" in data["gemeenten"]["reached"]
    assert gemeente("GM0599").code in data["gemeenten"]["not_reached"]
    response = reader_client.get("/api/v1/reports/years/2021/", {"format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Jaaroverzicht 2021"
