"""The Evenementen pages: list, event page, invitations, the import wizard and the jaaroverzicht; query counts
pinned and not growing with attendees; a raadpleger reads but cannot invite or import."""

import datetime

import pytest

from network import services
from network.models import Attendee
from tests.factories import ContactFactory, MembershipFactory, user_with_role

from .conftest import registration_csv


@pytest.fixture
def kernteam_client(client, db):
    client.force_login(user_with_role("kernteam", username="kernteam-web"))
    return client


@pytest.fixture
def reader_client(client, raadpleger):
    client.force_login(raadpleger)
    return client


def _attend(actor, event, count: int, afm):
    for _ in range(count):
        contact = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
        services.attendee_set(actor=actor, event=event, contact=contact, status="aanwezig")


@pytest.mark.parametrize("attendees", [2, 8])
def test_event_list_query_count_does_not_grow(kernteam_client, event, actor, afm, attendees, django_assert_num_queries):
    _attend(actor, event, attendees, afm)
    services.event_create(actor=actor, title="Leerhuis", kind="leerhuis", date=datetime.date(2021, 4, 12))
    with django_assert_num_queries(8):
        response = kernteam_client.get("/evenementen/?jaar=2021")
    assert response.status_code == 200
    assert "Najaarscarrousel 2021" in response.content.decode()


@pytest.mark.parametrize("attendees", [2, 8])
def test_event_page_query_count_does_not_grow(kernteam_client, event, actor, afm, attendees, django_assert_num_queries):
    _attend(actor, event, attendees, afm)
    with django_assert_num_queries(11):
        response = kernteam_client.get(f"/evenementen/{event.slug}/")
    page = response.content.decode()
    assert f"Deelnemers ({attendees})" in page
    assert "Schiedam: Bereikt" in page
    assert "Aanwezigheid importeren" in page


@pytest.mark.parametrize("attendees", [2, 8])
def test_year_report_query_count_does_not_grow(reader_client, event, actor, afm, attendees, django_assert_num_queries):
    _attend(actor, event, attendees, afm)
    with django_assert_num_queries(12):
        response = reader_client.get("/jaaroverzicht/2021/")
    assert response.status_code == 200
    assert "Jaaroverzicht 2021" in response.content.decode()


def test_year_report_downloads_as_xlsx(reader_client, event):
    response = reader_client.get("/jaaroverzicht/2021/?export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_raadpleger_reads_but_cannot_invite_or_import(reader_client, event):
    page = reader_client.get(f"/evenementen/{event.slug}/").content.decode()
    assert "Uitnodigen" not in page
    assert reader_client.get(f"/evenementen/{event.slug}/uitnodigen/").status_code == 403
    assert reader_client.get(f"/evenementen/{event.slug}/aanwezigheid/").status_code == 403


def test_invitation_preview_export_bcc_and_add(kernteam_client, event, afm, actor):
    current = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
    MembershipFactory(
        network=afm, start_date=datetime.date(2020, 1, 1), end_date=event.date - datetime.timedelta(days=1)
    )
    objector = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
    services.contact_set_mailing_objection(actor=actor, contact=objector, on=datetime.date(2021, 1, 1))
    url = f"/evenementen/{event.slug}/uitnodigen/?networks={afm.pk}"
    page = kernteam_client.get(url).content.decode()
    assert "1 mensen in de selectie" in page
    assert "Weggelaten wegens bezwaar tegen mailings: 1" in page
    assert current.email in page
    csv = kernteam_client.get(url + "&export=csv")
    assert current.email in csv.content.decode("utf-8-sig")
    response = kernteam_client.post(url, {"networks": [afm.pk]})
    assert response.status_code == 302
    assert list(Attendee.objects.filter(event=event).values_list("contact_id", "status")) == [
        (current.pk, "uitgenodigd")
    ]


def test_an_empty_selection_is_refused(kernteam_client, event):
    response = kernteam_client.get(f"/evenementen/{event.slug}/uitnodigen/")
    assert response.status_code == 200
    assert "Kies ten minste" not in response.content.decode()
    response = kernteam_client.post(f"/evenementen/{event.slug}/uitnodigen/", {})
    assert response.status_code == 400
    assert "Kies ten minste één" in response.content.decode()


def test_import_wizard_preview_then_create_checked_rows(kernteam_client, event, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("aanwezigheid.csv", registration_csv(), content_type="text/csv")
    response = kernteam_client.post(f"/evenementen/{event.slug}/aanwezigheid/", {"file": upload})
    assert response.status_code == 302
    preview = kernteam_client.get(response["Location"]).content.decode()
    assert "Niet herkend — bedoelt u" in preview
    assert 'name="aanmaken" value="6"' in preview
    assert not Attendee.objects.exists()
    sha256 = kernteam_client.session["attendance_wizard"]["sha256"]
    done = kernteam_client.post(
        f"/evenementen/{event.slug}/aanwezigheid/bevestigen/", {"sha256": sha256, "aanmaken": ["6"]}
    )
    assert done.status_code == 302
    assert Attendee.objects.filter(event=event).count() == 3
    assert Attendee.objects.filter(contact__email="petra@nieuw.example").exists()


def test_contact_and_gemeente_pages_show_events(kernteam_client, event, people, actor):
    services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig", role="spreker")
    page = kernteam_client.get(f"/contactpersonen/{people['jan'].pk}/").content.decode()
    assert "Najaarscarrousel 2021" in page and "Spreker" in page
    page = kernteam_client.get("/gemeenten/GM0606/").content.decode()
    assert "Najaarscarrousel 2021</a> (1 aanwezig)" in page
    ContactFactory()


def test_attendee_and_invitee_exports_are_logged_and_need_the_export_right(
    kernteam_client, raadpleger, event, people, actor, afm
):
    from accounts.models import ExportLog

    services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig")
    response = kernteam_client.get(f"/evenementen/{event.slug}/deelnemers.csv")
    assert "jan.jansen@schiedam.example" in response.content.decode("utf-8-sig")
    kernteam_client.get(f"/evenementen/{event.slug}/uitnodigen/?networks={afm.pk}&export=xlsx")
    assert ExportLog.objects.count() == 2
    kernteam_client.force_login(raadpleger)
    assert kernteam_client.get(f"/evenementen/{event.slug}/deelnemers.csv").status_code == 403
