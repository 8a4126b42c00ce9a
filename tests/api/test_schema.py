"""The published OpenAPI schema: valid, and every operation and parameter described for the people who use it."""

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(anonymous_client):
    response = anonymous_client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_every_operation_has_a_summary_and_a_description(schema):
    missing = [name for name, op in operations(schema) if not op.get("summary") or not op.get("description")]
    assert missing == []


def test_every_parameter_is_described(schema):
    missing = [
        f"{name} {parameter['name']}"
        for name, op in operations(schema)
        for parameter in op.get("parameters", [])
        if not parameter.get("description")
    ]
    assert missing == []


def test_every_operation_documents_its_errors(schema):
    for name, op in operations(schema):
        if name == "POST /api/v1/auth/token/":
            assert "400" in op["responses"]
            continue
        assert {"400", "401", "403", "404"} <= set(op["responses"]), name
        if name.startswith(("POST", "PATCH")):
            assert "409" in op["responses"], name


def test_every_resource_is_published(schema):
    paths = set(schema["paths"])
    for resource in [
        "regions",
        "gemeenten",
        "themes",
        "networks",
        "organisations",
        "contacts",
        "memberships",
        "participations",
        "outreach",
        "import-batches",
    ]:
        assert f"/api/v1/{resource}/" in paths
    assert {
        "/api/v1/auth/token/",
        "/api/v1/gemeenten/{code}/contacts/",
        "/api/v1/networks/{slug}/coverage/",
        "/api/v1/memberships/{id}/end/",
        "/api/v1/memberships/{id}/handover/",
        "/api/v1/participations/{id}/status/",
        "/api/v1/imports/",
        "/api/v1/import-batches/{id}/undo/",
    } <= paths


def test_the_coverage_response_has_the_documented_shape(schema):
    coverage = schema["components"]["schemas"]["Coverage"]
    assert list(coverage["properties"]) == ["network", "date", "summary", "gemeenten"]
    row = schema["components"]["schemas"]["CoverageRow"]
    assert list(row["properties"]) == [
        "code",
        "name",
        "region",
        "status",
        "contacts",
        "last_outreach",
        "next_follow_up",
        "leads",
    ]


def test_the_docs_page_loads_swagger_ui_from_our_static_files_without_inline_script(anonymous_client):
    page = anonymous_client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "<script>" not in page.replace(" ", "")
    script = anonymous_client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
