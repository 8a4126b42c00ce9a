"""Sessions end after a period without requests; activity extends them, with at most one write a minute."""

import datetime
import time

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.middleware import ACTIVITY_KEY


def _age_activity(seconds: int) -> None:
    """Pretend the last extension of the (only) session was `seconds` ago."""
    row = Session.objects.get()
    store = row.get_decoded()
    store[ACTIVITY_KEY] = int(time.time()) - seconds
    Session.objects.filter(pk=row.pk).update(
        session_data=Session.objects.encode(store), expire_date=timezone.now() + datetime.timedelta(minutes=5)
    )


def test_the_idle_timeout_defaults_to_thirty_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_activity_after_a_minute_extends_the_session_to_the_full_idle_period(client, kernteam):
    client.force_login(kernteam)
    _age_activity(90)
    client.get(reverse("admin:index"))
    assert Session.objects.get().expire_date > timezone.now() + datetime.timedelta(minutes=29)


def test_requests_within_the_minute_do_not_write_the_session(client, kernteam, django_assert_num_queries):
    client.force_login(kernteam)
    client.get(reverse("admin:index"))
    before = Session.objects.get().expire_date
    with django_assert_num_queries(5):  # session, user, two permission reads, admin log: no session write
        client.get(reverse("admin:index"))
    assert Session.objects.get().expire_date == before


def test_an_idle_session_is_over(client, kernteam):
    client.force_login(kernteam)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "admin" in response["Location"] or reverse("login") in response["Location"]
