"""The admin: every page loads in a fixed number of queries, and every write goes through the services."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from network import services
from network.demo import load_demo
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


@pytest.fixture
def registry(actor):
    """The demo registry plus one contact with several roles (one ended) and an import batch."""
    load_demo()
    jan = services.contact_create(
        actor=actor, first_name="Jan", tussenvoegsel="van der", last_name="Berg", email="j.vanderberg@schiedam.example"
    )
    services.membership_start(
        actor=actor, contact=jan, network=network("aandachtsfunctionarissen-mensenhandel"),
        gemeente=gemeente("GM0606"), start=datetime.date(2021, 1, 1),
    )  # fmt: skip
    services.membership_start(
        actor=actor, contact=jan, network=network("hackshield"), gemeente=gemeente("GM0599"),
        start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31),
    )  # fmt: skip
    services.membership_start(actor=actor, contact=jan, network=network("var-bestuur"), start=datetime.date(2021, 1, 1))
    ImportBatch.objects.create(file_name="afm-2021.xlsx", sha256="a" * 64, as_of=datetime.date(2021, 3, 1), user=actor)
    return jan


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


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
    (ImportBatch, "change", 4),
    (get_user_model(), "changelist", 6),
    (get_user_model(), "change", 7),
    (get_user_model(), "add", 2),
]


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


def _management_form(response) -> dict:
    """The inline formsets' management data, as the browser would post it back."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): value for name, value in form.initial.items()})
    return data


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


def test_admin_contact_add_and_change_go_through_the_services_with_the_user_in_history(admin_client, superuser):
    page = admin_client.get(_url(Contact, "add"))
    data = {**_management_form(page), "first_name": " Fatima ", "last_name": "El Amrani", "email": "F.El@Var.Example"}
    assert admin_client.post(_url(Contact, "add"), data).status_code == 302
    contact = Contact.objects.get(last_name="El Amrani")
    assert (contact.first_name, contact.email) == ("Fatima", "f.el@var.example")

    page = admin_client.get(_url(Contact, "change", contact.pk))
    data = {**_management_form(page), "first_name": "Fatima", "last_name": "El Amrani", "job_title": "Adviseur OOV"}
    assert admin_client.post(_url(Contact, "change", contact.pk), data).status_code == 302
    contact.refresh_from_db()
    assert contact.job_title == "Adviseur OOV"
    assert contact.email == ""
    assert [h.history_user for h in contact.history.all()] == [superuser, superuser]

    history = admin_client.get(_url(Contact, "history", contact.pk)).content.decode()
    assert "Adviseur OOV" in history
    assert superuser.username in history


def test_contacts_and_roles_cannot_be_deleted_in_the_admin(admin_client, registry):
    membership = registry.memberships.first()
    assert admin_client.get(_url(Membership, "delete", membership.pk)).status_code == 403
    assert admin_client.get(_url(Contact, "delete", registry.pk)).status_code == 403
    changelist = admin_client.get(_url(Membership, "changelist"))
    assert "delete_selected" not in changelist.context["action_form"].fields["action"].choices.__repr__()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_admin_participation_status_change_is_dated_attributed_and_listed(admin_client, superuser, registry):
    participation = Participation.objects.get(gemeente__code="GM0599", network__slug="hackshield")
    page = admin_client.get(_url(Participation, "change", participation.pk))
    response = admin_client.post(
        _url(Participation, "change", participation.pk),
        {**_management_form(page), "status": "gestopt", "status_date": "2024-01-15", "note": "Budget vervallen"},
    )
    assert response.status_code == 302
    participation.refresh_from_db()
    assert (participation.status, participation.status_date) == ("gestopt", datetime.date(2024, 1, 15))
    change = participation.changes.latest("date")
    assert (change.note, change.changed_by) == ("Budget vervallen", superuser)
    content = admin_client.get(_url(Participation, "change", participation.pk)).content.decode()
    assert "Budget vervallen" in content


