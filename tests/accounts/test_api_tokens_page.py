"""Owners see and revoke their own API key on a web page; a beheerder sees and revokes all of them."""

from rest_framework.authtoken.models import Token

from accounts.roles import KERNTEAM
from tests.factories import user_with_role

PAGE = "/account/api-sleutels/"


def test_an_owner_sees_only_their_own_key_without_the_whole_secret(client, kernteam):
    own = Token.objects.create(user=kernteam)
    other = Token.objects.create(user=user_with_role(KERNTEAM, username="collega"))
    client.force_login(kernteam)
    page = client.get(PAGE).content.decode()
    assert own.key[:6] in page and own.key not in page
    assert other.key[:6] not in page


def test_an_owner_revokes_their_key_and_the_api_stops_accepting_it(client, kernteam):
    token = Token.objects.create(user=kernteam)
    client.force_login(kernteam)
    response = client.post(PAGE, {"user": kernteam.pk}, follow=True)
    assert "is ingetrokken" in response.content.decode()
    assert not Token.objects.filter(pk=token.pk).exists()
    client.logout()
    assert client.get("/api/v1/gemeenten/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 401


def test_nobody_but_a_beheerder_revokes_someone_elses_key(client, kernteam, beheerder):
    other = Token.objects.create(user=user_with_role(KERNTEAM, username="collega"))
    client.force_login(kernteam)
    assert client.post(PAGE, {"user": other.user_id}).status_code == 404
    assert Token.objects.filter(pk=other.pk).exists()
    client.force_login(beheerder)
    assert other.key[:6] in client.get(PAGE).content.decode()
    client.post(PAGE, {"user": other.user_id})
    assert not Token.objects.filter(pk=other.pk).exists()
