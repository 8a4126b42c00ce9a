"""CSRF: every form and every session-authenticated API write refuses a POST without the token."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.urlsweep import all_routes

# Logins by username and password, without a session to ride on: CSRF is not what protects them. And the API's
# JSON 404 for paths that match no route, which does nothing.
NO_SESSION = {"api:token", "api:not-found"}


@pytest.fixture
def csrf_client(superuser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("route", [r for r in all_routes() if r.name not in NO_SESSION], ids=lambda r: r.path)
def test_post_without_csrf_token_is_refused_everywhere(csrf_client, route):
    response = csrf_client.post(route.path, {"name": "x"})
    assert response.status_code == 403, route.path


def test_the_same_form_with_its_token_is_accepted(db):
    from tests.factories import UserFactory

    UserFactory(username="ria", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("admin:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("admin:login"), {"username": "ria", "password": "geheim-wachtwoord-1", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
