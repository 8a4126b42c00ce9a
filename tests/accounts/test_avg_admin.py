"""The AVG review list and the erase action in the admin: beheerder only, one anonymisation service."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from network.models import Contact
from tests.factories import MembershipFactory

URL = "admin:network_retentionreviewcontact_changelist"


@pytest.fixture
def expired(db):
    """Three people whose last role ended in 2020, and one with a current role."""
    gone = [
        MembershipFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 6, 30)).contact
        for _ in range(3)
    ]
    MembershipFactory(start_date=datetime.date(2018, 1, 1))
    return gone


def test_beheerder_sees_the_review_list_with_a_fixed_number_of_queries(
    client, beheerder, expired, django_assert_num_queries
):
    client.force_login(beheerder)
    with django_assert_num_queries(7):
        response = client.get(reverse(URL))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert "30 juni 2020" in response.content.decode()
    for _ in range(3):
        MembershipFactory(start_date=datetime.date(2017, 1, 1), end_date=datetime.date(2019, 1, 1))
    with django_assert_num_queries(7):
        assert client.get(reverse(URL)).context["cl"].result_count == 6


@pytest.mark.parametrize("role", ["kernteam", "netwerkcoördinator", "raadpleger"])
def test_others_do_not_see_the_review_list(client, role_users, expired, role):
    client.force_login(role_users[role])
    assert client.get(reverse(URL)).status_code == 403


def test_erase_action_asks_for_confirmation_then_anonymises(client, beheerder, expired):
    client.force_login(beheerder)
    chosen = [c.pk for c in expired[:2]]
    data = {"action": "erase_contacts", ACTION_CHECKBOX_NAME: chosen}
    confirm = client.post(reverse(URL), data)
    assert confirm.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt" in confirm.content.decode()
    assert not Contact.objects.filter(anonymised_on__isnull=False).exists()

    response = client.post(reverse(URL), {**data, "confirm": "ja"})
    assert response.status_code == 302
    assert set(Contact.objects.filter(anonymised_on__isnull=False).values_list("pk", flat=True)) == set(chosen)
    assert client.get(reverse(URL)).context["cl"].result_count == 1


def test_contact_admin_erases_one_person_on_request(client, beheerder, expired):
    person = expired[0]
    client.force_login(beheerder)
    url = reverse("admin:network_contact_changelist")
    data = {"action": "erase_contacts", ACTION_CHECKBOX_NAME: [person.pk], "confirm": "ja"}
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.anonymised_on is not None
    assert person.email == ""


def test_kernteam_sees_the_erase_action_refused(client, kernteam, expired):
    client.force_login(kernteam)
    url = reverse("admin:network_contact_changelist")
    data = {"action": "erase_contacts", ACTION_CHECKBOX_NAME: [expired[0].pk], "confirm": "ja"}
    client.post(url, data)
    assert not Contact.objects.filter(anonymised_on__isnull=False).exists()
