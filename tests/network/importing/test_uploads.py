"""Uploads wait in a private folder under the server's key; no name or path from a client is ever opened
(issue 11 access, issue 10 deliverable 7)."""

import os
import stat
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from network import uploads
from network.importing import ImportFileError
from network.models import Contact, ImportBatch
from tests.helpers import csv_bytes, data_file

CSV = csv_bytes([["Naam", "E-mail", "Netwerk"], ["Ans Kok", "ans@var.example", "HackShield"]])


def _upload(name, data):
    return SimpleUploadedFile(name, data)


def _files(settings) -> list[Path]:
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_stored_upload_is_private_and_named_by_its_hash(settings, db):
    key = uploads.store_upload(_upload("lijst.csv", CSV))
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    [path] = _files(settings)
    assert path.name == key and len(key) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert uploads.load_upload(key) == CSV
    uploads.discard_upload(key)
    assert _files(settings) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("lijst.xlsx", CSV, "lijst.xlsx is geen echt .xlsx-bestand"),
        ("lijst.ods", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "lijst.ods is geen echt .ods-bestand"),
        ("lijst.xls", b"PK\x03\x04", "lijst.xls is geen echt .xls-bestand"),
        ("lijst.csv", b"PK\x03\x04\x00\x00", "lijst.csv is geen tekstbestand"),
        ("lijst.csv", b"Naam;E-mail\x00\x00", "lijst.csv is geen tekstbestand"),
        ("lijst.exe", b"MZ", "Het bestandstype .exe wordt niet ondersteund"),
        ("lijst.csv", b"", "Het bestand is leeg."),
    ],
)
def test_type_is_checked_before_anything_is_written(settings, db, name, data, message):
    with pytest.raises(ImportFileError, match=message):
        uploads.store_upload(_upload(name, data))
    assert _files(settings) == []


def test_real_files_of_every_type_pass_the_type_check(settings, db):
    for name in ("afm_titel.xlsx", "hackshield.xls", "accounthouders.ods", "werkgroep_utf8_bom.csv"):
        uploads.store_upload(_upload(name, data_file(name).read_bytes()))
    assert len(_files(settings)) == 4


def test_size_is_checked_before_anything_is_written(settings, db):
    settings.IMPORT_MAX_FILE_BYTES = 10
    with pytest.raises(ImportFileError, match="groter dan"):
        uploads.store_upload(_upload("lijst.csv", CSV))
    assert _files(settings) == []


@pytest.mark.parametrize("key", ["../../etc/passwd", "/etc/passwd", "a" * 63, "A" * 64, "a" * 64 + "/x", ""])
def test_a_crafted_key_is_refused_before_a_path_is_built(settings, db, key, tmp_path):
    with pytest.raises(uploads.UploadGone):
        uploads.load_upload(key)
    assert uploads.upload_exists(key) is False
    uploads.discard_upload(key)  # ignored, removes nothing


def test_expired_uploads_are_purged_and_other_files_left_alone(settings, db):
    old = uploads.store_upload(_upload("oud.csv", CSV))
    fresh = uploads.store_upload(_upload("nieuw.csv", CSV + b"Bob Bos;bob@var.example;HackShield\r\n"))
    stranger = Path(settings.IMPORT_UPLOAD_DIR) / "niet-van-ons.txt"
    stranger.write_text("blijft")
    hours_ago = time.time() - 25 * 3600
    os.utime(Path(settings.IMPORT_UPLOAD_DIR) / old, (hours_ago, hours_ago))
    call_command("purge_import_uploads")
    assert uploads.upload_exists(fresh) and not uploads.upload_exists(old)
    assert stranger.read_text() == "blijft"


def test_a_new_upload_purges_expired_ones_on_access(settings, db):
    old = uploads.store_upload(_upload("oud.csv", CSV))
    hours_ago = time.time() - 25 * 3600
    os.utime(Path(settings.IMPORT_UPLOAD_DIR) / old, (hours_ago, hours_ago))
    uploads.store_upload(_upload("nieuw.csv", CSV + b"Bob Bos;bob@var.example;HackShield\r\n"))
    assert not uploads.upload_exists(old)


# -- the admin's confirm step -------------------------------------------------------------------------------


@pytest.fixture
def victim(tmp_path):
    """A list outside the upload folder that an attacker would like imported (and then deleted)."""
    path = tmp_path / "elders" / ("b" * 64)
    path.parent.mkdir()
    path.write_bytes(CSV)
    return path


