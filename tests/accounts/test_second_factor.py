"""Optional TOTP second factor: when the settings require it for a role, nothing opens without a code."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import user_with_role


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_ROLES = ["beheerder", "kernteam"]


def test_without_the_setting_nobody_is_asked_for_a_code(client, kernteam):
    client.force_login(kernteam)
    assert client.get(reverse("admin:index")).status_code == 200


def test_kernteam_without_a_device_is_sent_to_setup_then_in_after_a_valid_code(client, kernteam, required):
    client.force_login(kernteam)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-verify"))
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("accounts:otp-setup"))
    page = client.get(response["Location"])
    assert "Tweestapsverificatie instellen" in page.content.decode()
    device = TOTPDevice.objects.get(user=kernteam, confirmed=False)
    assert page.context["secret"] in page.content.decode()

    wrong = client.post(reverse("accounts:otp-setup"), {"token": "000000", "next": "/admin/"})
    assert "klopt niet" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second (brute-force throttle)
    response = client.post(reverse("accounts:otp-setup"), {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_beheerder_with_a_device_must_enter_a_code_each_login(client, beheerder, required):
    device = TOTPDevice.objects.create(user=beheerder, name="telefoon", confirmed=True)
    client.force_login(beheerder)
    assert client.get(reverse("admin:index")).status_code == 302
    response = client.post(reverse("accounts:otp-verify"), {"token": code_for(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_session_api_calls_of_an_unverified_kernteam_member_are_refused(client, kernteam, required):
    client.force_login(kernteam)
    response = client.get("/api/v1/")
    assert response.status_code == 403
    assert "verificatiecode" in response.json()["detail"]


@pytest.mark.parametrize("role", ["netwerkcoördinator", "raadpleger"])
def test_other_roles_are_not_asked_for_a_code(client, db, required, role):
    user = user_with_role(role, is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_next_never_leads_off_site(client, kernteam, required):
    device = TOTPDevice.objects.create(user=kernteam, name="telefoon", confirmed=True)
    client.force_login(kernteam)
    response = client.post(reverse("accounts:otp-verify"), {"token": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_production_requires_the_second_factor_for_beheerder_and_kernteam():
    import importlib
    import os
    from unittest import mock

    env = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "register.example"}
    with mock.patch.dict(os.environ, env):
        production = importlib.import_module("config.settings.production")
    assert production.OTP_REQUIRED_FOR_ROLES == ["beheerder", "kernteam"]


def test_anyone_who_linked_an_app_is_asked_for_a_code_even_when_not_required(client, db):
    user = user_with_role("raadpleger", is_staff=True)
    TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_decision_is_taken_at_login_not_on_every_request(client, kernteam, required, django_assert_num_queries):
    client.force_login(kernteam)
    with django_assert_num_queries(2):  # session and user; no role or device lookup
        assert client.get(reverse("admin:index")).status_code == 302
