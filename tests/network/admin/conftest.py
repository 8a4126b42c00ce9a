"""Fixtures of the admin tests: a superuser's client and a registry with related rows."""

import datetime

import pytest

from network import services
from network.demo import load_demo
from network.models import (
    ImportBatch,
)
from tests.factories import gemeente, network


@pytest.fixture
def registry(actor):
    """The demo registry plus one contact with several roles (one ended) and an import batch."""
    load_demo()
    jan = services.contact_create(
        actor=actor, first_name="Jan", tussenvoegsel="van der", last_name="Berg", email="j.vanderberg@schiedam.example"
    )
    services.membership_start(
        actor=actor, contact=jan, network=network("aandachtsfunctionarissen-mensenhandel"),
        gemeente=gemeente("GM0606"), start=datetime.date(2021, 1, 1),
    )  # fmt: skip
    services.membership_start(
        actor=actor, contact=jan, network=network("hackshield"), gemeente=gemeente("GM0599"),
        start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31),
    )  # fmt: skip
    services.membership_start(actor=actor, contact=jan, network=network("var-bestuur"), start=datetime.date(2021, 1, 1))
    ImportBatch.objects.create(file_name="afm-2021.xlsx", sha256="a" * 64, as_of=datetime.date(2021, 3, 1), user=actor)
    return jan


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
