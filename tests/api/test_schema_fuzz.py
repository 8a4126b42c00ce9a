"""Schemathesis against the published schema, in-process over WSGI: no server error, no response off-schema.

A fixed, small example budget per operation and derandomized generation keep the run fast and repeatable.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application
from tests.factories import MembershipFactory, OutreachFactory
from tests.helpers import token_client

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Like Django's test client: the WSGI handler must not close the connection holding the test transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_headers(db, editor, wsgi_keeps_the_test_connection):
    """An editor's token and a little data, so reads find rows and writes reach the services."""
    MembershipFactory()
    OutreachFactory()
    client = token_client(editor)
    return {"Authorization": client._credentials["HTTP_AUTHORIZATION"]}


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, fuzz_headers):
    # Schema-valid data may still name a contact or network that does not exist; the 400 that follows is right,
    # so the check that every schema-valid request succeeds is left out.
    case.call_and_validate(headers=fuzz_headers, excluded_checks=[positive_data_acceptance])
