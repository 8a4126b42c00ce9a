"""Format-suffix addresses (`…/contacts.json`) are no routes of the API: a Dutch JSON 404, never a 500 (issue 11).

`?format=json|xlsx|csv` is the one way to ask for a format.
"""

import pytest

from tests.factories import MembershipFactory


@pytest.fixture
def ids(db):
    membership = MembershipFactory()
    return {"membership": membership.pk, "contact": membership.contact_id, "participation": 1}


GETS = [
    "/api/v1/gemeenten/GM0606/contacts.json",
    "/api/v1/gemeenten/GM0606/contacts.csv",
    "/api/v1/networks/hackshield/coverage.csv",
    "/api/v1/networks/hackshield/coverage.xlsx",
    "/api/v1/networks/hackshield/coverage.json",
    "/api/v1/contacts.json",
    "/api/v1/contacts/{contact}.json",
    "/api/v1/memberships.csv",
    "/api/v1/gemeenten.json",
]
POSTS = [
    "/api/v1/memberships/{membership}/end.json",
    "/api/v1/memberships/{membership}/handover.json",
    "/api/v1/participations/{participation}/status.json",
    "/api/v1/import-batches/1/undo.json",
    "/api/v1/auth/token.json",
]


def _assert_dutch_404(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "Dit adres bestaat niet in de API" in response.json()["detail"]


@pytest.mark.parametrize("url", GETS)
def test_a_format_suffix_on_a_read_is_a_404(editor_client, ids, url):
    _assert_dutch_404(editor_client.get(url.format(**ids)))


@pytest.mark.parametrize("url", POSTS)
def test_a_format_suffix_on_a_write_is_a_404(editor_client, ids, url):
    _assert_dutch_404(editor_client.post(url.format(**ids), {}, format="json"))


def test_the_format_parameter_still_works(editor_client, ids):
    assert editor_client.get("/api/v1/networks/hackshield/coverage/", {"format": "csv"}).status_code == 200
    assert editor_client.get("/api/v1/gemeenten/GM0606/contacts/", {"format": "json"}).status_code == 200
