"""The Django admin: every page in a fixed number of queries, Dutch labels, filters and search."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from network import services
from network.models import (
    Contact,
    Gemeente,
    ImportBatch,
    Membership,
    Network,
    Organisation,
    Outreach,
    Participation,
    ParticipationStatusChange,
    Region,
    Theme,
)
from tests.factories import gemeente, network

TODAY = timezone.localdate()  # the admin's 'today'

YESTERDAY = TODAY - datetime.timedelta(days=1)


def _url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def _objects(jan):
    """The object whose change and history pages are loaded: each with related rows to show."""
    return {
        Contact: jan,
        Membership: jan.memberships.get(network__slug="aandachtsfunctionarissen-mensenhandel"),
        Participation: Participation.objects.get(gemeente__code="GM0599", network__slug="hackshield"),
        ParticipationStatusChange: ParticipationStatusChange.objects.first(),
        Outreach: Outreach.objects.first(),
        Network: Network.objects.get(slug="aandachtsfunctionarissen-mensenhandel"),
        Gemeente: Gemeente.objects.get(code="GM1992"),
        Organisation: Organisation.objects.get(slug="politie-eenheid-rotterdam"),
        Region: Region.objects.get(code="RR"),
        Theme: Network.objects.get(slug="hackshield").theme,
        ImportBatch: ImportBatch.objects.get(),
        get_user_model(): get_user_model().objects.get(username="demo"),
    }


# Query counts per page, measured over the demo registry (57+ contacts and roles, 25 gemeenten, 10
# participations with two status changes each). A count that grows with the rows shown is an N+1.

PAGES = [
    (Contact, "changelist", 9),
    (Contact, "change", 5),
    (Contact, "add", 2),
    (Contact, "history", 6),
    (Membership, "changelist", 11),
    (Membership, "change", 5),
    (Membership, "add", 2),
    (Membership, "history", 5),
    (Participation, "changelist", 9),
    (Participation, "change", 7),
    (Participation, "add", 2),
    (Participation, "history", 7),
    (ParticipationStatusChange, "changelist", 10),
    (ParticipationStatusChange, "change", 8),
    (Outreach, "changelist", 11),
    (Outreach, "change", 4),
    (Outreach, "add", 2),
    (Outreach, "history", 5),
    (Network, "changelist", 6),
    (Network, "change", 6),
    (Network, "add", 3),
    (Network, "history", 4),
    (Gemeente, "changelist", 6),
    (Gemeente, "change", 6),
    (Gemeente, "add", 3),
    (Organisation, "changelist", 7),
    (Organisation, "change", 4),
    (Organisation, "add", 2),
    (Region, "changelist", 5),
    (Region, "change", 4),
    (Region, "add", 2),
    (Theme, "changelist", 5),
    (Theme, "change", 4),
    (Theme, "add", 2),
    (ImportBatch, "changelist", 8),
    (ImportBatch, "change", 5),  # 4, and the first rows of its per-row results
    (get_user_model(), "changelist", 7),
    (get_user_model(), "change", 9),
    (get_user_model(), "add", 2),
]


def _management_form(response) -> dict:
    """The inline formsets' management data, as the browser would post it back."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): value for name, value in form.initial.items()})
    return data


@pytest.mark.parametrize(("model", "page", "queries"), PAGES, ids=[f"{m.__name__}-{p}" for m, p, _ in PAGES])
def test_admin_page_loads_for_a_superuser_in_a_fixed_number_of_queries(
    admin_client, registry, django_assert_num_queries, model, page, queries
):
    args = () if page in ("changelist", "add") else (_objects(registry)[model].pk,)
    url = _url(model, page, *args)
    with django_assert_num_queries(queries):
        response = admin_client.get(url)
    assert response.status_code == 200


def test_admin_index_lists_every_model_in_dutch(admin_client, registry, django_assert_num_queries):
    with django_assert_num_queries(3):
        content = admin_client.get(reverse("admin:index")).content.decode()
    for label in (
        "Contactpersonen", "Rollen", "Deelnames", "Statuswijzigingen", "Contactmomenten", "Netwerken",
        "Gemeenten", "Organisaties", "Veiligheidsregio's", "Thema's", "Importbatches", "Gebruikers",
    ):  # fmt: skip
        assert escape(label) in content


def test_changelists_show_dutch_labels(admin_client, registry):
    content = admin_client.get(_url(Membership, "changelist")).content.decode()
    for label in ("Contactpersoon", "Netwerk", "Rol", "Namens gemeente", "Startdatum", "Actief vandaag", "Bron"):
        assert label in content
    assert "Actief vandaag / beëindigd" in content or "actief vandaag / beëindigd" in content


