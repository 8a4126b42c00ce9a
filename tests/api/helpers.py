"""Users and clients for the API tests."""

from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import UserFactory

NETWORK_MODELS = [
    "region",
    "gemeente",
    "theme",
    "network",
    "organisation",
    "contact",
    "membership",
    "participation",
    "outreach",
    "importbatch",
]


def user_with(username: str, codenames: list[str]):
    user = UserFactory(username=username)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="network", codename__in=codenames))
    return user


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client