def test_admin_participation_for_a_merged_gemeente_is_refused_in_dutch(admin_client, registry):
    page = admin_client.get(_url(Participation, "add"))
    response = admin_client.post(
        _url(Participation, "add"),
        {
            **_management_form(page),
            "gemeente": gemeente("GM0501").pk,
            "network": network("hackshield").pk,
            "status": "benaderd",
            "status_date": "2023-06-01",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "Brielle bestaat niet op 01-06-2023." in response.content.decode()
    assert not Participation.objects.filter(gemeente__code="GM0501").exists()


def test_admin_outreach_is_logged_by_the_acting_user_and_then_read_only(admin_client, superuser):
    response = admin_client.post(
        _url(Outreach, "add"),
        {
            "gemeente": gemeente("GM0606").pk,
            "network": network("hackshield").pk,
            "date": "2024-02-01",
            "channel": "telefoon",
            "outcome": "Terugbellen na de zomer",
            "follow_up_date": "2024-09-01",
        },
    )
    assert response.status_code == 302
    outreach = Outreach.objects.get()
    assert outreach.user == superuser
    change = admin_client.post(_url(Outreach, "change", outreach.pk), {"outcome": "Anders"})
    assert change.status_code == 403
    outreach.refresh_from_db()
    assert outreach.outcome == "Terugbellen na de zomer"


def test_history_page_shows_each_version_with_who_changed_it(admin_client, registry, actor):
    membership = registry.memberships.get(network__slug="var-bestuur")
    services.membership_end(actor=actor, membership=membership, end=datetime.date(2022, 12, 31))
    response = admin_client.get(_url(Membership, "history", membership.pk))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("Jan van der Berg – Lid VAR-bestuur") >= 2
    assert actor.username in content or actor.get_full_name() in content


def test_reverting_a_version_in_the_history_goes_through_the_service(admin_client, superuser, registry, actor):
    membership = registry.memberships.get(network__slug="var-bestuur")
    first_version = membership.history.earliest()
    services.membership_end(actor=actor, membership=membership, end=datetime.date(2022, 12, 31))
    url = reverse("admin:network_membership_simple_history", args=[membership.pk, first_version.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Terugzetten" in page.content.decode()

    response = admin_client.post(
        url, {"role": "lid", "gemeente": "", "start_date": "2021-01-01", "end_date": "", "notes": ""}
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date is None
    assert membership.history.latest().history_user == superuser


def test_contact_list_filtered_by_network_still_counts_all_active_roles(admin_client, registry):
    response = admin_client.get(
        _url(Contact, "changelist"), {"memberships__network__id__exact": network("var-bestuur").pk}
    )
    rows = {contact.pk: contact.active_role_count for contact in response.context["cl"].result_list}
    assert rows[registry.pk] == 2  # mensenhandel and VAR-bestuur; HackShield ended in 2020
    assert len(rows) == Contact.objects.filter(memberships__network__slug="var-bestuur").distinct().count()


def test_admin_participation_add_records_the_first_dated_status(admin_client, superuser, registry):
    page = admin_client.get(_url(Participation, "add"))
    response = admin_client.post(
        _url(Participation, "add"),
        {
            **_management_form(page),
            "gemeente": gemeente("GM1992").pk,
            "network": network("hackshield").pk,
            "status": "in_gesprek",
            "status_date": "2024-03-01",
            "note": "Eerste overleg gepland",
        },
    )
    assert response.status_code == 302
    participation = Participation.objects.get(gemeente__code="GM1992", network__slug="hackshield")
    assert (participation.status, participation.status_date) == ("in_gesprek", datetime.date(2024, 3, 1))
    assert list(participation.changes.values_list("status", "note", "changed_by")) == [
        ("in_gesprek", "Eerste overleg gepland", superuser.pk)
    ]


def test_posting_a_version_of_a_read_only_outreach_entry_writes_nothing(admin_client, actor):
    outreach = services.outreach_log(
        actor=actor, gemeente=gemeente("GM0606"), network=network("hackshield"), date=datetime.date(2024, 2, 1),
        channel="email", outcome="Gemaild",
    )  # fmt: skip
    url = reverse("admin:network_outreach_simple_history", args=[outreach.pk, outreach.history.get().pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"gemeente": outreach.gemeente_id, "network": outreach.network_id, "date": "2024-02-01",
              "channel": "email", "outcome": "Gemaild"},
    )  # fmt: skip
    assert response.status_code == 403
    assert Outreach.objects.count() == 1


def test_participation_versions_cannot_be_reverted(admin_client, registry):
    participation = Participation.objects.get(gemeente__code="GM0599", network__slug="hackshield")
    version = participation.history.earliest()
    url = reverse("admin:network_participation_simple_history", args=[participation.pk, version.pk])
    assert "Terugzetten" not in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"status": version.status, "status_date": "2020-02-01", "note": ""})
    assert response.status_code == 403
    participation.refresh_from_db()
    assert participation.status == "deelnemer"


def test_network_page_links_to_a_new_role_with_the_networks_default_role(admin_client, registry):
    bestuur = network("var-bestuur")
    add_url = f"{reverse('admin:network_membership_add')}?network={bestuur.pk}"
    assert add_url in admin_client.get(_url(Network, "change", bestuur.pk)).content.decode()
    form = admin_client.get(add_url).context["adminform"].form
    assert form.initial == {"network": str(bestuur.pk), "role": bestuur.default_role}


def test_contact_autocomplete_on_the_role_form_finds_a_contact_by_last_name(admin_client, registry):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "berg", "app_label": "network", "model_name": "membership", "field_name": "contact"},
    )
    assert response.status_code == 200
    assert {"id": str(registry.pk), "text": "Jan van der Berg"} in response.json()["results"]


def test_verify_action_confirms_the_selected_active_roles_today(admin_client, superuser, registry):
    active = registry.memberships.get(network__slug="var-bestuur")
    ended = registry.memberships.get(network__slug="hackshield")
    response = admin_client.post(
        _url(Membership, "changelist"),
        {"action": "verify_memberships", "_selected_action": [active.pk, ended.pk]},
        follow=True,
    )
    active.refresh_from_db()
    ended.refresh_from_db()
    assert active.verified_on == TODAY
    assert ended.verified_on == datetime.date(2020, 1, 1)
    assert active.history.latest().history_user == superuser
    assert [str(m) for m in response.context["messages"]] == [
        f"1 rol bevestigd op {TODAY:%d-%m-%Y}. 1 rol niet bevestigd: niet actief vandaag."
    ]
