"""django-axes: repeated failed logins lock the username out at every login door, the right password too."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.urls import reverse

from tests.factories import user_with_role

PASSWORD = "geheim-wachtwoord-1"


@pytest.fixture
def kim(db):
    return user_with_role("kernteam", username="kim", is_staff=True)


def _fail(client, url, times, username="kim"):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "fout"})
        assert response.status_code in (200, 400)


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_fifth_failed_login_locks_out_even_the_right_password(client, kim, settings, url_name):
    url = reverse(url_name)
    _fail(client, url, settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(url, {"username": "kim", "password": "fout"})
    assert response.status_code == 429
    response = client.post(url, {"username": "kim", "password": PASSWORD})
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_lock_and_a_success_resets_them(client, kim, settings):
    url = reverse("admin:login")
    _fail(client, url, settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(url, {"username": "kim", "password": PASSWORD})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="kim", failures_since_start__gt=0).exists()


def test_lockout_is_per_username_so_a_colleague_on_the_same_network_can_still_log_in(client, kim, settings, db):
    user_with_role("raadpleger", username="ria", is_staff=True)
    _fail(client, reverse("admin:login"), settings.AXES_FAILURE_LIMIT - 1)
    assert client.post(reverse("admin:login"), {"username": "kim", "password": "fout"}).status_code == 429
    response = client.post(reverse("admin:login"), {"username": "ria", "password": PASSWORD})
    assert response.status_code == 302


def test_failures_at_the_web_login_and_the_admin_add_up_it_is_one_account(client, kim, settings):
    _fail(client, reverse("login"), settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(reverse("admin:login"), {"username": "kim", "password": "fout"})
    assert response.status_code == 429


def test_failures_at_the_admin_and_the_api_add_up_it_is_one_account(client, kim, settings):
    _fail(client, reverse("admin:login"), settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(reverse("api:token"), {"username": "kim", "password": "fout"})
    assert response.status_code == 429


def test_drf_token_endpoint_locks_out_with_a_json_answer(client, kim, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(reverse("api:token"), {"username": "kim", "password": "fout"}).status_code == 400
    response = client.post(reverse("api:token"), {"username": "kim", "password": "fout"})
    assert response.status_code == 429
    response = client.post(reverse("api:token"), {"username": "kim", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json() == {
        "detail": "Te veel mislukte inlogpogingen. Uw account is tijdelijk geblokkeerd; probeer het later opnieuw."
    }


def test_authenticate_without_a_request_still_works_for_shell_use(kim):
    assert authenticate(username="kim", password=PASSWORD) == kim


def test_client_address_behind_a_trusted_proxy_is_the_last_forwarded_hop(rf, settings):
    from accounts.auth import client_ip

    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.2"]
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"


def test_forwarded_for_counts_only_from_a_configured_proxy_address(rf, settings):
    from accounts.auth import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1", "::1"]
    direct = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="198.51.100.9")
    assert client_ip(direct) == "198.51.100.9"
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="::1")) == "203.0.113.7"
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/24"]
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.2")) == "203.0.113.7"
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="garbage")) == "garbage"


def test_a_direct_client_cannot_reset_its_lockout_with_a_new_forwarded_for(client, kim, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("api:token")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            url,
            {"username": "kim", "password": "fout"},
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{attempt}",
        )
    response = client.post(
        url, {"username": "kim", "password": PASSWORD}, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert response.status_code == 429
