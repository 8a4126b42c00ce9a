"""The kernteam's web pages: login, permissions, what each page shows, and its fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from network import services
from network.choices import ParticipationStatus
from network.models import Contact, Membership, Outreach, Participation
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory, UserFactory, gemeente, network

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def kernteam(db):
    """A kernteam member with every permission on the registry's models (not a superuser)."""
    user = UserFactory(username="kim")
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="network"))
    return user


@pytest.fixture
def reader(db):
    return UserFactory(username="lezer")


@pytest.fixture
def kernteam_client(client, kernteam):
    client.force_login(kernteam)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def registry(actor, schiedam, rotterdam, afm, hackshield):
    """Several roles, outreach and participation changes with related rows, so an N+1 would show."""
    acc = network("accounthouders-ondermijning")
    old = ContactFactory(first_name="Oud", last_name="Functionaris")
    new = ContactFactory(first_name="Nieuw", last_name="Functionaris")
    first = services.membership_start(
        actor=actor, contact=old, network=afm, gemeente=schiedam, start=datetime.date(2020, 9, 1)
    )
    services.membership_handover(actor=actor, membership=first, successor=new, on=datetime.date(2022, 4, 1))
    for index in range(4):
        MembershipFactory(network=acc, gemeente=[schiedam, rotterdam][index % 2], role="lid")
    MembershipFactory(network=afm, gemeente=rotterdam)
    for code in ("GM0599", "GM0505"):
        services.participation_set_status(
            actor=actor, gemeente=gemeente(code), network=hackshield, status="deelnemer", on=datetime.date(2020, 6, 1)
        )
    services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0622"), network=hackshield, status="afgewezen", on=datetime.date(2021, 1, 5)
    )
    for gem in (schiedam, rotterdam):
        OutreachFactory(gemeente=gem, network=hackshield, user=actor, date=TODAY() - datetime.timedelta(days=10))
    return {"old": old, "new": new, "acc": acc}


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


