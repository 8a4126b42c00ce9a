"""send_verification_requests: who gets a mail (scope rules), what it says, --json, --dry-run and the filters."""

import datetime
import io
import json
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from network.models import VerificationRequest
from network.tokens import nonce_hash
from tests.factories import ContactFactory, MembershipFactory, gemeente

from .conftest import LONG_AGO

pytestmark = pytest.mark.django_db


def run(*args) -> dict:
    out = io.StringIO()
    call_command("send_verification_requests", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_one_mail_per_person_listing_their_roles_with_one_personal_link(person, settings):
    settings.SITE_URL = "https://register.var.example"
    result = run()
    assert result == {"sent": 1, "skipped": []}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert message.subject == "Kloppen uw gegevens in het VAR Netwerkregister nog?"
    assert "Beste Fenna Vlietstra" in message.body
    assert "Aandachtsfunctionaris in Aandachtsfunctionarissen mensenhandel, namens Schiedam" in message.body
    assert "HackShield" in message.body
    assert "Regiegroep" not in message.body  # ended role
    links = re.findall(r"https://register\.var\.example/controle/([^/\s]+)/", message.body)
    assert len(set(links)) == 1
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="https://register.var.example/controle/{links[0]}/"' in html
    request = VerificationRequest.objects.get()
    assert request.contact == person and request.sent is not None
    # The token itself is stored nowhere; only the hash of its nonce.
    assert links[0] not in request.nonce_hash
    assert request.nonce_hash == nonce_hash(links[0].split(":")[0])
    assert request.expires - request.created >= datetime.timedelta(days=30) - datetime.timedelta(seconds=5)


def test_scope_rules_ended_roles_recent_confirmation_no_email_and_fresh_requests(person):
    ended = ContactFactory(email="oud@example.org")
    MembershipFactory(contact=ended, start_date=LONG_AGO, verified_on=LONG_AGO, end_date=datetime.date(2022, 1, 1))
    recent = ContactFactory(email="recent@example.org")
    MembershipFactory(
        contact=recent, start_date=LONG_AGO, verified_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    no_email = ContactFactory(email="")
    MembershipFactory(contact=no_email, start_date=LONG_AGO, verified_on=None)
    result = run()
    assert result["sent"] == 1
    assert result["skipped"] == [{"contact": no_email.pk, "reason": "geen e-mailadres"}]
    assert [m.to for m in mail.outbox] == [[person.email]]
    # Asked again while the request is open and fresh: not mailed a second time.
    second = run()
    assert second["sent"] == 0
    assert {"contact": person.pk, "reason": "er staat al een controleverzoek open"} in second["skipped"]
    assert len(mail.outbox) == 1
    # Once that request has expired, the person is asked again.
    VerificationRequest.objects.update(expires=timezone.now() - datetime.timedelta(minutes=1))
    assert run()["sent"] == 1
    assert len(mail.outbox) == 2


def test_older_than_moves_the_cutoff(person):
    person.memberships.update(verified_on=timezone.localdate() - datetime.timedelta(days=100))
    assert run()["sent"] == 0
    assert run("--older-than", "90")["sent"] == 1


def test_network_and_gemeente_filters(person):
    other = ContactFactory(email="rotterdam@example.org")
    MembershipFactory(contact=other, gemeente=gemeente("GM0599"), start_date=LONG_AGO, verified_on=LONG_AGO)
    assert run("--dry-run", "--gemeente", "0599") == {"sent": 1, "skipped": [], "dry_run": True}
    assert run("--dry-run", "--network", "hackshield")["sent"] == 1  # only person has a HackShield role
    assert run("--dry-run")["sent"] == 2
    run("--gemeente", "GM0599")
    assert [m.to for m in mail.outbox] == [["rotterdam@example.org"]]


def test_dry_run_sends_and_stores_nothing(person):
    out = io.StringIO()
    call_command("send_verification_requests", "--dry-run", stdout=out)
    assert "zou mailen: Fenna Vlietstra <fenna.vlietstra@schiedam.example>" in out.getvalue()
    assert "1 controleverzoek(en) zou versturen" in out.getvalue()
    assert mail.outbox == []
    assert not VerificationRequest.objects.exists()


def test_unknown_network_or_gemeente_is_a_dutch_error(db):
    with pytest.raises(CommandError, match="Het netwerk 'bestaatniet' bestaat niet"):
        call_command("send_verification_requests", "--network", "bestaatniet")
    with pytest.raises(CommandError, match="De gemeente 'Atlantis' is niet bekend"):
        call_command("send_verification_requests", "--gemeente", "Atlantis")


def test_anonymised_people_are_not_asked(person):
    from network.services import contact_anonymise

    contact_anonymise(actor=None, contact=person)
    assert run() == {"sent": 0, "skipped": []}


def test_a_failing_mail_server_leaves_no_request_behind(person, monkeypatch):
    from django.core.mail.message import EmailMessage

    def fail(self, fail_silently=False):
        raise ConnectionRefusedError("no server")

    monkeypatch.setattr(EmailMessage, "send", fail)
    result = run()
    assert result == {
        "sent": 0,
        "skipped": [{"contact": person.pk, "reason": "verzenden mislukt (ConnectionRefusedError)"}],
    }
    assert not VerificationRequest.objects.exists()


def test_a_person_who_objected_to_mailings_is_not_mailed_and_the_reason_says_so(person):
    person.mailing_objection_on = datetime.date(2021, 5, 1)
    person.save()
    result = run()
    assert result == {"sent": 0, "skipped": [{"contact": person.pk, "reason": "bezwaar tegen mailings"}]}
    assert mail.outbox == []
    assert not VerificationRequest.objects.exists()
