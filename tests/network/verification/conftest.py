"""Fixtures of the verification tests: people with roles, a request with its token, an empty rate-limit cache."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from network import services
from tests.factories import ContactFactory, MembershipFactory, gemeente, network

LONG_AGO = datetime.date(2020, 1, 1)


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in Django's cache; every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(db):
    """Someone with two active roles, neither confirmed in the last year, and one ended role."""
    contact = ContactFactory(
        first_name="Fenna", last_name="Vlietstra", email="fenna.vlietstra@schiedam.example", job_title="Adviseur"
    )
    MembershipFactory(contact=contact, start_date=LONG_AGO, verified_on=LONG_AGO)
    MembershipFactory(
        contact=contact,
        network=network("hackshield"),
        gemeente=gemeente("GM0606"),
        start_date=LONG_AGO,
        verified_on=None,
    )
    MembershipFactory(
        contact=contact,
        network=network("regiegroep"),
        gemeente=None,
        start_date=LONG_AGO,
        end_date=datetime.date(2021, 6, 30),
        verified_on=LONG_AGO,
    )
    return contact


@pytest.fixture
def verification(person):
    """An open request for `person`, as (request, token)."""
    return services.verification_request_create(actor=None, contact=person)


def active_roles(contact):
    return list(contact.memberships.active_on(timezone.localdate()).order_by("network__name"))


@pytest.fixture
def kernteam_client(client, actor):
    client.force_login(actor)
    return client
