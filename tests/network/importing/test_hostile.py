"""Files that try to knock the importer over: each is one Dutch sentence — exit 2 from the command, HTTP 422
from the API, a message in the web wizard and the admin — never a traceback, a 500 or an abort; in
time and memory proportional to the data, not to what the file claims or expands to."""

import io
import json
import resource
import time

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from network.importing import ImportFileError, ImportOptions, run_import
from network.models import Contact, ImportBatch
from tests.factories import UserFactory
from tests.helpers import data_file, token_client
from tests.network.importing.hostile import HOSTILE, shared_string_bomb
from tests.network.importing.xlsx_files import rows_xml, sheet_xml, xlsx

pytestmark = pytest.mark.django_db
IDS = [name for name, _, _ in HOSTILE]


@pytest.mark.parametrize(("file_name", "build", "expected"), HOSTILE, ids=IDS)
def test_the_command_exits_2_with_one_dutch_sentence(tmp_path, file_name, build, expected):
    path = tmp_path / file_name
    path.write_bytes(build())
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(SystemExit) as exit_info:
        call_command("import_contacts", str(path), "--json", stdout=out, stderr=err)

    assert exit_info.value.code == 2
    assert expected in json.loads(out.getvalue())["error"]
    assert "Traceback" not in err.getvalue()
    assert len(err.getvalue()) < 600, "the message quotes no hostile value at length"
    assert not ImportBatch.objects.exists() and not Contact.objects.exists()


@pytest.mark.parametrize(("file_name", "build", "expected"), HOSTILE, ids=IDS)
def test_the_api_answers_422(file_name, build, expected):
    user = UserFactory(username="importeur")
    user.user_permissions.set(Permission.objects.filter(codename__in=["import_lists", "view_contact"]))
    data = {"file": SimpleUploadedFile(file_name, build()), "network": "hackshield"}

    response = token_client(user).post("/api/v1/imports/", data, format="multipart")

    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert not ImportBatch.objects.exists()


@pytest.fixture
def importer_client(client):
    user = UserFactory(username="importeur")
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="network")
        | Permission.objects.filter(codename__in=["import_lists", "export_lists"])
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(("file_name", "build", "expected"), HOSTILE, ids=IDS)
def test_the_web_wizard_shows_the_sentence_not_a_500(importer_client, file_name, build, expected):
    data = {"file": SimpleUploadedFile(file_name, build()), "network": "", "as_of": ""}
    importer_client.post(reverse("network:import-upload"), data)

    response = importer_client.get(reverse("network:import-preview"), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("network:import-upload")
    assert expected in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize(("file_name", "build", "expected"), HOSTILE[:4], ids=IDS[:4])
def test_the_admin_shows_the_sentence_on_the_form(client, superuser, file_name, build, expected):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:network_membership_import"), {"import_file": SimpleUploadedFile(file_name, build())}
    )

    assert response.status_code == 200
    assert expected in response.content.decode()


def test_a_shared_string_bomb_is_refused_cheaply():
    data = shared_string_bomb()
    started = time.perf_counter()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(ImportFileError):
        run_import(actor=None, file=data, file_name="bom.xlsx", options=ImportOptions())

    assert len(data) < 300_000, "a small file that would expand to 640 million characters"
    assert time.perf_counter() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100 * 1024  # KB: under 100 MB more


@pytest.mark.parametrize("corner", ["XFD1048576", "AB1048576", "XFD60"])
def test_rows_beside_a_far_corner_cell_import_in_well_under_a_second(corner):
    people = [[f"P{n}", "Jansen", f"p{n}@var.example"] for n in range(50)]
    far_row = int(corner.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rows = rows_xml([["Voornaam", "Achternaam", "E-mail"], *people]) + rows_xml([(far_row, [" "])])
    data = xlsx([("Lijst", sheet_xml(rows.replace(f'r="A{far_row}"', f'r="{corner}"'), dimension=f"A1:{corner}"))])
    started = time.perf_counter()

    result = run_import(actor=None, file=data, file_name="ver.xlsx", options=ImportOptions())

    assert time.perf_counter() - started < 1
    assert (result.exit_code, result.row_count, Contact.objects.count()) == (0, 50, 50)


def test_the_far_corner_file_imports_through_the_web_wizard_and_the_api(client, superuser):
    """c02e: before, the web upload aborted the process on every reload of the preview."""
    content = data_file("import-cases/c02e_stray_space_XFD1048576.xlsx").read_bytes()
    client.force_login(superuser)
    client.post(reverse("network:import-upload"), {"file": SimpleUploadedFile("c02e.xlsx", content), "as_of": ""})

    for _ in range(2):
        preview = client.get(reverse("network:import-preview"))
        assert preview.status_code == 200
        assert "Hanna van Rijn" in preview.content.decode()

    response = token_client(superuser).post(
        "/api/v1/imports/", {"file": SimpleUploadedFile("c02e.xlsx", content), "dry_run": "true"}, format="multipart"
    )
    assert response.status_code == 200
    assert response.json()["rows"] == 1
