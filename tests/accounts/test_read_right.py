"""Reading the registry takes a role: a login alone shows nothing, through the web as through the API."""

import pytest
from django.urls import reverse

from accounts.roles import RAADPLEGER
from tests.factories import user_with_role

READ_PAGES = [
    ("network:dashboard", {}),
    ("network:gemeente-list", {}),
    ("network:gemeente-detail", {"code": "GM0606"}),
    ("network:network-list", {}),
    ("network:network-detail", {"slug": "hackshield"}),
    ("network:coverage-board", {}),
    ("network:contact-list", {}),
    ("network:search", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES)
def test_a_login_without_a_role_sees_no_registry_page(client, db, name, kwargs):
    client.force_login(user_with_role(None, username="zonderrol"))
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 403
    assert "leesrechten" in response.content.decode()


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES)
def test_a_raadpleger_reads_every_registry_page(client, db, name, kwargs):
    client.force_login(user_with_role(RAADPLEGER, username="lezer"))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


def test_a_login_without_a_role_reads_nothing_through_the_api(client, db):
    client.force_login(user_with_role(None, username="zonderrol"))
    assert client.get("/api/v1/gemeenten/").status_code == 403
