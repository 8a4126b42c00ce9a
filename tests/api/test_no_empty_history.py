"""A write that changes nothing records nothing: no history row for an empty or same-value PATCH (issue 11)."""

import pytest

from network.models import Contact, Membership
from tests.factories import ContactFactory, MembershipFactory


@pytest.mark.parametrize("body", [{}, "same"])
def test_an_empty_or_same_value_membership_patch_writes_no_history(editor_client, body):
    membership = MembershipFactory()
    before = Membership.history.filter(id=membership.pk).count()
    if body == "same":
        body = {"start_date": membership.start_date.isoformat(), "role": membership.role, "notes": membership.notes}
    response = editor_client.patch(f"/api/v1/memberships/{membership.pk}/", body, format="json")
    assert response.status_code == 200
    assert Membership.history.filter(id=membership.pk).count() == before


def test_a_membership_patch_that_changes_something_writes_one_history_row(editor_client):
    membership = MembershipFactory()
    before = Membership.history.filter(id=membership.pk).count()
    response = editor_client.patch(f"/api/v1/memberships/{membership.pk}/", {"notes": "nieuw"}, format="json")
    assert response.status_code == 200
    assert Membership.history.filter(id=membership.pk).count() == before + 1


@pytest.mark.parametrize("body", [{}, "same"])
def test_an_empty_or_same_value_contact_patch_writes_no_history(editor_client, body):
    contact = ContactFactory()
    before = Contact.history.filter(id=contact.pk).count()
    if body == "same":
        body = {"last_name": contact.last_name, "email": contact.email}
    response = editor_client.patch(f"/api/v1/contacts/{contact.pk}/", body, format="json")
    assert response.status_code == 200
    assert Contact.history.filter(id=contact.pk).count() == before


def test_the_same_status_change_twice_records_one_change(editor_client):
    body = {"gemeente": "GM0606", "network": "hackshield", "status": "benaderd", "date": "2021-06-01", "note": "mail"}
    assert editor_client.post("/api/v1/participations/", body, format="json").status_code in (200, 201)
    first = editor_client.get("/api/v1/participations/?gemeente=GM0606&network=hackshield").json()["results"][0]
    participation_id = first["id"]
    again = editor_client.post(
        f"/api/v1/participations/{participation_id}/status/",
        {"status": "benaderd", "date": "2021-06-01", "note": "mail"},
        format="json",
    )
    assert again.status_code in (200, 201)
    detail = editor_client.get(f"/api/v1/participations/{participation_id}/").json()
    assert len(detail["changes"]) == 1
