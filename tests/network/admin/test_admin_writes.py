"""The Django admin's writes: actions, forms and history reverts go through the services."""

import datetime

from django.urls import reverse
from django.utils import timezone

from network import services
from network.models import (
    Contact,
    Membership,
    Network,
    Outreach,
    Participation,
)
from tests.factories import gemeente, network

TODAY = timezone.localdate()  # the admin's 'today'


def _url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def _management_form(response) -> dict:
    """The inline formsets' management data, as the browser would post it back."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): value for name, value in form.initial.items()})
    return data


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
