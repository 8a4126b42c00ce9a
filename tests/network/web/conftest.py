"""Fixtures of the web page tests: a kernteam member, a reader and a registry with related rows."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from network import services
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory, UserFactory, gemeente, network

TODAY = timezone.localdate


@pytest.fixture
def kernteam(db):
    """A kernteam member with every permission on the registry's models (not a superuser)."""
    user = UserFactory(username="kim")
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="network"))
    return user


@pytest.fixture
def reader(db):
    return UserFactory(username="lezer")


@pytest.fixture
def kernteam_client(client, kernteam):
    client.force_login(kernteam)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def registry(actor, schiedam, rotterdam, afm, hackshield):
    """Several roles, outreach and participation changes with related rows, so an N+1 would show."""
    acc = network("accounthouders-ondermijning")
    old = ContactFactory(first_name="Oud", last_name="Functionaris")
    new = ContactFactory(first_name="Nieuw", last_name="Functionaris")
    first = services.membership_start(
        actor=actor, contact=old, network=afm, gemeente=schiedam, start=datetime.date(2020, 9, 1)
    )
    services.membership_handover(actor=actor, membership=first, successor=new, on=datetime.date(2022, 4, 1))
    for index in range(4):
        MembershipFactory(network=acc, gemeente=[schiedam, rotterdam][index % 2], role="lid")
    MembershipFactory(network=afm, gemeente=rotterdam)
    for code in ("GM0599", "GM0505"):
        services.participation_set_status(
            actor=actor, gemeente=gemeente(code), network=hackshield, status="deelnemer", on=datetime.date(2020, 6, 1)
        )
    services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0622"), network=hackshield, status="afgewezen", on=datetime.date(2021, 1, 5)
    )
    for gem in (schiedam, rotterdam):
        OutreachFactory(gemeente=gem, network=hackshield, user=actor, date=TODAY() - datetime.timedelta(days=10))
    return {"old": old, "new": new, "acc": acc}
