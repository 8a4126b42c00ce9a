"""Paging through contacts or roles in the API beyond a threshold is logged like a download (issue 11)."""

import pytest

from accounts.models import ExportLog
from tests.factories import ContactFactory, MembershipFactory


@pytest.fixture
def contacts(db):
    return ContactFactory.create_batch(12)


@pytest.fixture
def thresholds(settings):
    settings.API_BULK_READ_PAGES = 3
    settings.API_BULK_READ_ROWS = 10


def test_looking_someone_up_is_not_logged(reader_client, contacts, thresholds):
    assert reader_client.get("/api/v1/contacts/", {"page_size": 3}).status_code == 200
    assert reader_client.get("/api/v1/contacts/", {"page_size": 3, "page": 2}).status_code == 200
    assert not ExportLog.objects.exists()


def test_a_raadpleger_paging_past_the_row_threshold_is_logged(reader_client, reader, contacts, thresholds):
    for page in (1, 2, 3):
        assert reader_client.get("/api/v1/contacts/", {"page_size": 3, "page": page}).status_code == 200
    assert not ExportLog.objects.exists()
    reader_client.get("/api/v1/contacts/", {"page_size": 3, "page": 4})
    [log] = ExportLog.objects.all()
    assert (log.user, log.door, log.format, log.rows) == (reader, "api", "json", 3)
    assert log.list_name == "Contactpersonen (API, rij 10–12)"
    assert log.filters == {"page_size": "3", "page": "4"}


def test_one_big_page_past_the_row_threshold_is_logged(reader_client, contacts, thresholds):
    reader_client.get("/api/v1/contacts/", {"page_size": 50})
    [log] = ExportLog.objects.all()
    assert log.rows == 12


def test_a_page_past_the_page_threshold_is_logged_for_roles(reader_client, db, settings):
    settings.API_BULK_READ_PAGES = 3
    settings.API_BULK_READ_ROWS = 1000
    MembershipFactory.create_batch(4)
    reader_client.get("/api/v1/memberships/", {"page_size": 1, "page": 4})
    [log] = ExportLog.objects.all()
    assert log.list_name.startswith("Rollen (API, rij 4")
