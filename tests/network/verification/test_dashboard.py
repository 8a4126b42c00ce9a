"""The dashboard's "register actueel houden" figures per network: one selector, one query."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network import selectors, services
from network.models import Membership
from tests.factories import ContactFactory, MembershipFactory, network

from .test_review import answer_with_everything

pytestmark = pytest.mark.django_db


def test_figures_per_network_in_one_query(person, verification, django_assert_num_queries):
    Membership.objects.exclude(contact=person).update(verified_on=timezone.localdate())
    request, _ = verification
    answer_with_everything(person, request)  # confirms the HackShield role, 3 proposals
    for index in range(3):
        contact = ContactFactory(email=f"p{index}@example.org")
        MembershipFactory(contact=contact, network=network("hackshield"), verified_on=datetime.date(2020, 1, 1))
        services.verification_request_create(actor=None, contact=contact)
    with django_assert_num_queries(1):
        figures = {f.network.slug: f for f in selectors.verification_figures_per_network(on=timezone.localdate())}
    afm, hackshield = figures["aandachtsfunctionarissen-mensenhandel"], figures["hackshield"]
    assert (hackshield.open_requests, hackshield.answers_waiting) == (3, 1)
    assert (afm.open_requests, afm.answers_waiting) == (0, 1)
    assert (hackshield.active_roles, hackshield.confirmed_roles, hackshield.confirmed_share) == (4, 1, 25)
    assert (afm.active_roles, afm.confirmed_roles, afm.confirmed_share) == (1, 0, 0)


def test_the_dashboard_loads_the_figures(kernteam_client, person, verification, django_assert_num_queries):
    dashboard = kernteam_client.get(reverse("network:dashboard")).content.decode()
    url = reverse("network:verification-figures")
    assert f'hx-get="{url}"' in dashboard
    kernteam_client.get(url, HTTP_HX_REQUEST="true")
    # session, user, user and group permissions, the figures
    with django_assert_num_queries(5):
        fragment = kernteam_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert "Open controleverzoeken" in fragment and "HackShield" in fragment
    assert "<h1>Register actueel houden</h1>" in kernteam_client.get(url).content.decode()
