import datetime

import pytest
from django.core.exceptions import ValidationError

from network import services
from network.exceptions import ConflictError
from network.models import Contact, Membership, Outreach, Participation
from tests.factories import ContactFactory, MembershipFactory, gemeente

D = datetime.date


def test_contact_create_normalises_the_email_and_records_who(actor):
    contact = services.contact_create(actor=actor, first_name="Eva", last_name="Smit", email="  Eva.Smit@Schiedam.NL ")
    assert contact.email == "eva.smit@schiedam.nl"
    assert contact.history.first().history_user == actor


def test_contact_with_an_email_in_another_case_is_refused_in_dutch(actor):
    services.contact_create(actor=actor, last_name="Smit", email="eva@schiedam.nl")
    with pytest.raises(ConflictError, match="hoort al bij"):
        services.contact_create(actor=actor, last_name="Ander", email="EVA@schiedam.nl")
    assert Contact.objects.count() == 1


def test_malformed_email_is_refused(actor):
    with pytest.raises(ValidationError, match="geen geldig e-mailadres"):
        services.contact_create(actor=actor, last_name="Smit", email="eva@")


def test_contact_update_keeps_fields_that_are_not_passed(actor):
    contact = services.contact_create(actor=actor, last_name="Smit", phone="010 123", email="e@x.nl")
    services.contact_update(actor=actor, contact=contact, job_title="AOV'er")
    contact.refresh_from_db()
    assert (contact.phone, contact.job_title, contact.email) == ("010 123", "AOV'er", "e@x.nl")
    assert contact.history.count() == 2


def test_membership_start_uses_the_networks_default_role(actor, afm, schiedam):
    contact = ContactFactory()
    membership = services.membership_start(
        actor=actor, contact=contact, network=afm, gemeente=schiedam, start=D(2021, 1, 1)
    )
    assert membership.role == "aandachtsfunctionaris"
    assert membership.verified_on == D(2021, 1, 1)
    assert membership.history.first().history_user == actor


def test_overlapping_membership_is_a_conflict(actor, afm, schiedam):
    contact = ContactFactory()
    services.membership_start(actor=actor, contact=contact, network=afm, gemeente=schiedam, start=D(2021, 1, 1))
    with pytest.raises(ConflictError, match="heeft deze rol"):
        services.membership_start(actor=actor, contact=contact, network=afm, gemeente=schiedam, start=D(2021, 6, 1))
    assert Membership.objects.count() == 1


def test_a_new_period_after_an_ended_one_is_allowed(actor, afm, schiedam):
    contact = ContactFactory()
    first = services.membership_start(actor=actor, contact=contact, network=afm, gemeente=schiedam, start=D(2020, 1, 1))
    services.membership_end(actor=actor, membership=first, end=D(2020, 12, 31))
    services.membership_start(actor=actor, contact=contact, network=afm, gemeente=schiedam, start=D(2021, 1, 1))
    assert Membership.objects.filter(contact=contact).count() == 2


def test_membership_for_a_gemeente_that_no_longer_exists_is_refused(actor, afm):
    brielle = gemeente("GM0501")
    with pytest.raises(ValidationError, match="bestaat niet op 01-06-2023 \\(opgegaan in Voorne aan Zee\\)"):
        services.membership_start(
            actor=actor, contact=ContactFactory(), network=afm, gemeente=brielle, start=D(2023, 6, 1)
        )


def test_end_before_start_is_refused_in_dutch(actor):
    membership = MembershipFactory(start_date=D(2021, 3, 1))
    with pytest.raises(ValidationError, match="ligt voor de startdatum"):
        services.membership_end(actor=actor, membership=membership, end=D(2021, 2, 1))
    membership.refresh_from_db()
    assert membership.end_date is None


def test_ending_keeps_the_row_and_ending_twice_is_a_conflict(actor):
    membership = MembershipFactory(start_date=D(2021, 3, 1))
    services.membership_end(actor=actor, membership=membership, end=D(2021, 12, 31))
    assert Membership.objects.get(pk=membership.pk).end_date == D(2021, 12, 31)
    with pytest.raises(ConflictError, match="al beëindigd"):
        services.membership_end(actor=actor, membership=membership, end=D(2022, 1, 31))


def test_handover_ends_the_holder_the_day_before_and_starts_the_successor(actor, afm, schiedam):
    holder = MembershipFactory(network=afm, gemeente=schiedam, start_date=D(2020, 9, 1))
    successor = ContactFactory()
    new = services.membership_handover(actor=actor, membership=holder, successor=successor, on=D(2022, 4, 1))
    holder.refresh_from_db()
    assert holder.end_date == D(2022, 3, 31)
    assert (new.contact, new.network, new.gemeente, new.role, new.start_date, new.end_date) == (
        successor,
        afm,
        schiedam,
        "aandachtsfunctionaris",
        D(2022, 4, 1),
        None,
    )
    active = Membership.objects.active_on(D(2022, 4, 1)).filter(network=afm, gemeente=schiedam)
    assert list(active) == [new]


