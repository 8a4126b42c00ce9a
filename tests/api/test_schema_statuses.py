"""The schema documents every status an operation can answer (issue 11)."""

import pytest
from django.urls import reverse


@pytest.fixture
def schema(editor_client):
    return editor_client.get(reverse("api:schema"), {"format": "json"}).json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_behind_a_login_documents_400_401_403_and_404(schema):
    for name, operation in _operations(schema):
        if name == "POST /api/v1/auth/token/":
            continue
        assert {"400", "401", "403", "404"} <= set(operation["responses"]), name


def test_writes_document_409_and_the_import_422(schema):
    for name, operation in _operations(schema):
        if name.startswith(("POST", "PATCH")) and name != "POST /api/v1/auth/token/":
            assert "409" in operation["responses"], name
    assert "422" in schema["paths"]["/api/v1/imports/"]["post"]["responses"]


def test_the_token_endpoint_documents_exactly_what_it_answers(schema):
    assert sorted(schema["paths"]["/api/v1/auth/token/"]["post"]["responses"]) == ["200", "400", "429"]


def test_dates_and_texts_say_what_the_api_accepts(schema):
    components = schema["components"]["schemas"]
    end_date = components["MembershipEnd"]["properties"]["end_date"]
    assert end_date["format"] == "date" and end_date["pattern"].startswith("^(19")
    name = components["OrganisationInput"]["properties"]["name"]
    assert name["minLength"] == 1 and "pattern" in name
    assert components["ImportRequest"]["properties"]["file"]["format"] == "binary"
