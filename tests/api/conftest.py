import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import NETWORK_MODELS, user_with
from tests.helpers import token_client


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def reader(db):
    """A raadpleger: may read everything, change nothing."""
    return user_with("raadpleger", [f"view_{model}" for model in NETWORK_MODELS])


@pytest.fixture
def editor(db):
    """A kernteam member: may read, add and change everything."""
    user = user_with("kernteam", [f"{perm}_{model}" for model in NETWORK_MODELS for perm in ("view", "add", "change")])
    # The kernteam's own rights besides the model permissions: importing and exporting lists.
    user.user_permissions.add(*Permission.objects.filter(codename__in=["import_lists", "export_lists"]))
    return user


@pytest.fixture
def stranger(db):
    """Logged in, but without any permission on the registry."""
    return user_with("buitenstaander", [])


@pytest.fixture
def reader_client(reader):
    return token_client(reader)


@pytest.fixture
def exporter_client(db):
    """Reads everything and may download lists (the export right, which a raadpleger does not have)."""
    user = user_with("exporteur", [f"view_{model}" for model in NETWORK_MODELS])
    user.user_permissions.add(Permission.objects.get(codename="export_lists"))
    return token_client(user)


@pytest.fixture
def editor_client(editor):
    return token_client(editor)


@pytest.fixture
def stranger_client(stranger):
    return token_client(stranger)
