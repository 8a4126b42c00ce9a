"""send_follow_up_digest: each kernteam member's weekly mail, and none when there is nothing for that person."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import Membership
from tests.factories import MembershipFactory, OutreachFactory, gemeente, user_with_role

pytestmark = pytest.mark.django_db


def digest() -> str:
    out = io.StringIO()
    call_command("send_follow_up_digest", stdout=out)
    return out.getvalue()


@pytest.fixture
def team(db):
    Membership.objects.update(verified_on=timezone.localdate())
    anna = user_with_role("kernteam", username="anna", email="anna@var.example", first_name="Anna")
    bert = user_with_role("kernteam", username="bert", email="bert@var.example", first_name="Bert")
    user_with_role("kernteam", username="zonder-mail", email="")
    user_with_role("raadpleger", username="lezer", email="lezer@var.example")
    return anna, bert


def test_nothing_to_do_means_no_mail(team):
    assert "0 weekoverzicht(en) verstuurd" in digest()
    assert mail.outbox == []


def test_follow_ups_go_to_who_planned_them_overdue_and_this_week(team):
    anna, bert = team
    today = timezone.localdate()
    OutreachFactory(
        user=anna,
        gemeente=gemeente("GM0599"),
        date=today - datetime.timedelta(days=40),
        follow_up_date=today - datetime.timedelta(days=3),
        outcome="Terugbellen",
    )
    OutreachFactory(user=anna, date=today - datetime.timedelta(days=10), follow_up_date=today, outcome="Offerte")
    OutreachFactory(
        user=bert, date=today - datetime.timedelta(days=400), follow_up_date=today + datetime.timedelta(days=30)
    )
    assert "1 weekoverzicht(en) verstuurd" in digest()
    (message,) = mail.outbox
    assert message.to == ["anna@var.example"]
    assert "Vervolgacties over de datum (1)" in message.body and "Terugbellen" in message.body
    assert "Vervolgacties deze week (1)" in message.body and "Offerte" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_a_followed_up_action_is_not_overdue(team):
    anna, _ = team
    today = timezone.localdate()
    OutreachFactory(
        user=anna, date=today - datetime.timedelta(days=40), follow_up_date=today - datetime.timedelta(days=3)
    )
    OutreachFactory(user=anna, date=today - datetime.timedelta(days=2))
    assert "0 weekoverzicht(en)" in digest()


def test_unconfirmed_roles_and_open_proposals_go_to_every_member(team, verification, person):
    from .test_review import answer_with_everything

    request, _ = verification
    answer_with_everything(person, request)
    MembershipFactory(start_date=datetime.date(2020, 1, 1), verified_on=datetime.date(2020, 1, 1))
    assert "2 weekoverzicht(en) verstuurd" in digest()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@var.example", "bert@var.example"]
    body = mail.outbox[0].body
    assert "Rollen die al meer dan een jaar niet bevestigd zijn" in body
    assert "Open wijzigingsvoorstellen (3)" in body and "/wijzigingsvoorstellen/" in body
