"""Importing over HTTP: the same summary as `import_contacts --json`, row errors 400, unreadable files 422, undo."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Contact, ImportBatch, Membership
from tests.helpers import SUMMARY_KEYS, csv_bytes

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "data"


GOOD = csv_bytes(
    [
        ["Naam", "E-mail", "Gemeente", "Organisatie"],
        ["Jan van der Berg", "jan.vanderberg@schiedam.example", "Schiedam", "Gemeente Schiedam"],
        ["Eva Dekker", "eva.dekker@rotterdam.example", "Gemeente Rotterdam", "Gemeente Rotterdam"],
        ["Frits Hals", "frits.hals@capelle.example", "Capelle a/d IJssel", "Gemeente Capelle aan den IJssel"],
    ]
)
WITH_ERROR = csv_bytes(
    [
        ["Naam", "E-mail", "Gemeente"],
        ["Jan van der Berg", "jan.vanderberg@schiedam.example", "Schiedam"],
        ["Henk Haag", "henk@denhaag.example", "Den Haag"],
    ]
)


def upload(client, content: bytes, name: str = "lijst.csv", **fields):
    data = {"file": SimpleUploadedFile(name, content), "network": "aandachtsfunctionarissen-mensenhandel"}
    data.update(fields)
    return client.post("/api/v1/imports/", data, format="multipart")


def test_an_import_applies_and_returns_the_command_summary(editor_client):
    response = upload(editor_client, GOOD, as_of="2021-03-01")

    assert response.status_code == 201, response.content
    summary = response.json()
    assert list(summary) == SUMMARY_KEYS
    assert summary["file"] == "lijst.csv"
    assert summary["dry_run"] is False
    assert summary["rows"] == 3
    assert summary["contacts"]["new"] == 3
    assert summary["memberships"]["new"] == 3
    assert summary["errors"] == []
    batch = ImportBatch.objects.get(pk=summary["batch"])
    assert batch.as_of == datetime.date(2021, 3, 1)
    assert Membership.objects.filter(import_batch=batch, start_date=datetime.date(2021, 3, 1)).count() == 3

    # …and the result reads back through the other endpoints.
    contacts = editor_client.get("/api/v1/gemeenten/GM0502/contacts/?date=2021-03-01").json()
    assert contacts["themes"][0]["networks"][0]["memberships"][0]["contact"]["full_name"] == "Frits Hals"
    coverage = editor_client.get(
        "/api/v1/networks/aandachtsfunctionarissen-mensenhandel/coverage/?date=2021-03-01"
    ).json()
    assert coverage["summary"]["covered"] == 3


def test_a_dry_run_reports_without_writing(editor_client):
    response = upload(editor_client, GOOD, dry_run="true")

    assert response.status_code == 200
    summary = response.json()
    assert summary["dry_run"] is True
    assert summary["contacts"]["new"] == 3
    assert summary["batch"] is None
    assert not Contact.objects.exists()
    assert not ImportBatch.objects.exists()


def test_row_errors_give_400_with_the_summary_and_write_nothing(editor_client):
    response = upload(editor_client, WITH_ERROR)

    assert response.status_code == 400
    summary = response.json()
    assert list(summary) == SUMMARY_KEYS
    assert [(error["row"], error["column"], error["value"]) for error in summary["errors"]] == [
        (3, "Gemeente", "Den Haag")
    ]
    assert not Contact.objects.exists()
    assert not ImportBatch.objects.exists()


def test_row_errors_can_be_skipped(editor_client):
    response = upload(editor_client, WITH_ERROR, skip_invalid="true")

    assert response.status_code == 201
    assert response.json()["skipped"] == 1
    assert Contact.objects.get().email == "jan.vanderberg@schiedam.example"


def test_an_unreadable_file_is_422_with_a_dutch_message(editor_client):
    response = upload(editor_client, b"\x00\x01 dit is geen spreadsheet", name="lijst.xlsx")
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not ImportBatch.objects.exists()


def test_an_xlsx_with_a_title_above_the_header_imports(editor_client):
    response = upload(editor_client, (DATA / "afm_titel.xlsx").read_bytes(), name="afm_titel.xlsx", as_of="2021-03-01")
    assert response.status_code == 201, response.content
    summary = response.json()
    assert (summary["rows"], summary["contacts"]["new"], summary["memberships"]["new"]) == (5, 5, 5)
    assert summary["ignored_columns"] == ["Verjaardag"]


def test_import_needs_permission(reader_client, anonymous_client):
    assert upload(anonymous_client, GOOD).status_code == 401
    assert upload(reader_client, GOOD).status_code == 403
    assert not Contact.objects.exists()


def test_an_import_without_a_file_is_a_field_error(editor_client):
    response = editor_client.post("/api/v1/imports/", {"network": "hackshield"}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()


def test_an_import_batch_is_undone_once(editor_client):
    batch_id = upload(editor_client, GOOD, as_of="2021-03-01").json()["batch"]
    detail = editor_client.get(f"/api/v1/import-batches/{batch_id}/").json()
    assert detail["file_name"] == "lijst.csv"
    assert len(detail["results"]) == 3

    response = editor_client.post(f"/api/v1/import-batches/{batch_id}/undo/")

    assert response.status_code == 200
    assert response.json()["status"] == "undone"
    assert not Membership.objects.exists()
    assert not Contact.objects.exists()
    again = editor_client.post(f"/api/v1/import-batches/{batch_id}/undo/")
    assert again.status_code == 409
    assert "al teruggedraaid" in again.json()["detail"]


def test_undo_needs_the_change_permission(reader_client, editor_client):
    batch_id = upload(editor_client, GOOD).json()["batch"]
    assert reader_client.post(f"/api/v1/import-batches/{batch_id}/undo/").status_code == 403


def test_a_sync_import_ends_missing_roles_and_time_travel_still_finds_them(editor_client):
    assert upload(editor_client, GOOD, as_of="2021-03-01").status_code == 201
    without_capelle = csv_bytes(
        [
            ["Naam", "E-mail", "Gemeente", "Organisatie"],
            ["Jan van der Berg", "jan.vanderberg@schiedam.example", "Schiedam", "Gemeente Schiedam"],
            ["Eva Dekker", "eva.dekker@rotterdam.example", "Gemeente Rotterdam", "Gemeente Rotterdam"],
        ]
    )

    response = upload(editor_client, without_capelle, name="lijst-juni.csv", as_of="2021-06-01", sync="true")

    assert response.status_code == 201, response.content
    summary = response.json()
    assert summary["memberships"] == {"new": 0, "unchanged": 2, "ended": 1}

    def capelle_on(day):
        body = editor_client.get(f"/api/v1/gemeenten/GM0502/contacts/?date={day}").json()
        return [m["contact"]["full_name"] for t in body["themes"] for n in t["networks"] for m in n["memberships"]]

    assert capelle_on("2021-05-31") == ["Frits Hals"]
    assert capelle_on("2021-06-01") == []
    coverage = editor_client.get("/api/v1/networks/aandachtsfunctionarissen-mensenhandel/coverage/?date=2021-06-01")
    assert coverage.json()["summary"]["covered"] == 2


def test_a_nul_in_a_form_field_is_refused_not_a_crash(editor_client):
    response = upload(editor_client, b"Naam;E-mail\r\nAns Kok;ans@var.example\r\n", network="hack\x00shield")
    assert response.status_code == 400
    assert response.json() == {"network": ["De tekst bevat tekens die niet kunnen worden opgeslagen (zoals NUL)."]}