def test_coverage_board_shows_every_status(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(14):
        response = kernteam_client.get(reverse("network:coverage-board"), {"network": "hackshield"})
    html = response.content.decode()
    matrix = html.split('id="matrix"')[1].split("</table>")[0]
    rows = {part.split('">')[0]: part for part in matrix.split('<th scope="row"><a href="/gemeenten/')[1:]}
    hackshield_cell = {code[:6]: row.split("<td")[3] for code, row in rows.items()}
    assert "Gedekt" in hackshield_cell["GM0599"]
    assert "Afgewezen" in hackshield_cell["GM0622"]
    assert "In behandeling" in hackshield_cell["GM0606"]
    assert "Nog te benaderen" in hackshield_cell["GM0613"]
    assert 'aria-label="Rotterdam: Gedekt"' in html


def test_coverage_board_filters_by_region_and_date(kernteam_client, registry):
    html = kernteam_client.get(reverse("network:coverage-board"), {"region": "ZHZ", "date": "2021-03-01"}).content
    html = html.decode()
    matrix = html.split('id="matrix"')[1].split("</table>")[0]
    assert "Dordrecht" in matrix and "Schiedam" not in matrix
    assert "Voorne aan Zee" not in matrix
    before_merger = kernteam_client.get(reverse("network:coverage-board"), {"date": "2021-03-01"}).content.decode()
    assert "Brielle" in before_merger and "Voorne aan Zee" not in before_merger.split('id="matrix"')[1]


# Contacts and search


def test_search_finds_the_aandachtsfunctionaris_of_schiedam(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(9):
        response = kernteam_client.get(reverse("network:search"), {"q": "aandachtsfunctionaris Schiedam"})
    html = response.content.decode()
    assert "Nieuw Functionaris" in html
    assert 'href="/gemeenten/GM0606/"' in html


def test_contact_list_filters_by_network_and_gemeente(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(9):
        response = kernteam_client.get(
            reverse("network:contact-list"),
            {"network": "aandachtsfunctionarissen-mensenhandel", "gemeente": "GM0606", "active_on": "2021-03-01"},
        )
    html = response.content.decode()
    assert "Functionaris, Oud" in html
    assert "Functionaris, Nieuw" not in html
    assert "1 contactpersoon gevonden" in html


def test_contact_list_pages_through_all_contacts(kernteam_client, registry, django_assert_num_queries):
    ContactFactory.create_batch(60)
    with django_assert_num_queries(9):
        response = kernteam_client.get(reverse("network:contact-list"))
    assert "Pagina 1 van 2" in response.content.decode()


def test_contact_page_shows_timeline_and_change_history(kernteam_client, registry, actor, django_assert_num_queries):
    contact = registry["old"]
    services.contact_update(actor=actor, contact=contact, job_title="Teamleider")
    with django_assert_num_queries(8):
        response = kernteam_client.get(reverse("network:contact-detail", kwargs={"pk": contact.pk}))
    html = response.content.decode()
    assert "01-09-2020 t/m 31-03-2022" in html
    assert "Functie: <del>—</del> → <ins>Teamleider</ins>" in html
    assert "Kim Kernteam" in html


def test_editing_a_contact_with_a_taken_email_shows_the_dutch_error(kernteam_client, registry):
    contact, other = registry["old"], registry["new"]
    response = kernteam_client.post(
        reverse("network:contact-edit", kwargs={"pk": contact.pk}), {"last_name": "Functionaris", "email": other.email}
    )
    assert response.status_code == 400
    assert "hoort al bij Nieuw Functionaris" in response.content.decode()


def test_editing_a_contact_saves_through_the_service(kernteam_client, registry, kernteam):
    contact = registry["old"]
    response = kernteam_client.post(
        reverse("network:contact-edit", kwargs={"pk": contact.pk}),
        {"first_name": "Oud", "last_name": "Functionaris", "email": "oud@gemeente.example", "phone": "010 123"},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.email == "oud@gemeente.example"
    assert contact.history.first().history_user == kernteam


def test_creating_a_contact_without_a_last_name_is_refused(kernteam_client):
    response = kernteam_client.post(reverse("network:contact-create"), {"first_name": "Zonder"})
    assert response.status_code == 400
    assert not Contact.objects.filter(first_name="Zonder").exists()


def test_merge_shows_both_side_by_side_and_moves_the_roles(kernteam_client, registry):
    keep, duplicate = registry["new"], registry["old"]
    url = reverse("network:contact-merge", kwargs={"pk": keep.pk})
    page = kernteam_client.get(url, {"duplicate": duplicate.pk}).content.decode()
    assert "Blijft: Nieuw Functionaris" in page and "Dubbel: Oud Functionaris" in page
    fields = dict.fromkeys(("tussenvoegsel", "last_name", "email", "phone", "mobile", "organisation"), "keep")
    fields.update(first_name="duplicate", job_title="keep", notes="keep", duplicate=duplicate.pk)
    response = kernteam_client.post(url, fields)
    assert response.status_code == 302
    keep.refresh_from_db()
    assert keep.first_name == "Oud"
    assert not Contact.objects.filter(pk=duplicate.pk).exists()
    assert Membership.objects.filter(contact=keep).count() == 2


def test_merge_offers_likely_duplicates(kernteam_client, registry):
    ContactFactory(first_name="Nina", last_name="Functionaris")
    html = kernteam_client.get(reverse("network:contact-merge", kwargs={"pk": registry["new"].pk})).content.decode()
    assert "Nina Functionaris" in html


def test_participation_status_counts_as_covered(kernteam_client, registry, actor):
    services.participation_set_status(
        actor=actor,
        gemeente=gemeente("GM0613"),
        network=network("hackshield"),
        status=ParticipationStatus.PARTICIPANT,
        on=datetime.date(2024, 1, 1),
    )
    html = kernteam_client.get(reverse("network:network-detail", kwargs={"slug": "hackshield"})).content.decode()
    assert "Gedekt" in html.split('id="dekking-GM0613"')[1].split("</tr>")[0]


def test_long_history_shows_the_latest_fifty_with_a_link_to_all(kernteam_client, registry, schiedam):
    for index in range(55):
        start = datetime.date(2010, 1, 1) + datetime.timedelta(days=index * 2)
        MembershipFactory(
            network=network("var-bestuur"),
            gemeente=schiedam,
            role="lid",
            start_date=start,
            end_date=start + datetime.timedelta(days=1),
        )
    url = reverse("network:gemeente-detail", kwargs={"code": "GM0606"})
    html = kernteam_client.get(url).content.decode()
    history = html.split('id="geschiedenis-titel"')[1].split("Deelname aan programma")[0]
    assert history.count("<tr>") == 1 + 50
    assert "Toon de volledige geschiedenis" in history
    everything = kernteam_client.get(url, {"geschiedenis": "alle"}).content.decode()
    rows = everything.split('id="geschiedenis-titel"')[1].split("Deelname aan programma")[0].count("<tr>")
    assert rows == 1 + Membership.objects.filter(gemeente=schiedam).count()


def test_contact_search_also_matches_the_gemeente_and_network_of_a_role(kernteam_client, registry, rotterdam):
    by_role = MembershipFactory(network=network("hackshield"), gemeente=rotterdam, contact__last_name="Rolhouder")
    ContactFactory(last_name="Buitenstaander", organisation=None)
    response = kernteam_client.get(reverse("network:contact-list"), {"search": "hackshield rotterdam"})
    html = response.content.decode()
    assert "Rolhouder" in html
    assert "Buitenstaander" not in html
    assert "Functionaris" not in html
    assert by_role.contact.sort_name in html


def test_refused_handover_keeps_the_chosen_successor_selected(kernteam_client, registry):
    membership = Membership.objects.get(contact=registry["new"])
    successor = ContactFactory(first_name="Gekozen", last_name="Opvolger")
    response = kernteam_client.post(
        reverse("network:membership-handover", kwargs={"pk": membership.pk}),
        {"successor": successor.pk, "on": "2019-01-01"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert f'value="{successor.pk}" id="kies-{successor.pk}" checked' in html
    assert "De overdrachtsdatum moet na de startdatum" in html


def test_per_gemeente_network_page_lists_every_active_role_in_order(kernteam_client, registry, afm):
    from network import selectors

    MembershipFactory(network=afm, gemeente=None, contact__last_name="Zondergemeente")
    MembershipFactory(network=afm, gemeente=gemeente("GM0501"), contact__last_name="Uitbrielle")
    html = kernteam_client.get(reverse("network:network-detail", kwargs={"slug": afm.slug})).content.decode()
    members = html.split('id="leden-titel"')[1].split('id="oud-titel"')[0]
    expected = list(selectors.network_members(network=afm, on=TODAY()))
    assert members.count('<th scope="row">') == len(expected) == 4
    positions = [members.index(m.contact.full_name) for m in expected if m.gemeente_id]
    assert positions == sorted(positions)
    assert "Zondergemeente" in members and "Uitbrielle" in members


def test_outreach_can_record_that_the_gemeente_declined(kernteam_client, registry):
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    data = {"date": TODAY().isoformat(), "channel": "overleg", "outcome": "Doet niet mee", "status": "afgewezen"}
    html = kernteam_client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert "badge--declined" in html
    change = Participation.objects.get(gemeente__code="GM0613", network__slug="hackshield").changes.get()
    assert (change.status, change.date, change.note) == ("afgewezen", TODAY(), "Doet niet mee")


def test_changing_the_participation_status_needs_its_permission(client, registry):
    user = UserFactory(username="beller")
    user.user_permissions.add(Permission.objects.get(codename="add_outreach"))
    client.force_login(user)
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    data = {"date": TODAY().isoformat(), "channel": "email", "status": "deelnemer"}
    html = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert "Je hebt geen rechten om de deelnamestatus te wijzigen." in html
    assert not Outreach.objects.filter(gemeente__code="GM0613").exists()
    assert not Participation.objects.filter(gemeente__code="GM0613").exists()


def test_a_role_can_be_added_from_the_contact_page(kernteam_client, registry, rotterdam):
    contact = ContactFactory(last_name="Nieuwkomer")
    url = reverse("network:contact-role-add", kwargs={"pk": contact.pk})
    hackshield = network("hackshield")
    missing = kernteam_client.post(url, {"network": hackshield.pk, "role": "contactpersoon", "start": "2024-03-01"})
    assert missing.status_code == 400
    assert "kies de gemeente" in missing.content.decode()
    data = {"network": hackshield.pk, "role": "contactpersoon", "gemeente": rotterdam.pk, "start": "2024-03-01"}
    assert kernteam_client.post(url, data).status_code == 302
    assert Membership.objects.filter(contact=contact, network=hackshield, gemeente=rotterdam).exists()


def test_adding_a_role_from_the_contact_page_needs_the_permission(reader_client, registry):
    url = reverse("network:contact-role-add", kwargs={"pk": registry["new"].pk})
    assert reader_client.get(url).status_code == 403