def test_handover_to_the_same_person_changes_nothing(actor):
    holder = MembershipFactory(start_date=D(2020, 9, 1))
    with pytest.raises(ValidationError, match="dezelfde persoon"):
        services.membership_handover(actor=actor, membership=holder, successor=holder.contact, on=D(2022, 4, 1))
    holder.refresh_from_db()
    assert holder.end_date is None


def test_ending_several_roles_leaves_ended_ones_alone(actor):
    active = MembershipFactory.create_batch(2, start_date=D(2021, 1, 1))
    ended = MembershipFactory(start_date=D(2020, 1, 1), end_date=D(2020, 6, 30))
    count = services.memberships_end(actor=actor, memberships=[*active, ended], end=D(2021, 12, 31))
    assert count == 2
    ended.refresh_from_db()
    assert ended.end_date == D(2020, 6, 30)


def test_participation_status_history_is_dated_and_attributed(actor, hackshield, schiedam):
    services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status="benaderd", on=D(2021, 2, 1)
    )
    participation = services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status="deelnemer", on=D(2021, 5, 1), note="Akkoord"
    )
    # A change entered later but dated earlier does not replace the current status.
    services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status="in_gesprek", on=D(2021, 3, 1)
    )
    participation.refresh_from_db()
    assert (participation.status, participation.status_date) == ("deelnemer", D(2021, 5, 1))
    changes = list(participation.changes.order_by("date").values_list("status", "changed_by"))
    assert changes == [("benaderd", actor.pk), ("in_gesprek", actor.pk), ("deelnemer", actor.pk)]


def test_outreach_follow_up_before_the_contact_is_refused(actor, hackshield, schiedam):
    with pytest.raises(ValidationError, match="vervolgdatum"):
        services.outreach_log(
            actor=actor, gemeente=schiedam, network=hackshield, date=D(2021, 3, 1), channel="email",
            follow_up_date=D(2021, 2, 1),
        )  # fmt: skip
    assert not Outreach.objects.exists()


def test_outreach_with_a_status_saves_both_as_one_event(actor, hackshield, schiedam):
    outreach = services.outreach_log(
        actor=actor, gemeente=schiedam, network=hackshield, date=D(2021, 3, 1), channel="telefoon",
        outcome="Wil meedoen", status="in_gesprek",
    )  # fmt: skip
    participation = Participation.objects.get(gemeente=schiedam, network=hackshield)
    assert (participation.status, participation.status_date) == ("in_gesprek", D(2021, 3, 1))
    change = participation.changes.get()
    assert (change.note, change.changed_by, outreach.user) == ("Wil meedoen", actor, actor)


def test_outreach_with_an_unknown_status_saves_neither(actor, hackshield, schiedam):
    with pytest.raises(ValidationError, match="Onbekende status"):
        services.outreach_log(
            actor=actor, gemeente=schiedam, network=hackshield, date=D(2021, 3, 1), channel="email", status="klaar"
        )
    assert not Outreach.objects.exists()
    assert not Participation.objects.exists()


def test_merge_moves_memberships_and_keeps_the_chosen_values(actor):
    keep = ContactFactory(first_name="Jan", last_name="Berg", email="", phone="010 1")
    duplicate = ContactFactory(first_name="Jan", last_name="Berg", email="jan@x.nl", phone="010 2")
    MembershipFactory(contact=duplicate, start_date=D(2021, 1, 1))
    duplicate_pk = duplicate.pk
    services.contact_merge(actor=actor, keep=keep, duplicate=duplicate, values={"phone": "010 2"})
    keep.refresh_from_db()
    assert (keep.email, keep.phone) == ("jan@x.nl", "010 2")
    assert keep.memberships.count() == 1
    assert not Contact.objects.filter(pk=duplicate_pk).exists()
    assert Contact.history.filter(id=duplicate_pk, history_type="-").get().history_user == actor


def test_organisation_get_or_create_matches_case_insensitively(actor):
    existing, created = services.organisation_get_or_create(actor=actor, name="gemeente schiedam")
    assert not created and existing.name == "Gemeente Schiedam"
    new, created = services.organisation_get_or_create(actor=actor, name="Woonstad  Rotterdam")
    assert created and new.name == "Woonstad Rotterdam" and new.slug == "woonstad-rotterdam"
