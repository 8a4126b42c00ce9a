"""Issue 13 item 5: errors in Dutch, for a person in the browser, an API client and the admin."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parents[3]


def test_make_run_turns_debug_off_and_make_dev_keeps_it_on():
    make = shutil.which("make")
    run = subprocess.run([make, "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True).stdout  # noqa: S603 - fixed arguments
    dev = subprocess.run([make, "-n", "dev"], cwd=ROOT, capture_output=True, text=True, check=True).stdout  # noqa: S603 - fixed arguments
    assert "DJANGO_DEBUG=false" in run and "collectstatic" in run
    assert "DJANGO_DEBUG=true" in dev


def test_unknown_page_is_the_dutch_404(kernteam_client):
    response = kernteam_client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_get_on_a_post_only_address_is_a_dutch_405_page(kernteam_client):
    response = kernteam_client.get("/import/bevestigen/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    body = response.content.decode()
    assert "Dit adres werkt alleen via een knop" in body
    assert "toegestaan: POST" in body


def test_server_error_page_is_dutch_and_stands_alone():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.parametrize(
    ("section", "name"),
    [
        ("axes/accessattempt/", "Mislukte inlogpogingen"),
        ("otp_totp/totpdevice/", "Authenticator-apps"),
        ("authtoken/tokenproxy/", "API-sleutels"),
    ],
)
def test_third_party_admin_sections_have_dutch_names(client, superuser, section, name):
    client.force_login(superuser)
    index = client.get("/admin/").content.decode()
    assert name in index
    assert "Inlogbeveiliging" in index and "Tweede factor (TOTP)" in index
    assert client.get(f"/admin/{section}").status_code == 200
