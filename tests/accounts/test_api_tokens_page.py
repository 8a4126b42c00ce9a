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


def test_a_user_creates_their_own_key_on_the_page_and_sees_it_once(client, kernteam):
    client.force_login(kernteam)
    assert "Nieuwe API-sleutel maken" in client.get(PAGE).content.decode()
    response = client.post(PAGE, {"action": "create"})
    token = Token.objects.get(user=kernteam)
    assert response.status_code == 200
    assert token.key in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    again = client.get(PAGE).content.decode()
    assert token.key not in again and token.key[:6] in again
    assert "Nieuwe API-sleutel maken" not in again
    client.logout()
    assert client.get("/api/v1/gemeenten/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code in (200, 403)


def test_a_second_key_is_refused_in_dutch(client, kernteam):
    Token.objects.create(user=kernteam)
    client.force_login(kernteam)
    response = client.post(PAGE, {"action": "create"})
    assert response.status_code == 400
    assert "U heeft al een API-sleutel" in response.content.decode()
    assert Token.objects.filter(user=kernteam).count() == 1


def test_revoking_with_a_user_that_is_not_a_number_is_a_dutch_400(client, kernteam):
    Token.objects.create(user=kernteam)
    client.force_login(kernteam)
    for value in ("abc", str(2**64)):
        response = client.post(PAGE, {"user": value})
        assert response.status_code == 400
        assert "Kies een bestaande API-sleutel om in te trekken." in response.content.decode()
    assert Token.objects.filter(user=kernteam).exists()
