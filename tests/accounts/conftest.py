import pytest
from django.contrib.contenttypes.models import ContentType

from accounts.roles import BEHEERDER, COORDINATOR, KERNTEAM, RAADPLEGER
from tests.factories import network, user_with_role


@pytest.fixture
def beheerder(db):
    return user_with_role(BEHEERDER, is_staff=True)


@pytest.fixture
def kernteam(db):
    return user_with_role(KERNTEAM, is_staff=True)


@pytest.fixture
def coordinator(db):
    """Coordinator of the aandachtsfunctionarissen mensenhandel only."""
    return user_with_role(COORDINATOR, networks=[network("aandachtsfunctionarissen-mensenhandel")], is_staff=True)


@pytest.fixture
def raadpleger(db):
    return user_with_role(RAADPLEGER, is_staff=True)


@pytest.fixture
def role_users(beheerder, kernteam, coordinator, raadpleger):
    return {BEHEERDER: beheerder, KERNTEAM: kernteam, COORDINATOR: coordinator, RAADPLEGER: raadpleger}


@pytest.fixture(autouse=True)
def _cold_content_type_cache():
    """Leave Django's per-process content type cache as a fresh process has it, so the query counts other test
    modules pin do not depend on whether these tests ran first."""
    yield
    ContentType.objects.clear_cache()
