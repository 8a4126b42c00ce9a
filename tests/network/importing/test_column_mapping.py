"""The column mapping step (IMPORT.md "Columns"): shown in the preview, changed through the command, the API,
the web wizard and the admin, and proposed again for the same headers; and the preview's per-row detail."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from network.importing import ImportOptions, run_import
from network.importing.columns import header_set_hash, map_columns
from network.models import ColumnMapping, Contact, ImportBatch
from tests.factories import ContactFactory
from tests.helpers import SUMMARY_KEYS, csv_bytes, token_client

pytestmark = pytest.mark.django_db

# "Werkt bij" is no synonym; "Naam partner" is no column to read.
ODD = csv_bytes(
    [
        ["Naam", "E-mail", "Werkt bij", "Naam partner"],
        ["Ans Kok", "ans@var.example", "Halt", "Piet Kok"],
        ["Bob Berg", "bob@var.example", "Halt", ""],
    ]
)
CHOICE = {"Werkt bij": "organisatie", "Naam partner": "negeren"}


@pytest.fixture
def kernteam_client(client, actor):
    client.force_login(actor)
    return client


@pytest.fixture
def editor(actor):
    return actor


def run_command(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_contacts", str(path), *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_synonyms_of_dutch_office_software_are_detected():
    header = ["Titel", "Voorletters", "Middelste naam", "Achternaam", "Bedrijf", "Telefoon op werk", "Mobiel nr."]
    cmap = map_columns(header, 0)

    assert cmap.columns == {
        "titles": 0,
        "initials": 1,
        "tussenvoegsel": 2,
        "last_name": 3,
        "organisation": 4,
        "phone": 5,
        "mobile": 6,
    }
    assert cmap.mapping[0] == ("Titel", "titles")


def test_the_same_headers_however_spelled_have_one_key():
    assert header_set_hash(["E-mail", "Naam "]) == header_set_hash(["email", "NAAM"])
    assert header_set_hash(["E-mail", "Naam"]) != header_set_hash(["Naam", "E-mail"])


def test_the_command_takes_columns_and_a_dry_run_json_shows_mapping_and_rows(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes(ODD)

    code, out, err = run_command(path, "--json", "--dry-run", *[f"--column={h}={f}" for h, f in CHOICE.items()])

    assert code == 0, err
    preview = json.loads(out)
    assert list(preview)[: len(SUMMARY_KEYS)] == SUMMARY_KEYS
    assert preview["rows"] == 2, "rows stays the count"
    assert {"header": "Werkt bij", "field": "organisation", "label": "organisatie"} in preview["columns"]
    assert {"header": "Naam partner", "field": "", "label": "negeren"} in preview["columns"]
    assert [row["organisation"] for row in preview["row_details"]] == ["Halt", "Halt"]
    assert not Contact.objects.exists()
    assert not ColumnMapping.objects.exists(), "a dry run remembers nothing"


def test_the_command_refuses_an_unknown_field_or_header_with_exit_2(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes(ODD)

    unknown_field = run_command(path, "--column", "Werkt bij=schoenmaat")
    unknown_header = run_command(path, "--column", "Werkgever X=organisatie")

    assert unknown_field[0] == unknown_header[0] == 2
    assert "Het veld 'schoenmaat' bestaat niet" in unknown_field[2]
    assert "De kolom 'Werkgever X' staat niet in de kopregel" in unknown_header[2]


def test_an_applied_json_run_keeps_exactly_the_contract_keys(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes(ODD)

    code, out, err = run_command(path, "--json", "--column", "Werkt bij=organisatie")

    assert code == 0, err
    assert list(json.loads(out)) == SUMMARY_KEYS


def test_a_chosen_mapping_is_remembered_and_proposed_for_the_same_headers(actor):
    options = ImportOptions(as_of=datetime.date(2021, 3, 1), columns={"Werkt bij": "organisation"})
    run_import(actor=actor, file=ODD, file_name="a.csv", options=options)
    remembered = ColumnMapping.objects.get()
    assert remembered.columns == {"Werkt bij": "organisation"}
    assert remembered.user == actor

    again = csv_bytes([["naam", "e-mail", "WERKT BIJ", "Naam partner"], ["Cor Smit", "cor@var.example", "RIEC", ""]])
    result = run_import(actor=actor, file=again, file_name="b.csv", options=ImportOptions(dry_run=True))

    assert result.remembered_mapping
    assert result.preview["row_details"][0]["organisation"] == "RIEC"
    assert any("eerdere import" in w["message"] for w in result.summary["warnings"])


def test_other_headers_get_no_remembered_mapping(actor):
    options = ImportOptions(as_of=datetime.date(2021, 3, 1), columns={"Werkt bij": "organisation"})
    run_import(actor=actor, file=ODD, file_name="a.csv", options=options)

    other = csv_bytes([["Naam", "E-mail", "Werkt bij"], ["Cor Smit", "cor@var.example", "RIEC"]])
    result = run_import(actor=actor, file=other, file_name="b.csv", options=ImportOptions(dry_run=True))

    assert not result.remembered_mapping
    assert result.preview["row_details"][0]["organisation"] == ""


def test_a_user_mapped_header_can_be_the_only_column_that_names_a_person(actor):
    data = csv_bytes([["Adres", "Wie"], ["ans@var.example", "Ans Kok"]])

    result = run_import(
        actor=actor,
        file=data,
        file_name="a.csv",
        options=ImportOptions(dry_run=True, columns={"Adres": "email", "Wie": "full_name"}),
    )

    assert result.exit_code == 0, result.summary
    assert result.preview["row_details"][0]["contact"] == "Ans Kok"


def test_the_api_takes_columns_and_its_dry_run_shows_the_rows(editor):
    client = token_client(editor)
    known = ContactFactory(email="bob@var.example", first_name="Bob", last_name="Berg", organisation=None)

    response = client.post(
        "/api/v1/imports/",
        {"file": SimpleUploadedFile("lijst.csv", ODD), "dry_run": "true", "columns": json.dumps(CHOICE)},
        format="multipart",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert list(body)[: len(SUMMARY_KEYS)] == SUMMARY_KEYS
    ans, bob = body["row_details"]
    assert (ans["contact_status"], ans["contact_id"], ans["organisation"]) == ("new", None, "Halt")
    assert (bob["contact_status"], bob["contact_id"]) == ("existing", known.pk)
    assert bob["contact_url"] == reverse("network:contact-detail", kwargs={"pk": known.pk})
    assert bob["changes"] == {"organisation": ["", "Halt"]}


@pytest.mark.parametrize(
    ("columns", "message"),
    [('{"Werkt bij": "schoenmaat"}', "bestaat niet"), ('["Werkt bij"]', "JSON-object"), ("{nee", "JSON")],
)
def test_the_api_refuses_bad_columns_with_a_dutch_400(editor, columns, message):
    client = token_client(editor)

    response = client.post(
        "/api/v1/imports/", {"file": SimpleUploadedFile("lijst.csv", ODD), "columns": columns}, format="multipart"
    )

    assert response.status_code == 400
    assert "columns" in response.json()
    assert not ImportBatch.objects.exists()


def test_the_web_wizard_shows_the_mapping_lets_the_user_change_it_and_remembers_it(kernteam_client):
    known = ContactFactory(email="bob@var.example", first_name="Bob", last_name="Berg", organisation=None)
    kernteam_client.post(
        reverse("network:import-upload"),
        {"file": SimpleUploadedFile("lijst.csv", ODD), "network": "", "as_of": "2021-03-01"},
    )
    page = kernteam_client.get(reverse("network:import-preview")).content.decode()
    assert "Kolomindeling toepassen" in page
    assert 'name="header-2" value="Werkt bij"' in page
    sha = page.split('name="sha256" value="')[1].split('"')[0]

    response = kernteam_client.post(
        reverse("network:import-columns"),
        {
            "sha256": sha,
            "count": "4",
            "header-2": "Werkt bij",
            "field-2": "organisation",
            "header-3": "Naam partner",
        },
    )
    assert response["Location"] == reverse("network:import-preview")
    page = kernteam_client.get(reverse("network:import-preview")).content.decode()

    assert '<option value="organisation" selected>' in page
    assert f'href="{known.get_absolute_url()}">Bob Berg</a> (bestaand)' in page
    assert "Ans Kok (nieuw)" in page
    assert "Halt" in page
    kernteam_client.post(reverse("network:import-confirm"), {"sha256": sha})
    assert Contact.objects.get(email="ans@var.example").organisation.name == "Halt"
    assert ColumnMapping.objects.get().columns == {"Werkt bij": "organisation", "Naam partner": ""}


def test_the_web_wizard_refuses_an_unknown_field(kernteam_client):
    kernteam_client.post(
        reverse("network:import-upload"), {"file": SimpleUploadedFile("lijst.csv", ODD), "network": "", "as_of": ""}
    )
    page = kernteam_client.get(reverse("network:import-preview")).content.decode()
    sha = page.split('name="sha256" value="')[1].split('"')[0]

    response = kernteam_client.post(
        reverse("network:import-columns"),
        {"sha256": sha, "count": "1", "header-0": "Werkt bij", "field-0": "schoenmaat"},
        follow=True,
    )

    assert "Het veld &#x27;schoenmaat&#x27; bestaat niet" in response.content.decode()


def test_the_admin_takes_columns_shows_the_mapping_and_rows_and_remembers_on_confirm(client, superuser):
    client.force_login(superuser)
    known = ContactFactory(email="bob@var.example", first_name="Bob", last_name="Berg", organisation=None)

    preview = client.post(
        reverse("admin:network_contact_import"),
        {
            "import_file": SimpleUploadedFile("lijst.csv", ODD),
            "as_of": "01-03-2021",
            "columns": "Werkt bij=organisatie\r\nNaam partner=negeren",
        },
    )

    page = preview.content.decode()
    assert "<td>Werkt bij</td><td>organisatie</td>" in page
    assert reverse("admin:network_contact_change", args=[known.pk]) in page
    confirm = preview.context["confirm_form"]
    data = {name: value for name, value in confirm.initial.items() if value not in (None, False)}
    data["as_of"] = "2021-03-01"
    client.post(reverse("admin:network_contact_process_import"), data)

    assert Contact.objects.get(email="ans@var.example").organisation.name == "Halt"
    assert ColumnMapping.objects.get().columns == {"Werkt bij": "organisation", "Naam partner": ""}


def test_the_admin_refuses_an_unknown_field(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:network_contact_import"),
        {"import_file": SimpleUploadedFile("lijst.csv", ODD), "columns": "Werkt bij=schoenmaat"},
    )

    assert "Het veld &#x27;schoenmaat&#x27; bestaat niet" in response.content.decode()
    assert not ImportBatch.objects.exists()
