"""The kernteam's web pages: login, permissions, what each page shows, and its fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network import services
from network.models import Membership, Outreach
from tests.factories import ContactFactory, gemeente

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate

PAGES = [
    ("network:dashboard", {}),
    ("network:search", {}),
    ("network:gemeente-list", {}),
    ("network:gemeente-detail", {"code": "GM0606"}),
    ("network:network-list", {}),
    ("network:network-detail", {"slug": "hackshield"}),
    ("network:coverage-board", {}),
    ("network:contact-list", {}),
    ("network:contact-picker", {}),
]


def write_requests(registry):
    membership = Membership.objects.filter(end_date__isnull=True).first()
    contact = registry["new"]
    return [
        ("get", reverse("network:membership-add", kwargs={"slug": "hackshield"})),
        ("post", reverse("network:membership-add", kwargs={"slug": "hackshield"})),
        ("post", reverse("network:membership-end", kwargs={"pk": membership.pk})),
        ("post", reverse("network:membership-handover", kwargs={"pk": membership.pk})),
        ("post", reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0606"})),
        ("get", reverse("network:contact-create")),
        ("post", reverse("network:contact-edit", kwargs={"pk": contact.pk})),
        ("post", reverse("network:contact-merge", kwargs={"pk": contact.pk})),
    ]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_page_sends_anonymous_visitors_to_the_login_page(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_dutch_and_logs_in(client, kernteam):
    page = client.get(reverse("login"))
    assert "Gebruikersnaam" in page.content.decode()
    response = client.post(reverse("login"), {"username": "kim", "password": "geheim-wachtwoord-1"})
    assert response.status_code == 302
    assert client.get(reverse("network:dashboard")).status_code == 200


def test_wrong_password_gets_a_dutch_message(client, kernteam):
    response = client.post(reverse("login"), {"username": "kim", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_pages_have_landmarks_and_a_skip_link(kernteam_client, registry):
    html = kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM0606"})).content.decode()
    assert 'href="#inhoud"' in html
    assert '<main id="inhoud"' in html
    assert 'role="search"' in html
    assert '<nav class="main-nav" aria-label="Hoofdmenu">' in html
    assert "<script>" not in html and " style=" not in html and "onclick" not in html


def test_writes_are_forbidden_without_the_model_permission(reader_client, registry):
    for method, url in write_requests(registry):
        response = getattr(reader_client, method)(url, {})
        assert response.status_code == 403, url
    assert "Geen toegang" in reader_client.get(write_requests(registry)[0][1]).content.decode()


def test_reader_sees_no_write_buttons(reader_client, registry):
    html = reader_client.get(reverse("network:network-detail", kwargs={"slug": "hackshield"})).content.decode()
    assert "Lid toevoegen" not in html
    assert "Contactmoment vastleggen" not in html


# Gemeenten


def test_gemeente_list_groups_by_region_with_a_fixed_number_of_queries(
    kernteam_client, registry, django_assert_num_queries
):
    with django_assert_num_queries(5):
        response = kernteam_client.get(reverse("network:gemeente-list"))
    html = response.content.decode()
    assert "Rotterdam-Rijnmond" in html and "Zuid-Holland Zuid" in html
    assert "Opgegaan in" in html


def test_gemeente_page_groups_roles_by_theme_and_network(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(14):
        response = kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM0606"}))
    html = response.content.decode()
    assert "<h3>Mensenhandel</h3>" in html
    assert "Aandachtsfunctionarissen mensenhandel" in html
    assert "Nieuw Functionaris" in html
    assert f'href="mailto:{registry["new"].email}"' in html


def test_gemeente_page_time_travels_to_a_past_date(kernteam_client, registry):
    url = reverse("network:gemeente-detail", kwargs={"code": "GM0606"})
    past = kernteam_client.get(url, {"date": "2021-03-01"}).content.decode()
    now = kernteam_client.get(url).content.decode()
    roles_past = past.split('id="rollen-titel"')[1].split('id="contact-titel"')[0]
    roles_now = now.split('id="rollen-titel"')[1].split('id="contact-titel"')[0]
    assert "Oud Functionaris" in roles_past and "Nieuw Functionaris" not in roles_past
    assert "Nieuw Functionaris" in roles_now and "Oud Functionaris" not in roles_now
    assert "Je bekijkt de situatie op <strong>01-03-2021</strong>" in past
    # The history keeps both, whatever the date.
    assert "Oud Functionaris" in now.split('id="geschiedenis-titel"')[1]


def test_gemeente_page_with_an_unreadable_date_shows_today_and_says_so(kernteam_client, registry):
    response = kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM0606"}), {"date": "gisteren"})
    assert response.status_code == 200
    assert "is geen datum" in response.content.decode()


def test_merged_gemeente_names_its_successor_and_voorne_aan_zee_its_predecessors(kernteam_client):
    brielle = kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM0501"})).content.decode()
    assert "opgegaan in" in brielle and "Voorne aan Zee" in brielle
    voorne = kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM1992"})).content.decode()
    assert "ontstaan uit" in voorne
    for name in ("Brielle", "Hellevoetsluis", "Westvoorne"):
        assert name in voorne


def test_unknown_gemeente_is_a_404(kernteam_client):
    assert kernteam_client.get(reverse("network:gemeente-detail", kwargs={"code": "GM9999"})).status_code == 404


# Networks


def test_network_list_by_theme_with_a_fixed_number_of_queries(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(5):
        response = kernteam_client.get(reverse("network:network-list"))
    assert "HackShield" in response.content.decode()


def test_network_page_shows_current_and_former_members(kernteam_client, registry, django_assert_num_queries):
    url = reverse("network:network-detail", kwargs={"slug": "aandachtsfunctionarissen-mensenhandel"})
    with django_assert_num_queries(17):
        response = kernteam_client.get(url)
    html = response.content.decode()
    members = html.split('id="leden-titel"')[1].split('id="oud-titel"')[0]
    former = html.split('id="oud-titel"')[1]
    assert "Nieuw Functionaris" in members and "Oud Functionaris" not in members
    assert "Oud Functionaris" in former


def test_network_page_coverage_table_shows_statuses(kernteam_client, registry):
    html = kernteam_client.get(reverse("network:network-detail", kwargs={"slug": "hackshield"})).content.decode()
    row = html.split('id="dekking-GM0599"')[1].split("</tr>")[0]
    assert "Gedekt" in row
    assert "Afgewezen" in html.split('id="dekking-GM0622"')[1].split("</tr>")[0]
    assert "In behandeling" in html.split('id="dekking-GM0606"')[1].split("</tr>")[0]
    assert "Nog te benaderen" in html.split('id="dekking-GM0613"')[1].split("</tr>")[0]
    assert "<svg" in html and "K1 2021" in html


def test_logging_outreach_with_htmx_returns_the_updated_row(kernteam_client, registry, kernteam):
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    data = {"date": TODAY().isoformat(), "channel": "telefoon", "outcome": "Belt terug", "follow_up_date": ""}
    response = kernteam_client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<tr id="dekking-GM0613"')
    assert "In behandeling" in html and "Belt terug" in html
    outreach = Outreach.objects.get(gemeente__code="GM0613")
    assert outreach.user == kernteam


def test_logging_outreach_with_a_follow_up_before_the_date_shows_the_dutch_error(kernteam_client, registry):
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    data = {"date": "2024-05-01", "channel": "email", "follow_up_date": "2024-04-01"}
    response = kernteam_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "De vervolgdatum ligt voor de datum van het contactmoment." in response.content.decode()
    assert not Outreach.objects.filter(gemeente__code="GM0613").exists()


def test_logging_outreach_without_htmx_redirects_to_the_network(kernteam_client, registry):
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    response = kernteam_client.post(url, {"date": "2024-05-01", "channel": "email"})
    assert response.status_code == 302
    assert Outreach.objects.filter(gemeente__code="GM0613").count() == 1


def test_add_member_starts_a_role(kernteam_client, registry, schiedam):
    contact = ContactFactory()
    url = reverse("network:membership-add", kwargs={"slug": "hackshield"})
    data = {"contact": contact.pk, "role": "contactpersoon", "gemeente": schiedam.pk, "start": "2024-01-01"}
    response = kernteam_client.post(url, data)
    assert response.status_code == 302
    assert Membership.objects.filter(contact=contact, network__slug="hackshield", gemeente=schiedam).exists()


def test_add_member_that_overlaps_shows_the_conflict_in_dutch(kernteam_client, registry, schiedam):
    new = registry["new"]
    url = reverse("network:membership-add", kwargs={"slug": "aandachtsfunctionarissen-mensenhandel"})
    data = {"contact": new.pk, "role": "aandachtsfunctionaris", "gemeente": schiedam.pk, "start": "2023-01-01"}
    response = kernteam_client.post(url, data)
    assert response.status_code == 400
    assert "heeft deze rol in" in response.content.decode()


def test_add_member_to_a_per_gemeente_network_requires_the_gemeente(kernteam_client, registry):
    url = reverse("network:membership-add", kwargs={"slug": "hackshield"})
    response = kernteam_client.post(url, {"contact": registry["new"].pk, "role": "lid", "start": "2024-01-01"})
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()


def test_end_role_keeps_the_row_with_an_end_date(kernteam_client, registry):
    membership = Membership.objects.get(contact=registry["new"])
    response = kernteam_client.post(
        reverse("network:membership-end", kwargs={"pk": membership.pk}), {"end": "2024-12-31"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2024, 12, 31)


def test_end_role_before_its_start_shows_the_dutch_error(kernteam_client, registry):
    membership = Membership.objects.get(contact=registry["new"])
    response = kernteam_client.post(
        reverse("network:membership-end", kwargs={"pk": membership.pk}), {"end": "2020-01-01"}
    )
    assert response.status_code == 400
    assert "ligt voor de startdatum" in response.content.decode()


def test_handover_ends_the_role_and_starts_it_for_the_successor(kernteam_client, registry):
    membership = Membership.objects.get(contact=registry["new"])
    successor = ContactFactory(first_name="Derde", last_name="Persoon")
    response = kernteam_client.post(
        reverse("network:membership-handover", kwargs={"pk": membership.pk}),
        {"successor": successor.pk, "on": "2025-02-01"},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2025, 1, 31)
    new = Membership.objects.get(contact=successor)
    assert (new.start_date, new.gemeente, new.role) == (datetime.date(2025, 2, 1), membership.gemeente, membership.role)


def test_handover_to_the_same_person_shows_the_dutch_error(kernteam_client, registry):
    membership = Membership.objects.get(contact=registry["new"])
    response = kernteam_client.post(
        reverse("network:membership-handover", kwargs={"pk": membership.pk}),
        {"successor": registry["new"].pk, "on": "2025-02-01"},
    )
    assert response.status_code == 400
    assert "dezelfde persoon" in response.content.decode()


def test_contact_picker_lists_matching_contacts_as_choices(kernteam_client, registry):
    response = kernteam_client.get(reverse("network:contact-picker"), {"q": "Functionaris", "field": "successor"})
    html = response.content.decode()
    assert 'name="successor"' in html
    assert "Oud Functionaris" in html and "Nieuw Functionaris" in html


# Dashboard and coverage board


def test_dashboard_shows_coverage_follow_ups_and_unverified_roles(
    kernteam_client, registry, actor, django_assert_num_queries
):
    services.outreach_log(
        actor=actor,
        gemeente=gemeente("GM0482"),
        network=registry["acc"],
        date=TODAY(),
        channel="email",
        outcome="Herinnering gestuurd",
        follow_up_date=TODAY() + datetime.timedelta(days=5),
    )
    with django_assert_num_queries(12):
        response = kernteam_client.get(reverse("network:dashboard"))
    html = response.content.decode()
    assert "Herinnering gestuurd" in html
    assert "HackShield" in html and "Accounthouders ondermijning" in html
    assert "Oud Functionaris" not in html.split('id="verificatie-titel"')[1]
