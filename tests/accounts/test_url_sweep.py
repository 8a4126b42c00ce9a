"""Every URL pattern, anonymous: pages redirect to a login, the API answers 401; only the login pages, static
files, /health/ and the API's own login and documentation are open. New pages are swept automatically."""

import pytest
from django.urls import reverse

from tests.accounts.urlsweep import all_routes

# Open without login, by design: logging in itself, the load balancer's health check, and from the API issue
# the token endpoint and the schema documentation.
PUBLIC = {
    "login",
    "logout",
    "admin:login",
    "admin:logout",
    "accounts:health",
    "api:token",
    "api:schema",
    "api:docs",
    # The personal verification page: its signed link is the credential (issue 14).
    "network:verification-page",
}

# Not a page: the API's JSON 404 for a path that matches no route (the route list is public in the schema).
NOT_A_PAGE = {"api:not-found"}

ROUTES = [route for route in all_routes() if route.name not in NOT_A_PAGE]


def test_the_sweep_builds_a_path_for_every_pattern_that_resolves_back_to_it():
    from django.urls import resolve

    expected = {"/admin/", "/health/", "/admin/accounts/exportlog/", "/api/v1/contacts/", "/gemeenten/", "/"}
    assert expected <= {route.path for route in ROUTES}
    for route in ROUTES:
        assert resolve(route.path).func == route.callback, route.path


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name not in PUBLIC], ids=lambda r: r.path)
def test_anonymous_is_sent_to_login_or_gets_401(client, db, route):
    response = client.get(route.path)
    if route.is_api:
        assert response.status_code == 401, route.path
    elif route.is_admin:
        assert response.status_code == 302, route.path
        assert response["Location"].startswith((reverse("admin:login"), reverse("login"))), route.path
    else:
        assert response.status_code == 302, route.path
        assert response["Location"].startswith(reverse("login")), route.path


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in PUBLIC], ids=lambda r: r.path)
def test_public_pages_answer_without_login(client, db, route):
    response = client.get(route.path)
    assert response.status_code < 500
    assert response.status_code != 401
    location = response.get("Location", "")
    assert not (location.startswith(reverse("login")) and route.name != "logout")


def test_static_files_need_no_login(client, db):
    assert client.get("/static/admin/css/base.css").status_code == 200
