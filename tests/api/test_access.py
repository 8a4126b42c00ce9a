"""Who gets in: anonymous 401 (with a token challenge), no permission 403, the model permission 2xx."""

import pytest
from django.contrib.auth.models import Permission

from network.models import Membership
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory
from tests.helpers import token_client

pytestmark = pytest.mark.django_db

READ_URLS = [
    "/api/v1/regions/",
    "/api/v1/regions/RR/",
    "/api/v1/gemeenten/",
    "/api/v1/gemeenten/GM0599/",
    "/api/v1/gemeenten/GM0599/contacts/",
    "/api/v1/themes/",
    "/api/v1/themes/mensenhandel/",
    "/api/v1/networks/",
    "/api/v1/networks/hackshield/",
    "/api/v1/networks/hackshield/coverage/",
    "/api/v1/organisations/",
    "/api/v1/contacts/",
    "/api/v1/memberships/",
    "/api/v1/participations/",
    "/api/v1/outreach/",
    "/api/v1/import-batches/",
]


@pytest.mark.parametrize("url", READ_URLS)
def test_anonymous_read_gets_401_with_a_token_challenge(anonymous_client, url):
    response = anonymous_client.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("url", READ_URLS)
def test_read_without_view_permission_is_forbidden(stranger_client, url):
    assert stranger_client.get(url).status_code == 403


@pytest.mark.parametrize("url", READ_URLS)
def test_read_with_view_permission_succeeds(reader_client, url):
    assert reader_client.get(url).status_code == 200


def test_detail_endpoints_of_records_follow_the_same_rules(anonymous_client, stranger_client, reader_client):
    membership = MembershipFactory()
    outreach = OutreachFactory()
    for url in [
        f"/api/v1/contacts/{membership.contact_id}/",
        f"/api/v1/memberships/{membership.pk}/",
        f"/api/v1/organisations/{membership.contact.organisation_id}/",
        f"/api/v1/outreach/{outreach.pk}/",
    ]:
        assert anonymous_client.get(url).status_code == 401, url
        assert stranger_client.get(url).status_code == 403, url
        assert reader_client.get(url).status_code == 200, url


def test_a_view_permission_on_one_model_opens_only_that_resource(stranger, stranger_client):
    stranger.user_permissions.add(Permission.objects.get(codename="view_network"))
    assert stranger_client.get("/api/v1/networks/").status_code == 200
    assert stranger_client.get("/api/v1/contacts/").status_code == 403
    # Coverage reads memberships, participations and outreach too.
    assert stranger_client.get("/api/v1/networks/hackshield/coverage/").status_code == 403


WRITE_CASES = [
    ("post", "/api/v1/contacts/", {"last_name": "Jansen"}),
    ("post", "/api/v1/organisations/", {"name": "Stichting Buurtpreventie"}),
    (
        "post",
        "/api/v1/outreach/",
        {"gemeente": "GM0606", "network": "hackshield", "date": "2021-02-01", "channel": "email"},
    ),
    (
        "post",
        "/api/v1/participations/",
        {"gemeente": "GM0606", "network": "hackshield", "status": "benaderd", "date": "2021-02-01"},
    ),
]


@pytest.mark.parametrize(("method", "url", "body"), WRITE_CASES)
def test_write_needs_the_add_permission(anonymous_client, reader_client, editor_client, method, url, body):
    assert getattr(anonymous_client, method)(url, body, format="json").status_code == 401
    assert getattr(reader_client, method)(url, body, format="json").status_code == 403
    assert getattr(editor_client, method)(url, body, format="json").status_code == 201


def test_membership_writes_need_add_and_change_permissions(reader_client, editor_client):
    membership = MembershipFactory()
    other = MembershipFactory(gemeente=membership.gemeente).contact
    create = {"contact": other.pk, "network": "hackshield", "start_date": "2021-01-01"}
    assert reader_client.post("/api/v1/memberships/", create, format="json").status_code == 403
    detail = f"/api/v1/memberships/{membership.pk}/"
    assert reader_client.patch(detail, {"notes": "x"}, format="json").status_code == 403
    end = f"/api/v1/memberships/{membership.pk}/end/"
    assert reader_client.post(end, {"end_date": "2021-06-30"}, format="json").status_code == 403
    assert editor_client.post("/api/v1/memberships/", create, format="json").status_code == 201
    assert editor_client.post(end, {"end_date": "2021-06-30"}, format="json").status_code == 200


def test_deleting_is_not_offered_even_to_a_superuser(superuser):
    membership = MembershipFactory()
    client = token_client(superuser)
    assert client.delete(f"/api/v1/memberships/{membership.pk}/").status_code == 405
    assert client.delete(f"/api/v1/contacts/{membership.contact_id}/").status_code == 405
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_session_login_works_too(client, reader):
    client.force_login(reader)
    assert client.get("/api/v1/networks/").status_code == 200


def test_token_endpoint_trades_credentials_for_a_token(anonymous_client, reader):
    response = anonymous_client.post(
        "/api/v1/auth/token/", {"username": "raadpleger", "password": "geheim-wachtwoord-1"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    anonymous_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert anonymous_client.get("/api/v1/networks/").status_code == 200


def test_token_endpoint_refuses_a_wrong_password_in_dutch(anonymous_client, reader):
    response = anonymous_client.post("/api/v1/auth/token/", {"username": "raadpleger", "password": "fout"})
    assert response.status_code == 400
    assert "inloggen" in str(response.json()).lower() or "gegevens" in str(response.json()).lower()


def test_an_invalid_token_gets_401(anonymous_client):
    anonymous_client.credentials(HTTP_AUTHORIZATION="Token ongeldig")
    assert anonymous_client.get("/api/v1/networks/").status_code == 401


def test_schema_and_docs_are_public(anonymous_client):
    assert anonymous_client.get("/api/v1/schema/").status_code == 200
    assert anonymous_client.get("/api/v1/docs/").status_code == 200


def test_handover_needs_both_change_and_add_permissions(stranger, stranger_client):
    membership = MembershipFactory()
    successor = ContactFactory()
    stranger.user_permissions.add(*Permission.objects.filter(codename__in=["view_membership", "change_membership"]))
    url = f"/api/v1/memberships/{membership.pk}/handover/"
    body = {"successor": successor.pk, "date": "2021-09-01"}
    assert stranger_client.post(url, body, format="json").status_code == 403
    stranger.user_permissions.add(Permission.objects.get(codename="add_membership"))
    stranger = type(stranger).objects.get(pk=stranger.pk)  # fresh permission cache
    assert token_client(stranger).post(url, body, format="json").status_code == 201


def test_a_session_write_without_csrf_token_is_refused(reader, editor):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/api/v1/contacts/", {"last_name": "Zonder"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
