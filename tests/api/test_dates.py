"""The API reads every date with the web's parser (common.dates): one range, one Dutch message (issue 11, 13.5)."""

import pytest

from common.dates import FORMAT_MESSAGE, RANGE_MESSAGE
from tests.factories import MembershipFactory


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/GM0606/contacts/",
        "/api/v1/networks/hackshield/coverage/",
        "/api/v1/networks/hackshield/coverage/?format=csv",
    ],
)
@pytest.mark.parametrize(("date", "message"), [("1-3-2021", FORMAT_MESSAGE), ("2021-02-30", FORMAT_MESSAGE)])
def test_query_dates_get_the_dutch_message(reader_client, url, date, message):
    response = reader_client.get(url, {"date": date}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json() == {"date": [message]}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/memberships/?active_on={}",
        "/api/v1/gemeenten/?active_on={}",
        "/api/v1/outreach/?date_from={}",
        "/api/v1/outreach/?date_to={}",
    ],
)
@pytest.mark.parametrize(("date", "message"), [("0001-01-01", RANGE_MESSAGE), ("gisteren", FORMAT_MESSAGE)])
def test_date_filters_use_the_same_parser(reader_client, url, date, message):
    response = reader_client.get(url.format(date))
    assert response.status_code == 400
    assert message in str(response.json())


def test_body_dates_get_the_dutch_message(editor_client):
    membership = MembershipFactory()
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "31-12-2022"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"end_date": [FORMAT_MESSAGE]}
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "9999-12-31"}, format="json"
    )
    assert response.json() == {"end_date": [RANGE_MESSAGE]}
