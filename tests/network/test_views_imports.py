"""The import wizard: upload → preview (nothing written) → confirm → batch page → undo."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import ExportLog
from network.models import Contact, ImportBatch
from tests.factories import UserFactory, network

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def importer_client(client):
    user = UserFactory(username="importeur")
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="network")
        | Permission.objects.filter(codename__in=["import_lists", "export_lists"])
    )
    client.force_login(user)
    return client


def upload(client, name: str, content: bytes | None = None, **extra):
    content = content if content is not None else (DATA / name).read_bytes()
    data = {"file": SimpleUploadedFile(name, content), "network": "", "as_of": "", **extra}
    return client.post(reverse("network:import-upload"), data)


def test_preview_shows_what_will_change_and_writes_nothing(importer_client, afm):
    contacts_before = Contact.objects.count()
    response = upload(importer_client, "afm_titel.xlsx", network=afm.pk)
    assert response.status_code == 302 and response["Location"] == reverse("network:import-preview")
    html = importer_client.get(reverse("network:import-preview")).content.decode()
    assert "Nieuwe contactpersonen" in html
    assert "Import bevestigen" in html
    assert Contact.objects.count() == contacts_before
    assert not ImportBatch.objects.exists()


def test_confirm_imports_and_undo_reverts(importer_client, afm):
    contacts_before = Contact.objects.count()
    upload(importer_client, "afm_titel.xlsx", network=afm.pk)
    preview = importer_client.get(reverse("network:import-preview")).content.decode()
    sha = preview.split('name="sha256" value="')[1].split('"')[0]
    response = importer_client.post(reverse("network:import-confirm"), {"sha256": sha})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("network:import-batch", kwargs={"pk": batch.pk})
    assert Contact.objects.count() > contacts_before
    page = importer_client.get(response["Location"]).content.decode()
    assert "Import terugdraaien" in page
    assert "<td>Nieuw</td>" in page
    importer_client.post(reverse("network:import-undo", kwargs={"pk": batch.pk}))
    batch.refresh_from_db()
    assert batch.status == "undone"
    assert Contact.objects.count() == contacts_before


def test_a_file_without_a_header_is_refused_with_a_dutch_message(importer_client):
    upload(importer_client, "leeg.csv", b"foo;bar\n1;2\n")
    response = importer_client.get(reverse("network:import-preview"), follow=True)
    assert "kopregel" in response.content.decode()


def test_row_errors_block_confirmation_unless_skipping(importer_client):
    csv = "Naam;E-mail;Gemeente;Netwerk\nJan Jansen;jan@example.org;Atlantis;HackShield\n".encode("cp1252")
    upload(importer_client, "fout.csv", csv)
    html = importer_client.get(reverse("network:import-preview")).content.decode()
    assert "Atlantis" in html
    assert "Import bevestigen" not in html
    upload(importer_client, "fout.csv", csv, skip_invalid="on")
    assert "Import bevestigen" in importer_client.get(reverse("network:import-preview")).content.decode()


def test_sync_without_network_is_refused_on_the_form(importer_client):
    response = upload(importer_client, "afm_titel.xlsx", sync="on")
    assert response.status_code == 400
    assert "Kies het netwerk om te synchroniseren." in response.content.decode()


def test_import_pages_need_the_permission(client):
    client.force_login(UserFactory(username="lezer"))
    assert client.get(reverse("network:import-upload")).status_code == 403
    assert client.post(reverse("network:import-confirm")).status_code == 403


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_gemeente_export_lists_the_roles_on_the_chosen_date(importer_client, fmt, django_assert_num_queries):
    from tests.factories import MembershipFactory, gemeente

    MembershipFactory(contact__last_name="=SOM(A1)", gemeente=gemeente("GM0606"))
    MembershipFactory.create_batch(3, gemeente=gemeente("GM0606"), network=network("hackshield"))
    url = reverse("network:gemeente-export", kwargs={"code": "GM0606", "fmt": fmt})
    with django_assert_num_queries(10):  # 7, and the export log row in its own savepoint
        response = importer_client.get(url, {"date": "2021-03-01"})
    assert response.status_code == 200
    assert ExportLog.objects.get().rows == 4
    assert response["Content-Disposition"] == f'attachment; filename="rollen-schiedam-2021-03-01.{fmt}"'
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        assert text.startswith("Voornaam;Tussenvoegsel;Achternaam")
        assert "'=SOM(A1)" in text
    else:
        assert response.content[:2] == b"PK"


def test_network_and_coverage_exports_download(importer_client):
    from io import BytesIO

    from openpyxl import load_workbook

    response = importer_client.get(reverse("network:network-export", kwargs={"slug": "hackshield", "fmt": "csv"}))
    assert response.status_code == 200
    response = importer_client.get(reverse("network:coverage-export", kwargs={"fmt": "xlsx"}), {"region": "ZHZ"})
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Gemeente", "CBS-code", "Regio", "Aandachtsfunctionarissen mensenhandel – status")
    assert len(rows) == 11
    assert {row[2] for row in rows[1:]} == {"ZHZ"}


def test_unknown_export_format_is_a_404(importer_client):
    url = reverse("network:gemeente-export", kwargs={"code": "GM0606", "fmt": "pdf"})
    assert importer_client.get(url).status_code == 404


def test_batch_page_and_upload_page_have_fixed_query_counts(importer_client, afm, django_assert_num_queries):
    for _ in range(2):
        upload(importer_client, "afm_titel.xlsx", network=afm.pk)
        preview = importer_client.get(reverse("network:import-preview")).content.decode()
        sha = preview.split('name="sha256" value="')[1].split('"')[0]
        importer_client.post(reverse("network:import-confirm"), {"sha256": sha})
    batch = ImportBatch.objects.order_by("pk").first()
    with django_assert_num_queries(7):  # 5, and the batch's rows: their number and one page of them
        assert importer_client.get(reverse("network:import-batch", kwargs={"pk": batch.pk})).status_code == 200
    with django_assert_num_queries(6):
        page = importer_client.get(reverse("network:import-upload")).content.decode()
    assert page.count("Import #") == 2


def test_an_unreadable_file_gets_a_dutch_message_not_a_500(importer_client, settings):
    # Not an xlsx at all: refused on the form, before anything is written.
    response = upload(importer_client, "kapot.xlsx", b"dit is geen spreadsheet")
    assert response.status_code == 400
    assert "kapot.xlsx is geen echt .xlsx-bestand" in response.content.decode()
    assert not list(Path(settings.IMPORT_UPLOAD_DIR).glob("*"))
    # A zip that is no spreadsheet: the preview says so, and the waiting file is removed.
    upload(importer_client, "kapot.xlsx", b"PK\x03\x04 dit is geen spreadsheet")
    response = importer_client.get(reverse("network:import-preview"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("network:import-upload")
    assert '<li class="error">' in response.content.decode()
    assert not list(Path(settings.IMPORT_UPLOAD_DIR).glob("*"))


def test_an_empty_file_is_refused_on_the_form(importer_client):
    response = upload(importer_client, "leeg.csv", b"")
    assert response.status_code == 400
    assert "Het verstuurde bestand is leeg." in response.content.decode()


def test_preview_names_changed_fields_in_dutch_with_old_and_new_values(importer_client, afm):
    from tests.factories import ContactFactory

    ContactFactory(first_name="Anouk", last_name="Verbeek", email="anouk.verbeek@schiedam.example", phone="")
    upload(importer_client, "afm_titel.xlsx", network=afm.pk)
    html = importer_client.get(reverse("network:import-preview")).content.decode()
    assert "Telefoon: <del>—</del> → <ins>010 123 4567</ins>" in html


def test_exports_need_the_view_permission(client):
    client.force_login(UserFactory(username="zonder-rechten"))
    url = reverse("network:gemeente-export", kwargs={"code": "GM0606", "fmt": "csv"})
    assert client.get(url).status_code == 403
    assert client.get(reverse("network:coverage-export", kwargs={"fmt": "xlsx"})).status_code == 403
