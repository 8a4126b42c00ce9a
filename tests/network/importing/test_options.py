"""ImportOptions.clean is the one check of an import's options: the web form, the admin, the API and the
command refuse the same options with the same Dutch message."""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from network.importing import ImportOptions
from network.models import ImportBatch
from tests.factories import NETWORK_MODELS, UserFactory, user_with
from tests.helpers import data_file, token_client

FUTURE = "De lijstdatum ligt in de toekomst."


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


def upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("afm_titel.xlsx", data_file("afm_titel.xlsx").read_bytes())


def test_clean_accepts_today_and_no_date():
    ImportOptions(as_of=timezone.localdate()).clean()
    ImportOptions().clean()


@pytest.mark.parametrize(
    ("options", "errors"),
    [
        (ImportOptions(as_of=datetime.date(2999, 1, 1)), {"as_of": [FUTURE]}),
        (ImportOptions(as_of=datetime.date(1899, 12, 31)), {"as_of": ["De lijstdatum ligt voor 1900."]}),
    ],
)
def test_clean_refuses_a_date_out_of_range_keyed_by_field(options, errors):
    with pytest.raises(ValidationError) as refused:
        options.clean()
    assert refused.value.message_dict == errors


def test_a_sync_without_network_is_refused_only_where_the_network_is_asked_up_front():
    ImportOptions(sync=True).clean()
    with pytest.raises(ValidationError) as refused:
        ImportOptions(sync=True).clean(sync_needs_network=True)
    assert refused.value.message_dict == {"network": ["Kies het netwerk om te synchroniseren."]}


@pytest.mark.django_db
def test_the_web_form_refuses_an_as_of_in_the_future(client, afm):
    user = UserFactory(username="importeur")
    network_permissions = Permission.objects.filter(content_type__app_label="network")
    user.user_permissions.set(network_permissions | Permission.objects.filter(codename="import_lists"))
    client.force_login(user)

    response = client.post(
        reverse("network:import-upload"), {"file": upload(), "network": afm.pk, "as_of": tomorrow().isoformat()}
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {"as_of": [FUTURE]}


@pytest.mark.django_db
def test_the_admin_refuses_an_as_of_in_the_future(client, superuser, afm):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:network_membership_import"),
        {"import_file": upload(), "network": afm.pk, "as_of": tomorrow().strftime("%d-%m-%Y")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"as_of": [FUTURE]}
    assert "result" not in response.context
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_the_admin_asks_for_the_network_of_a_sync_list(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse("admin:network_membership_import"), {"import_file": upload(), "sync": "on"})

    assert response.context["form"].errors == {"network": ["Kies het netwerk om te synchroniseren."]}


@pytest.mark.django_db
def test_the_api_refuses_an_as_of_in_the_future_with_400_and_the_field_error():
    user = user_with("kernteam", [f"{perm}_{model}" for model in NETWORK_MODELS for perm in ("view", "add", "change")])
    user.user_permissions.add(Permission.objects.get(codename="import_lists"))

    response = token_client(user).post(
        "/api/v1/imports/",
        {"file": upload(), "network": "aandachtsfunctionarissen-mensenhandel", "as_of": tomorrow().isoformat()},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json() == {"as_of": [FUTURE]}
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_the_command_refuses_an_as_of_in_the_future_with_exit_2():
    err = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import_contacts", str(data_file("afm_titel.xlsx")), "--as-of", tomorrow().isoformat(), stderr=err)

    assert exited.value.code == 2
    assert err.getvalue().strip() == f"--as-of: {FUTURE}"
    assert not ImportBatch.objects.exists()
