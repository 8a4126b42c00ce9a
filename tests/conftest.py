import datetime

import pytest

from tests.factories import UserFactory, gemeente, network


@pytest.fixture(autouse=True)
def import_upload_dir(settings, tmp_path):
    """Each test's own folder for the import wizard's uploads (an AVG erasure empties it)."""
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.IMPORT_UPLOAD_DIR


@pytest.fixture
def actor(db):
    """A kernteam member: services check the actor's role, and the kernteam may change all registry data."""
    from django.contrib.auth.models import Group

    user = UserFactory(username="kernteamlid", first_name="Kim", last_name="Kernteam")
    user.groups.add(Group.objects.get(name="kernteam"))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def schiedam(db):
    return gemeente("GM0606")


@pytest.fixture
def rotterdam(db):
    return gemeente("GM0599")


@pytest.fixture
def afm(db):
    """The network of aandachtsfunctionarissen mensenhandel (per gemeente)."""
    return network("aandachtsfunctionarissen-mensenhandel")


@pytest.fixture
def hackshield(db):
    return network("hackshield")


@pytest.fixture
def march_2021():
    return datetime.date(2021, 3, 1)


@pytest.fixture(autouse=True)
def _private_upload_dir(settings, tmp_path):
    """Each test keeps its waiting uploads in its own private folder (network/uploads.py)."""
    settings.IMPORT_UPLOAD_DIR = tmp_path / "import-uploads"
