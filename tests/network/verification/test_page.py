"""The personal page /controle/<token>/: no login; confirm, stop with a successor, correct details; expiry, replay,
tampering, rate limiting, and no token in any log."""

import datetime
import logging

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from accounts.models import ExportLog
from network.choices import ProposalKind, ProposalStatus, VerificationStatus
from network.models import ChangeProposal, Membership
from network.tokens import SALT

from .conftest import active_roles

pytestmark = pytest.mark.django_db


def url(token: str) -> str:
    return reverse("network:verification-page", kwargs={"token": token})


def test_the_page_needs_no_login_and_lists_only_that_persons_active_roles(client, verification, person):
    _, token = verification
    response = client.get(url(token))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fenna Vlietstra" in page
    assert "Aandachtsfunctionarissen mensenhandel" in page and "HackShield" in page
    assert "Regiegroep" not in page
    assert 'value="Adviseur"' in page
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_alles_klopt_confirms_exactly_that_persons_roles_with_the_request_in_the_history(client, verification, person):
    request, token = verification
    from tests.factories import MembershipFactory

    bystander = MembershipFactory(verified_on=datetime.date(2020, 1, 1))
    response = client.post(url(token), {"alles_klopt": "1"})
    assert response.status_code == 200
    assert "Uw rollen zijn bevestigd" in response.content.decode()
    today = timezone.localdate()
    assert [m.verified_on for m in active_roles(person)] == [today, today]
    ended = person.memberships.exclude(end_date=None).get()
    assert ended.verified_on == datetime.date(2020, 1, 1)
    bystander.refresh_from_db()
    assert bystander.verified_on == datetime.date(2020, 1, 1)
    latest = active_roles(person)[0].history.first()
    assert latest.history_change_reason == f"Bevestigd door de persoon zelf (controleverzoek #{request.pk})"
    request.refresh_from_db()
    assert request.status == VerificationStatus.ANSWERED and request.answered is not None
    assert not ChangeProposal.objects.exists()


def test_a_second_visit_says_al_beantwoord_without_personal_data(client, verification):
    _, token = verification
    client.post(url(token), {"alles_klopt": "1"})
    for response in (client.get(url(token)), client.post(url(token), {"alles_klopt": "1"})):
        assert response.status_code == 200
        page = response.content.decode()
        assert "Al beantwoord" in page
        assert "Vlietstra" not in page and "Aandachtsfunctionaris" not in page


def test_stopped_with_a_successor_and_a_correction_become_proposals_not_changes(client, verification, person):
    request, token = verification
    afm, hackshield = active_roles(person)
    data = {
        f"answer_{afm.pk}": "stopped",
        f"end_{afm.pk}": "2026-01-31",
        f"successor_name_{afm.pk}": "Sanne van der Berg",
        f"successor_email_{afm.pk}": "Sanne.vanderBerg@schiedam.example",
        f"answer_{hackshield.pk}": "ok",
        "job_title": "Senior adviseur",
        "organisation": person.organisation.name,
        "phone": "010 123 4567",
        "mobile": "",
    }
    response = client.post(url(token), data)
    assert response.status_code == 200, response.content.decode()
    assert "Uw wijzigingen (3) gaan naar het kernteam" in response.content.decode()
    afm.refresh_from_db()
    hackshield.refresh_from_db()
    person.refresh_from_db()
    assert afm.end_date is None and person.job_title == "Adviseur"  # nothing changed yet
    assert hackshield.verified_on == timezone.localdate()
    proposals = {p.kind: p for p in ChangeProposal.objects.all()}
    assert proposals[ProposalKind.ROLE_STOPPED].payload == {"end_date": "2026-01-31"}
    assert proposals[ProposalKind.ROLE_STOPPED].membership == afm
    assert proposals[ProposalKind.SUCCESSOR].payload == {
        "name": "Sanne van der Berg",
        "first_name": "Sanne",
        "tussenvoegsel": "van der",
        "last_name": "Berg",
        "email": "sanne.vanderberg@schiedam.example",
        "start_date": "2026-02-01",
    }
    assert proposals[ProposalKind.DETAIL_CORRECTION].payload == {
        "job_title": "Senior adviseur",
        "phone": "010 123 4567",
    }
    assert all(p.status == ProposalStatus.OPEN for p in proposals.values())
    request.refresh_from_db()
    assert request.status == VerificationStatus.ANSWERED


