"""The admin's import (preview, then confirm) and export buttons, batch results and undo."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from network.choices import ImportStatus
from network.models import Contact, ImportBatch, Membership
from tests.factories import MembershipFactory, UserFactory
from tests.helpers import csv_bytes, data_file

D = datetime.date


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else data_file(name).read_bytes())


def test_contact_and_membership_change_lists_show_import_and_export_buttons(client, superuser):
    client.force_login(superuser)

    for model in ("contact", "membership"):
        page = client.get(reverse(f"admin:network_{model}_changelist")).content.decode()
        assert reverse(f"admin:network_{model}_import") in page
        assert reverse(f"admin:network_{model}_export") in page


def test_admin_import_previews_first_and_writes_only_after_confirming(client, superuser, afm):
    client.force_login(superuser)
    url = reverse("admin:network_membership_import")

    preview = client.post(url, {"import_file": upload("afm_titel.xlsx"), "network": afm.pk, "as_of": "01-03-2021"})

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Voorbeeld: dit verandert er" in page
    assert "Contactpersonen: 5 nieuw, 0 gewijzigd, 0 ongewijzigd" in page
    assert Contact.objects.count() == 0
    confirm = preview.context["confirm_form"]
    data = {name: value for name, value in confirm.initial.items() if value not in (None, False)}
    data["network"] = afm.pk
    data["as_of"] = "2021-03-01"

    done = client.post(reverse("admin:network_membership_process_import"), data)

    batch = ImportBatch.objects.get()
    assert done.status_code == 302
    assert done.url == reverse("admin:network_importbatch_change", args=[batch.pk])
    assert (batch.user, batch.as_of, batch.network) == (superuser, D(2021, 3, 1), afm)
    assert Membership.objects.filter(network=afm).count() == 5


def test_admin_import_with_row_errors_names_them_and_offers_no_confirm(client, superuser, afm):
    client.force_login(superuser)
    data = csv_bytes([["Naam", "E-mail", "Gemeente"], ["Ans Kok", "ans@var.example", "Den Haag"]])

    response = client.post(
        reverse("admin:network_contact_import"), {"import_file": upload("fout.csv", data), "network": afm.pk}
    )

    page = response.content.decode()
    assert "De gemeente &#x27;Den Haag&#x27; is niet bekend in het register." in page
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert Contact.objects.count() == 0


def test_admin_import_refuses_an_unreadable_file_with_one_sentence(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse("admin:network_contact_import"), {"import_file": upload("lijst.xlsm", b"PK")})

    assert response.status_code == 200
    [message] = response.context["form"].errors["import_file"]
    assert message.startswith("Bestanden met macro's of in binair Excel-formaat (.xlsm) worden niet geïmporteerd")


def test_admin_export_honours_the_change_list_filters(client, superuser, afm, hackshield, schiedam):
    client.force_login(superuser)
    MembershipFactory(contact__last_name="Inhetnetwerk", network=afm, gemeente=schiedam)
    MembershipFactory(contact__last_name="Daarbuiten", network=hackshield, gemeente=schiedam)
    url = reverse("admin:network_membership_export") + f"?network__id__exact={afm.pk}"

    response = client.post(url, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.content.decode("utf-8-sig")
    assert "Inhetnetwerk" in text
    assert "Daarbuiten" not in text


def test_batch_detail_shows_counts_and_per_row_results(client, superuser, do_import, afm):
    client.force_login(superuser)
    result = do_import("afm_titel.xlsx", network=afm)

    page = client.get(reverse("admin:network_importbatch_change", args=[result.batch.pk])).content.decode()

    assert "5 nieuw, 0 gewijzigd, 0 ongewijzigd" in page
    assert "Anouk Verbeek" in page
    assert reverse("admin:network_importbatch_undo", args=[result.batch.pk]) in page


def test_batch_undo_button_asks_and_then_reverts(client, superuser, do_import, afm):
    client.force_login(superuser)
    result = do_import("afm_titel.xlsx", network=afm)
    url = reverse("admin:network_importbatch_undo", args=[result.batch.pk])

    assert "terugdraaien?" in client.get(url).content.decode()
    response = client.post(url)

    assert response.status_code == 302
    result.batch.refresh_from_db()
    assert (result.batch.status, result.batch.undone_by) == (ImportStatus.UNDONE, superuser)
    assert Contact.objects.count() == 0


def test_batch_undo_action_reverts_newest_first_and_reports_refusals(client, superuser, do_import, afm):
    client.force_login(superuser)
    first = do_import(csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]), file_name="a.csv", network=afm)
    later = do_import(csv_bytes([["E-mail", "Functie"], ["ans@var.example", "AOV"]]), file_name="b.csv")
    changelist = reverse("admin:network_importbatch_changelist")

    client.post(changelist, {"action": "undo_batches", "_selected_action": [first.batch.pk]}, follow=True)
    first.batch.refresh_from_db()
    assert first.batch.status == ImportStatus.APPLIED

    client.post(changelist, {"action": "undo_batches", "_selected_action": [first.batch.pk, later.batch.pk]})

    assert set(ImportBatch.objects.values_list("status", flat=True)) == {ImportStatus.UNDONE}
    assert Contact.objects.count() == 0


def test_undo_needs_the_change_permission_on_batches(client, do_import, afm):
    staff = UserFactory(username="alleenkijken", is_staff=True)
    client.force_login(staff)
    result = do_import("afm_titel.xlsx", network=afm)

    response = client.post(reverse("admin:network_importbatch_undo", args=[result.batch.pk]))

    assert response.status_code == 403


def test_import_needs_permission_to_add_and_change_contacts_and_roles(client, db):
    viewer = UserFactory(username="kijker", is_staff=True)
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["view_contact", "view_membership"]))
    client.force_login(viewer)

    assert client.get(reverse("admin:network_contact_import")).status_code == 403
    # Reading is not exporting (a raadpleger reads but may not export): that takes the export right as well.
    assert client.get(reverse("admin:network_membership_export")).status_code == 403
    viewer.user_permissions.add(Permission.objects.get(codename="export_lists"))
    client.force_login(get_user_model().objects.get(pk=viewer.pk))
    assert client.get(reverse("admin:network_membership_export")).status_code == 200
