"""Sessions end after a period without requests; every request extends them."""

import datetime

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone


def test_session_idle_timeout_is_set_and_each_request_extends_it(client, kernteam, settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(kernteam)
    session = Session.objects.get()
    session.expire_date = timezone.now() + datetime.timedelta(minutes=1)
    session.save()
    client.get(reverse("admin:index"))
    extended = Session.objects.get().expire_date
    assert extended > timezone.now() + datetime.timedelta(minutes=29)


def test_an_idle_session_is_over(client, kernteam):
    client.force_login(kernteam)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