def test_contact_page_shows_all_roles_of_the_contact(admin_client, registry):
    content = admin_client.get(_url(Contact, "change", registry.pk)).content.decode()
    assert "Aandachtsfunctionarissen mensenhandel" in content
    assert "HackShield" in content
    assert f"{reverse('admin:network_membership_add')}?contact={registry.pk}" in content


def test_network_page_lists_its_active_members_only(admin_client, registry):
    jan = registry
    hackshield = Network.objects.get(slug="hackshield")
    content = admin_client.get(_url(Network, "change", hackshield.pk)).content.decode()
    active = Membership.objects.filter(network=hackshield).active_on(TODAY).select_related("contact")
    assert active.count() == 10
    for membership in active:
        assert escape(str(membership.contact)) in content
    assert escape(str(jan)) not in content  # his HackShield role ended in 2020


def test_gemeente_page_shows_predecessors_and_successor(admin_client, registry):
    voorne = Gemeente.objects.get(code="GM1992")
    content = admin_client.get(_url(Gemeente, "change", voorne.pk)).content.decode()
    for name, code in (("Brielle", "GM0501"), ("Hellevoetsluis", "GM0530"), ("Westvoorne", "GM0614")):
        assert f"{name} ({code}, t/m 31-12-2022)" in content
    brielle = Gemeente.objects.get(code="GM0501")
    content = admin_client.get(_url(Gemeente, "change", brielle.pk)).content.decode()
    assert "Voorne aan Zee" in content
    assert "Den Briel" in content


def test_search_finds_a_contact_by_last_name_and_by_email(admin_client, registry):
    by_name = admin_client.get(_url(Contact, "changelist"), {"q": "Berg"})
    assert list(by_name.context["cl"].result_list) == [registry]
    by_email = admin_client.get(_url(Contact, "changelist"), {"q": "J.VanDerBerg@schiedam"})
    assert list(by_email.context["cl"].result_list) == [registry]


def test_membership_search_finds_roles_by_contact_email(admin_client, registry):
    response = admin_client.get(_url(Membership, "changelist"), {"q": "j.vanderberg@schiedam.example"})
    assert set(response.context["cl"].result_list) == set(registry.memberships.all())


def test_active_today_filter_separates_active_ended_and_future_roles(admin_client, actor):
    schiedam, afm = gemeente("GM0606"), network("aandachtsfunctionarissen-mensenhandel")
    contacts = [services.contact_create(actor=actor, last_name=name) for name in ("Actief", "Gestopt", "Later")]
    active = services.membership_start(actor=actor, contact=contacts[0], network=afm, gemeente=schiedam, start=TODAY)
    ended = services.membership_start(
        actor=actor, contact=contacts[1], network=afm, gemeente=schiedam, start=datetime.date(2021, 1, 1), end=YESTERDAY
    )
    later = services.membership_start(
        actor=actor, contact=contacts[2], network=afm, gemeente=schiedam, start=TODAY + datetime.timedelta(days=1)
    )
    url = _url(Membership, "changelist")

    def rows(value):
        return list(admin_client.get(url, {"actief": value}).context["cl"].result_list)

    assert rows("ja") == [active]
    assert rows("beeindigd") == [ended]
    assert rows("toekomstig") == [later]
    assert len(admin_client.get(url).context["cl"].result_list) == 3


def test_end_roles_action_ends_exactly_the_selected_active_roles_on_the_chosen_date(admin_client, superuser, actor):
    afm = network("aandachtsfunctionarissen-mensenhandel")
    memberships = [
        services.membership_start(
            actor=actor,
            contact=services.contact_create(actor=actor, last_name=f"Lid {code}"),
            network=afm,
            gemeente=gemeente(code),
            start=datetime.date(2021, 1, 1),
        )
        for code in ("GM0606", "GM0599", "GM0622", "GM0489")
    ]
    already_ended = memberships[2]
    services.membership_end(actor=actor, membership=already_ended, end=datetime.date(2021, 6, 30))
    selected = memberships[:3]
    data = {"action": "end_memberships", "_selected_action": [m.pk for m in selected]}

    confirmation = admin_client.post(_url(Membership, "changelist"), data)

    assert confirmation.status_code == 200
    assert confirmation.templates[0].name == "admin/network/membership/end_memberships.html"
    assert confirmation.context["active"] == selected[:2]
    assert confirmation.context["ended"] == [already_ended]
    assert not Membership.objects.filter(end_date=datetime.date(2022, 3, 31)).exists()

    done = admin_client.post(
        _url(Membership, "changelist"), {**data, "apply": "1", "end_date": "31-03-2022"}, follow=True
    )

    for membership in memberships:
        membership.refresh_from_db()
    assert [m.end_date for m in memberships] == [
        datetime.date(2022, 3, 31),
        datetime.date(2022, 3, 31),
        datetime.date(2021, 6, 30),
        None,
    ]
    assert memberships[0].history.latest().history_user == superuser
    messages = [str(m) for m in done.context["messages"]]
    assert "2 rollen beëindigd per 31-03-2022." in messages
    assert any(m.startswith("1 rol was al beëindigd en is ongewijzigd gelaten") and "Lid GM0622" in m for m in messages)