def test_stopped_without_a_date_is_a_dutch_error_and_nothing_is_answered(client, verification, person):
    request, token = verification
    afm, hackshield = active_roles(person)
    response = client.post(url(token), {f"answer_{afm.pk}": "stopped", f"answer_{hackshield.pk}": "ok"})
    assert response.status_code == 200
    assert "Geef de datum waarop u met deze rol gestopt bent." in response.content.decode()
    request.refresh_from_db()
    assert request.status == VerificationStatus.OPEN


def test_a_tampered_or_wrong_token_is_a_dutch_404_without_personal_data(client, verification):
    _, token = verification
    nonce, timestamp, signature = token.split(":")
    for bad in (f"{nonce}x:{timestamp}:{signature}", f"{nonce}:{timestamp}:{signature[:-2]}AA", "onzin", "a:b:c"):
        response = client.get(url(bad))
        assert response.status_code == 404
        page = response.content.decode()
        assert "Link niet gevonden" in page and "Vlietstra" not in page


def test_a_validly_signed_token_for_no_request_is_a_404(client, db):
    response = client.get(url(signing.TimestampSigner(salt=SALT).sign("bestaat-niet")))
    assert response.status_code == 404


def test_an_expired_token_is_a_dutch_410_without_personal_data(client, verification, settings):
    request, token = verification
    settings.VERIFICATION_TOKEN_MAX_AGE_DAYS = 0
    response = client.get(url(token))
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    assert "Vlietstra" not in response.content.decode()
    # The request's own expiry counts too, whatever the setting.
    settings.VERIFICATION_TOKEN_MAX_AGE_DAYS = 30
    request.expires = timezone.now() - datetime.timedelta(seconds=1)
    request.save()
    assert client.get(url(token)).status_code == 410
    assert client.post(url(token), {"alles_klopt": "1"}).status_code == 410
    assert not Membership.objects.filter(verified_on=timezone.localdate()).exists()


def test_the_page_is_rate_limited_per_client_address(client, verification, settings):
    _, token = verification
    settings.VERIFICATION_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(url("onzin")).status_code == 404
    limited = client.get(url(token))
    assert limited.status_code == 429
    assert "te veel pogingen" in limited.content.decode()
    assert "Vlietstra" not in limited.content.decode()
    # Another address is counted on its own.
    assert client.get(url(token), REMOTE_ADDR="192.0.2.7").status_code == 200


def test_behind_the_proxy_the_forwarded_client_address_is_counted(client, verification, settings):
    _, token = verification
    settings.VERIFICATION_RATE_LIMIT = 2
    settings.TRUSTED_PROXY_COUNT = 1
    for spoofed in ("1.1.1.1", "2.2.2.2"):
        assert client.get(url(token), HTTP_X_FORWARDED_FOR=f"{spoofed}, 198.51.100.9").status_code == 200
    assert client.get(url(token), HTTP_X_FORWARDED_FOR="3.3.3.3, 198.51.100.9").status_code == 429
    assert client.get(url(token), HTTP_X_FORWARDED_FOR="198.51.100.10").status_code == 200


def test_requests_and_answers_are_logged_without_the_token(client, verification, caplog):
    request, token = verification
    with caplog.at_level(logging.INFO):
        client.get(url(token))
        client.post(url(token), {"alles_klopt": "1"})
        client.get(url("onzin-token"))
        client.get(url(token.replace(":", "x", 1)))
    messages = [record.getMessage() for record in caplog.records]
    assert f"Controleverzoek #{request.pk} geopend" in messages
    assert any(m.startswith(f"Controleverzoek #{request.pk} beantwoord: 2 rol(len) bevestigd") for m in messages)
    assert not any(token in m or "onzin-token" in m for m in messages)
    assert not ExportLog.objects.exists()


def test_djangos_own_404_log_line_carries_no_token(verification, settings):
    from common.logging import RedactPersonalLinks

    _, token = verification
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/controle/{token}/",), None
    )
    assert RedactPersonalLinks().filter(record)
    assert record.getMessage() == "Not Found: /controle/[verborgen]/"
    assert "redact_personal_links" in settings.LOGGING["handlers"]["console"]["filters"]
