"""Edge dates on the web: pages show today with a Dutch warning, downloads refuse with a 400 (issue 11, 13.4)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from common.dates import EARLIEST, FORMAT_MESSAGE, LATEST, RANGE_MESSAGE, InvalidDate, parse_registry_date
from tests.factories import UserFactory

EDGE_DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01", "2021-02-30", "gisteren", "2021-3-1"]
PAGES = [
    ("network:gemeente-list", {}),
    ("network:gemeente-detail", {"code": "GM0606"}),
    ("network:network-detail", {"slug": "hackshield"}),
    ("network:coverage-board", {}),
]
EXPORTS = [
    ("network:gemeente-export", {"code": "GM0606", "fmt": "csv"}),
    ("network:network-export", {"slug": "hackshield", "fmt": "xlsx"}),
    ("network:coverage-export", {"fmt": "csv"}),
    ("network:coverage-export", {"fmt": "xlsx"}),
]


@pytest.fixture
def exporter_client(client, db):
    user = UserFactory(username="exporteur")
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="network")
        | Permission.objects.filter(codename="export_lists")
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001-01-01", RANGE_MESSAGE),
        ("9999-12-31", RANGE_MESSAGE),
        ("2021-02-30", FORMAT_MESSAGE),
        ("20210301", FORMAT_MESSAGE),
        ("2021-3-1", FORMAT_MESSAGE),
        ("", FORMAT_MESSAGE),
    ],
)
def test_the_one_parser_refuses_in_dutch(text, message):
    with pytest.raises(InvalidDate, match=message):
        parse_registry_date(text)


def test_the_one_parser_reads_the_registry_years_inclusive():
    assert parse_registry_date("1900-01-01") == EARLIEST
    assert parse_registry_date(" 2999-12-31 ") == LATEST
    assert parse_registry_date("2021-03-01") == datetime.date(2021, 3, 1)


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_pages_with_an_edge_date_show_today_with_a_dutch_warning(exporter_client, name, kwargs, date):
    response = exporter_client.get(reverse(name, kwargs=kwargs), {"date": date})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"&#x27;{date}&#x27; is geen datum die het register kan tonen." in html
    assert RANGE_MESSAGE in html


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_pages_show_the_last_registry_day(exporter_client, name, kwargs):
    assert exporter_client.get(reverse(name, kwargs=kwargs), {"date": "2999-12-31"}).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), EXPORTS)
@pytest.mark.parametrize("date", EDGE_DATES)
def test_an_export_with_an_impossible_date_is_refused_and_leaves_no_message(exporter_client, name, kwargs, date):
    response = exporter_client.get(reverse(name, kwargs=kwargs), {"date": date})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Download geweigerd" in response.content.decode()
    assert "Er is niets gedownload." in response.content.decode()
    next_page = exporter_client.get(reverse("network:gemeente-list")).content.decode()
    assert "geen datum" not in next_page


@pytest.mark.parametrize(("name", "kwargs"), EXPORTS)
def test_an_export_on_a_valid_edge_date_downloads(exporter_client, name, kwargs):
    assert exporter_client.get(reverse(name, kwargs=kwargs), {"date": "1900-01-01"}).status_code == 200