def test_end_roles_action_refuses_a_date_before_a_selected_role_started(admin_client, actor):
    membership = services.membership_start(
        actor=actor,
        contact=services.contact_create(actor=actor, last_name="Nieuw"),
        network=network("hackshield"),
        gemeente=gemeente("GM0606"),
        start=datetime.date(2022, 1, 1),
    )
    response = admin_client.post(
        _url(Membership, "changelist"),
        {"action": "end_memberships", "_selected_action": [membership.pk], "apply": "1", "end_date": "2021-12-31"},
    )
    assert response.status_code == 200
    assert "De einddatum 31-12-2021 ligt voor de start van" in response.content.decode()
    membership.refresh_from_db()
    assert membership.end_date is None


def test_admin_add_of_an_overlapping_membership_shows_a_dutch_error_and_writes_nothing(admin_client, registry):
    existing = registry.memberships.get(network__slug="aandachtsfunctionarissen-mensenhandel")
    before = (Membership.objects.count(), Membership.history.count())
    response = admin_client.post(
        _url(Membership, "add"),
        {
            "contact": registry.pk,
            "network": existing.network_id,
            "role": existing.role,
            "gemeente": existing.gemeente_id,
            "start_date": "2022-01-01",
            "end_date": "",
            "notes": "",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert errors == [
        "Jan van der Berg heeft deze rol in Aandachtsfunctionarissen mensenhandel al van 01-01-2021 zonder "
        "einddatum; beëindig die eerst of pas de periode aan."
    ]
    assert (Membership.objects.count(), Membership.history.count()) == before


def test_admin_membership_with_end_before_start_gets_the_services_message(admin_client, registry):
    membership = registry.memberships.get(network__slug="var-bestuur")
    response = admin_client.post(
        _url(Membership, "change", membership.pk),
        {"role": membership.role, "gemeente": "", "start_date": "2021-01-01", "end_date": "2020-12-31", "notes": ""},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "De einddatum 31-12-2020 ligt voor de startdatum 01-01-2021."
    ]
    membership.refresh_from_db()
    assert membership.end_date is None


def test_admin_add_membership_goes_through_the_service(admin_client, superuser, registry):
    contact = Contact.objects.get(pk=registry.pk)
    response = admin_client.post(
        _url(Membership, "add"),
        {
            "contact": contact.pk,
            "network": network("hackshield").pk,
            "role": "contactpersoon",
            "gemeente": gemeente("GM0599").pk,
            "start_date": "2022-02-01",
            "end_date": "",
            "notes": "Opnieuw aangemeld",
        },
    )
    assert response.status_code == 302
    created = contact.memberships.get(network__slug="hackshield", start_date=datetime.date(2022, 2, 1))
    assert created.verified_on == datetime.date(2022, 2, 1)  # set by membership_start
    assert created.history.get().history_user == superuser


def test_admin_membership_change_cannot_move_the_role_to_another_contact(admin_client, registry):
    membership = registry.memberships.get(network__slug="var-bestuur")
    other = Contact.objects.exclude(pk=registry.pk).first()
    admin_client.post(
        _url(Membership, "change", membership.pk),
        {"contact": other.pk, "role": "voorzitter", "gemeente": "", "start_date": "2021-01-01", "notes": ""},
    )
    membership.refresh_from_db()
    assert (membership.contact_id, membership.role) == (registry.pk, "voorzitter")


def test_admin_contact_with_another_contacts_email_shows_the_conflict_and_keeps_the_contact(admin_client, registry):
    other = Contact.objects.exclude(pk=registry.pk).exclude(email="").first()
    page = admin_client.get(_url(Contact, "change", registry.pk))
    response = admin_client.post(
        _url(Contact, "change", registry.pk),
        {
            **_management_form(page),
            "first_name": "Jan",
            "tussenvoegsel": "van der",
            "last_name": "Berg",
            "email": other.email.upper(),
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == [
        f"Het e-mailadres {other.email} hoort al bij {other.full_name}."
    ]
    registry.refresh_from_db()
    assert registry.email == "j.vanderberg@schiedam.example"
