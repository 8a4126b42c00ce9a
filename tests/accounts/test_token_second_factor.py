"""The API token endpoint asks the same second factor as a login: no token with only a password for roles
that must confirm logins with a code (issue 11)."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tests.accounts.test_second_factor import code_for
from tests.factories import user_with_role

PASSWORD = "geheim-wachtwoord-1"


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_ROLES = ["beheerder", "kernteam"]


@pytest.fixture
def kim(db):
    return user_with_role("kernteam", username="kim")


def _token(body):
    return APIClient().post(reverse("api:token"), body, format="json")


def test_kernteam_gets_no_token_with_only_a_password(kim, required):
    TOTPDevice.objects.create(user=kim, name="telefoon", confirmed=True)
    response = _token({"username": "kim", "password": PASSWORD})
    assert response.status_code == 400
    assert "otp" in response.json()
    assert "tweestapsverificatie" in response.json()["otp"][0]


def test_kernteam_without_a_device_is_told_to_set_one_up(kim, required):
    response = _token({"username": "kim", "password": PASSWORD, "otp": "123456"})
    assert response.status_code == 400
    assert response.json()["otp"] == ["De verificatiecode klopt niet of is verlopen."]


def test_kernteam_gets_a_token_with_the_current_code(kim, required):
    device = TOTPDevice.objects.create(user=kim, name="telefoon", confirmed=True)
    response = _token({"username": "kim", "password": PASSWORD, "otp": code_for(device)})
    assert response.status_code == 200
    assert len(response.json()["token"]) == 40


def test_wrong_codes_count_as_failed_logins_and_lock_out(kim, required, settings):
    device = TOTPDevice.objects.create(user=kim, name="telefoon", confirmed=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _token({"username": "kim", "password": PASSWORD, "otp": "000000"}).status_code == 400
        device.refresh_from_db()
        device.throttle_reset()
    assert _token({"username": "kim", "password": PASSWORD, "otp": "000000"}).status_code == 429
    device.throttle_reset()
    assert _token({"username": "kim", "password": PASSWORD, "otp": code_for(device)}).status_code == 429


def test_a_raadpleger_still_needs_only_a_password(db, required):
    user_with_role("raadpleger", username="rik")
    assert _token({"username": "rik", "password": PASSWORD}).status_code == 200


def test_without_the_setting_kernteam_needs_only_a_password(kim):
    assert _token({"username": "kim", "password": PASSWORD}).status_code == 200


def test_token_schema_documents_otp_and_429(client, kernteam):
    client.force_login(kernteam)
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/auth/token/"]["post"]
    assert "429" in operation["responses"]
    body = schema["components"]["schemas"]["TokenRequest"]
    assert "otp" in body["properties"]
