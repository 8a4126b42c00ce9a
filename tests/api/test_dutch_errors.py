"""Issue 13 item 5: every API error message is Dutch (DRF's own through its nl locale, the rest rewritten)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/gemeenten/GM9999/", "Gemeente niet gevonden."),
        ("/api/v1/networks/bestaat-niet/", "Netwerk niet gevonden."),
        ("/api/v1/contacts/999999/", "Contactpersoon niet gevonden."),
    ],
)
def test_a_missing_record_is_named_in_dutch(reader_client, url, message):
    response = reader_client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": message}


def test_not_authenticated_is_dutch(anonymous_client):
    response = anonymous_client.get("/api/v1/gemeenten/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authenticatiegegevens zijn niet opgegeven."}


def test_permission_denied_is_dutch(stranger_client):
    response = stranger_client.get("/api/v1/gemeenten/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Je hebt geen toestemming om deze actie uit te voeren."}


def test_method_not_allowed_is_dutch(editor_client):
    response = editor_client.put("/api/v1/import-batches/", {}, format="json")
    assert response.status_code == 405
    assert response.json() == {"detail": 'Methode "PUT" niet toegestaan.'}


def test_parse_error_is_dutch(editor_client):
    response = editor_client.post("/api/v1/contacts/", "{kapot", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "De inhoud van het verzoek is geen geldige JSON."}


def test_unsupported_media_type_is_dutch(editor_client):
    response = editor_client.post("/api/v1/contacts/", "x", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["detail"] == 'Ongeldige media type "text/plain" in aanvraag.'


def test_throttled_is_dutch():
    from rest_framework.exceptions import Throttled

    from api.exceptions import exception_handler

    response = exception_handler(Throttled(wait=30), {})
    assert response.status_code == 429
    assert response.data["detail"] == "Te veel verzoeken. Probeer het over 30 seconden opnieuw."
    assert response["Retry-After"] == "30"
