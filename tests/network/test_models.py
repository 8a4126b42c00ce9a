import datetime

import pytest
from django.db import IntegrityError, transaction

from network.models import Contact, Membership
from tests.factories import ContactFactory, MembershipFactory, gemeente

D = datetime.date


def test_email_is_unique_regardless_of_case(db):
    ContactFactory(email="jan@rotterdam.nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(last_name="Ander", email="JAN@Rotterdam.NL")


def test_contacts_without_email_may_coexist(db):
    Contact.objects.create(last_name="Een", email="")
    Contact.objects.create(last_name="Twee", email="")
    assert Contact.objects.filter(email="").count() == 2


def test_membership_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(start_date=D(2021, 5, 1), end_date=D(2021, 4, 30))


def test_membership_may_end_on_its_start_day(db):
    membership = MembershipFactory(start_date=D(2021, 5, 1), end_date=D(2021, 5, 1))
    assert membership.is_active_on(D(2021, 5, 1))


@pytest.mark.parametrize(
    ("on", "active"),
    [
        (D(2021, 2, 28), False),  # the day before the start
        (D(2021, 3, 1), True),  # the start day
        (D(2021, 6, 30), True),  # the end day
        (D(2021, 7, 1), False),  # the day after the end
    ],
)
def test_active_on_a_date_includes_the_start_and_end_day(db, on, active):
    membership = MembershipFactory(start_date=D(2021, 3, 1), end_date=D(2021, 6, 30))
    assert membership.is_active_on(on) is active
    assert Membership.objects.active_on(on).filter(pk=membership.pk).exists() is active


def test_open_ended_membership_is_active_from_its_start_on(db):
    membership = MembershipFactory(start_date=D(2021, 3, 1), end_date=None)
    assert not Membership.objects.active_on(D(2021, 2, 28)).filter(pk=membership.pk).exists()
    assert Membership.objects.active_on(D(2030, 1, 1)).filter(pk=membership.pk).exists()


def test_contact_names_read_and_file_the_dutch_way(db):
    contact = ContactFactory(first_name="Jan", tussenvoegsel="van der", last_name="Berg")
    assert str(contact) == "Jan van der Berg"
    assert contact.sort_name == "Berg, Jan van der"


def test_contacts_are_ordered_on_last_name_without_tussenvoegsel(db):
    ContactFactory(first_name="Kees", tussenvoegsel="de", last_name="Zwart")
    ContactFactory(first_name="Jan", tussenvoegsel="van der", last_name="Berg")
    ContactFactory(first_name="Piet", tussenvoegsel="", last_name="Aalders")
    assert [c.last_name for c in Contact.objects.all()] == ["Aalders", "Berg", "Zwart"]


@pytest.mark.parametrize("with_gemeente", [True, False])
def test_a_seat_has_one_open_role_per_person_with_or_without_a_gemeente(db, afm, with_gemeente):
    seat = {"network": afm, "role": afm.default_role, "gemeente": gemeente("GM0606") if with_gemeente else None}
    first = MembershipFactory(**seat, start_date=D(2020, 1, 1), end_date=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(contact=first.contact, **seat, start_date=D(2022, 1, 1))
    # Ended roles are history: a later open one next to them is fine.
    first.end_date = D(2021, 12, 31)
    first.save()
    Membership.objects.create(contact=first.contact, **seat, start_date=D(2022, 1, 1))
