"""Every list and domain endpoint answers from a fixed number of queries, measured over several rows with related data.

Three of them are the request's own: the token (with its user) and the user's and groups' permissions.
A download adds three more: the export log row, in its own savepoint.
"""

import datetime

import pytest

from network import services
from network.models import ImportBatch
from tests.factories import MembershipFactory, OutreachFactory, gemeente, network

pytestmark = pytest.mark.django_db

CODES = ["GM0606", "GM0599", "GM0505", "GM0613", "GM0489", "GM0502", "GM0642", "GM0622"]


@pytest.fixture
def busy_registry(actor):
    """Eight gemeenten, each with two roles, an outreach, a participation with two status changes, an import."""
    for code in CODES:
        ImportBatch.objects.create(
            file_name=f"{code}.xlsx", sha256=code * 8, user=actor, network=network("hackshield"), as_of="2021-01-01"
        )
        for slug in ["hackshield", "aandachtsfunctionarissen-mensenhandel"]:
            MembershipFactory(network=network(slug), gemeente=gemeente(code), start_date=datetime.date(2021, 1, 1))
        OutreachFactory(gemeente=gemeente(code), user=actor)
        for status, day in [("benaderd", datetime.date(2021, 1, 5)), ("deelnemer", datetime.date(2021, 2, 5))]:
            services.participation_set_status(
                actor=actor, gemeente=gemeente(code), network=network("hackshield"), status=status, on=day
            )


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/api/v1/regions/", 5),
        ("/api/v1/gemeenten/", 6),
        ("/api/v1/themes/", 5),
        ("/api/v1/networks/", 5),
        ("/api/v1/organisations/", 5),
        ("/api/v1/contacts/", 6),
        ("/api/v1/contacts/?gemeente=GM0606&network=hackshield&active_on=2021-03-01", 6),
        ("/api/v1/memberships/", 5),
        ("/api/v1/memberships/?region=RR&active_on=2021-03-01", 5),
        ("/api/v1/participations/", 6),
        ("/api/v1/outreach/", 5),
        ("/api/v1/import-batches/", 5),
        ("/api/v1/gemeenten/GM0606/contacts/?date=2021-03-01", 6),
        ("/api/v1/networks/hackshield/coverage/?date=2021-03-01", 9),
        ("/api/v1/networks/hackshield/coverage/?date=2021-03-01&format=xlsx", 12),
        ("/api/v1/contacts/?format=csv", 7),
        ("/api/v1/memberships/?format=xlsx", 7),
    ],
)
def test_query_count_is_fixed(exporter_client, busy_registry, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        response = exporter_client.get(url)
    assert response.status_code == 200


def test_contact_detail_query_count_is_fixed(reader_client, busy_registry, django_assert_num_queries):
    contact_id = reader_client.get("/api/v1/memberships/").json()["results"][0]["contact"]["id"]
    with django_assert_num_queries(5):
        assert reader_client.get(f"/api/v1/contacts/{contact_id}/").status_code == 200


def test_the_pinned_lists_really_hold_several_rows(reader_client, busy_registry):
    assert reader_client.get("/api/v1/memberships/").json()["count"] == 16
    assert reader_client.get("/api/v1/participations/").json()["count"] == 8
    assert reader_client.get("/api/v1/outreach/").json()["count"] == 8
    assert reader_client.get("/api/v1/import-batches/").json()["count"] == 8
    coverage = reader_client.get("/api/v1/networks/hackshield/coverage/?date=2021-03-01").json()
    assert coverage["summary"]["covered"] == 8
