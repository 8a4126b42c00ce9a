"""The kernteam's web pages that write: roles, handovers, contacts, merges and outreach through the services."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from network import services
from network.choices import ParticipationStatus
from network.models import Contact, Membership, Outreach, Participation
from tests.factories import ContactFactory, MembershipFactory, UserFactory, gemeente, network

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


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
    # Names as the page writes them: Faker's Dutch surnames include "van 't Riet".
    positions = [members.index(escape(m.contact.full_name)) for m in expected if m.gemeente_id]
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
