"""Invitations from a selection on the event's date, distribution lists, attendee history, and the admin pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from network import selectors, services
from network.models import Attendee, DistributionList
from tests.factories import ContactFactory, MembershipFactory, gemeente, network


def test_a_role_that_ended_the_day_before_the_event_is_not_invited(event, afm):
    ended = MembershipFactory(
        network=afm, start_date=datetime.date(2020, 1, 1), end_date=event.date - datetime.timedelta(days=1)
    )
    ends_that_day = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1), end_date=event.date)
    starts_after = MembershipFactory(network=afm, start_date=event.date + datetime.timedelta(days=1))
    found = selectors.invitees(selection=selectors.Selection(networks=[afm]), on=event.date)
    ids = [contact.pk for contact in found.contacts]
    assert ends_that_day.contact_id in ids
    assert ended.contact_id not in ids
    assert starts_after.contact_id not in ids


def test_each_person_once_and_objections_counted(event, afm, actor):
    person = ContactFactory(email="twee@rollen.example")
    MembershipFactory(contact=person, network=afm, gemeente=gemeente("GM0606"), start_date=datetime.date(2020, 1, 1))
    MembershipFactory(contact=person, network=afm, gemeente=gemeente("GM0599"), start_date=datetime.date(2020, 1, 1))
    objector = MembershipFactory(network=afm, start_date=datetime.date(2020, 1, 1)).contact
    services.contact_set_mailing_objection(actor=actor, contact=objector, on=datetime.date(2021, 5, 1))
    found = selectors.invitees(selection=selectors.Selection(networks=[afm]), on=event.date)
    assert [c.pk for c in found.contacts] == [person.pk]
    assert found.objected == 1
    assert found.bcc == "twee@rollen.example"


def test_selection_by_gemeente_region_level_and_role(event, afm, actor):
    schiedam = MembershipFactory(network=afm, gemeente=gemeente("GM0606"), start_date=datetime.date(2020, 1, 1))
    dordrecht = MembershipFactory(network=afm, gemeente=gemeente("GM0505"), start_date=datetime.date(2020, 1, 1))
    on = event.date
    by_gemeente = selectors.invitees(selection=selectors.Selection(gemeenten=[gemeente("GM0606")]), on=on)
    assert [c.pk for c in by_gemeente.contacts] == [schiedam.contact_id]
    zhz = gemeente("GM0505").region
    assert [c.pk for c in selectors.invitees(selection=selectors.Selection(regions=[zhz]), on=on).contacts] == [
        dordrecht.contact_id
    ]
    assert selectors.invitees(selection=selectors.Selection(levels=["bestuurlijk"]), on=on).contacts == []
    saved = services.distribution_list_save(
        actor=actor, name="AFM Schiedam", networks=[afm], gemeenten=[gemeente("GM0606")]
    )
    from_list = selectors.invitees(selection=selectors.Selection.from_distribution_list(saved), on=on)
    assert [c.pk for c in from_list.contacts] == [schiedam.contact_id]
    assert DistributionList.objects.count() == 1


def test_attendee_status_changes_are_kept_in_the_history(event, people, actor):
    services.invitations_add(actor=actor, event=event, contacts=[people["jan"]])
    services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aangemeld")
    attendee, created = services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig")
    assert not created
    assert [h.status for h in attendee.history.order_by("history_date")] == ["uitgenodigd", "aangemeld", "aanwezig"]
    assert Attendee.objects.count() == 1
    with pytest.raises(ValidationError):
        services.attendee_set(actor=actor, event=event, contact=people["jan"], status="misschien")


def test_a_raadpleger_may_not_change_events(raadpleger, event, people):
    with pytest.raises(PermissionDenied):
        services.attendee_set(actor=raadpleger, event=event, contact=people["jan"], status="aanwezig")
    with pytest.raises(PermissionDenied):
        services.invitations_add(actor=raadpleger, event=event, contacts=[people["jan"]])
    with pytest.raises(PermissionDenied):
        services.event_create(actor=raadpleger, title="X", kind="webinar", date=datetime.date(2021, 1, 1))


def test_event_rules(actor):
    with pytest.raises(ValidationError):
        services.event_create(
            actor=actor,
            title="Training",
            kind="training",
            date=datetime.date(2020, 11, 12),
            end_date=datetime.date(2020, 11, 10),
        )
    first = services.event_create(actor=actor, title="Carrousel", kind="carrousel", date=datetime.date(2020, 3, 5))
    second = services.event_create(actor=actor, title="Carrousel", kind="carrousel", date=datetime.date(2021, 3, 11))
    assert second.slug == "carrousel-2021-03-11"
    services.event_update(
        actor=actor, event=first, status="verplaatst", moved_to=second, networks=[network("hackshield")]
    )
    first.refresh_from_db()
    assert first.moved_to == second


@pytest.mark.parametrize(
    "page",
    [
        "network_event_changelist",
        "network_event_add",
        "network_attendee_changelist",
        "network_distributionlist_changelist",
        "network_distributionlist_add",
    ],
)
def test_admin_pages_load(admin_client, event, people, actor, page):
    services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig")
    assert admin_client.get(reverse(f"admin:{page}")).status_code == 200


def test_admin_event_and_attendee_change_pages(admin_client, event, people, actor):
    attendee, _ = services.attendee_set(actor=actor, event=event, contact=people["jan"], status="aanwezig")
    assert admin_client.get(reverse("admin:network_event_change", args=[event.pk])).status_code == 200
    assert admin_client.get(reverse("admin:network_attendee_change", args=[attendee.pk])).status_code == 200


def test_admin_records_and_withdraws_a_mailing_objection(admin_client, people):
    url = reverse("admin:network_contact_changelist")
    admin_client.post(url, {"action": "record_mailing_objection", "_selected_action": [people["jan"].pk]})
    people["jan"].refresh_from_db()
    assert people["jan"].mailing_objection_on is not None
    admin_client.post(url, {"action": "withdraw_mailing_objection", "_selected_action": [people["jan"].pk]})
    people["jan"].refresh_from_db()
    assert people["jan"].mailing_objection_on is None


def test_the_batch_page_of_an_attendance_import(admin_client, event, people, tmp_path):
    from django.core.management import call_command

    from network.models import ImportBatch

    from .conftest import registration_csv

    path = tmp_path / "lijst.csv"
    path.write_bytes(registration_csv())
    call_command("import_attendance", str(path), "--event", event.slug, "--json")
    batch = ImportBatch.objects.get()
    assert admin_client.get(reverse("network:import-batch", args=[batch.pk])).status_code == 200
    assert admin_client.get(reverse("admin:network_importbatch_change", args=[batch.pk])).status_code == 200
    admin_client.post(reverse("network:import-undo", args=[batch.pk]))
    assert not Attendee.objects.exists()