def _admin_preview(client):
    return client.post(
        reverse("admin:network_contact_import"), {"import_file": _upload("lijst.csv", CSV), "as_of": "01-03-2021"}
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"upload_key": "../elders/" + "b" * 64},
        {"upload_key": "b" * 64},  # a well-formed key this session never uploaded
        {"tmp_name": "b" * 64, "import_file_name": "b" * 64, "upload_key": "c" * 64},
    ],
)
def test_admin_confirm_refuses_a_crafted_key_and_touches_no_other_file(client, superuser, settings, victim, fields):
    client.force_login(superuser)
    settings.IMPORT_UPLOAD_DIR = victim.parent.parent / "import-uploads"
    response = client.post(
        reverse("admin:network_contact_process_import"), {**fields, "as_of": "2021-03-01", "file_name": str(victim)}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:network_contact_import")
    assert victim.read_bytes() == CSV
    assert not Contact.objects.exists() and not ImportBatch.objects.exists()


def test_admin_confirm_with_the_key_imports_and_removes_the_file(client, superuser, settings):
    client.force_login(superuser)
    preview = _admin_preview(client)
    key = preview.context["confirm_form"].initial["upload_key"]
    assert 'name="upload_key"' in preview.content.decode()
    assert "tmp_name" not in preview.content.decode() and "import_file_name" not in preview.content.decode()
    assert [path.name for path in _files(settings)] == [key]
    done = client.post(reverse("admin:network_contact_process_import"), {"upload_key": key, "as_of": "2021-03-01"})
    assert done.status_code == 302
    batch = ImportBatch.objects.get()
    assert batch.file_name == "lijst.csv"
    assert _files(settings) == []
    # Confirming twice is refused: the file is gone.
    again = client.post(reverse("admin:network_contact_process_import"), {"upload_key": key, "as_of": "2021-03-01"})
    assert again["Location"] == reverse("admin:network_contact_import")
    assert ImportBatch.objects.count() == 1


def test_admin_preview_with_errors_keeps_no_file(client, superuser, settings):
    client.force_login(superuser)
    data = csv_bytes([["Naam", "E-mail", "Gemeente"], ["Ans Kok", "ans@var.example", "Den Haag"]])
    client.post(reverse("admin:network_contact_import"), {"import_file": _upload("fout.csv", data)})
    assert _files(settings) == []


def test_another_session_cannot_confirm_my_upload(client, superuser, settings, django_user_model):
    client.force_login(superuser)
    key = _admin_preview(client).context["confirm_form"].initial["upload_key"]
    from django.test import Client

    other = Client()
    other.force_login(django_user_model.objects.create_superuser("tweede", password="x"))
    response = other.post(reverse("admin:network_contact_process_import"), {"upload_key": key, "as_of": "2021-03-01"})
    assert response["Location"] == reverse("admin:network_contact_import")
    assert not ImportBatch.objects.exists()
    assert uploads.upload_exists(key)


# -- the web wizard ---------------------------------------------------------------------------------------------


def test_web_wizard_confirm_removes_the_file_and_a_new_upload_replaces_the_old(client, superuser, settings):
    client.force_login(superuser)
    url = reverse("network:import-upload")
    client.post(url, {"file": _upload("eerste.csv", CSV), "network": "", "as_of": ""})
    [first] = _files(settings)
    client.post(url, {"file": _upload("tweede.csv", CSV + b"Bob Bos;bob@var.example;HackShield\r\n"), "network": ""})
    [second] = _files(settings)
    assert first != second
    preview = client.get(reverse("network:import-preview")).content.decode()
    sha = preview.split('name="sha256" value="')[1].split('"')[0]
    assert sha == second.name
    client.post(reverse("network:import-confirm"), {"sha256": sha})
    assert ImportBatch.objects.count() == 1
    assert _files(settings) == []


def test_web_wizard_confirm_refuses_a_key_that_is_not_the_sessions(client, superuser, settings, victim):
    client.force_login(superuser)
    client.post(reverse("network:import-upload"), {"file": _upload("lijst.csv", CSV), "network": ""})
    response = client.post(reverse("network:import-confirm"), {"sha256": "../elders/" + "b" * 64})
    assert response["Location"] == reverse("network:import-upload")
    assert victim.read_bytes() == CSV
    assert not ImportBatch.objects.exists()
