"""Keeping the register current in a real browser: the personal page without a login, then the review queue."""

import datetime

import pytest
from django.utils import timezone

from network import services
from network.choices import ProposalKind, ProposalStatus
from network.models import ChangeProposal, Membership

from .conftest import with_content_security_policy
from .test_kernteam import current_afm

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def anonymous(browser, live_server, demo):
    """A browser page without a login, under the production CSP; console errors fail the test."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.route("**/*", with_content_security_policy)
    yield page
    context.close()
    assert not errors, errors


def test_alles_klopt_in_the_browser(anonymous):
    holder = current_afm("GM0606").contact
    _, token = services.verification_request_create(actor=None, contact=holder)
    anonymous.goto(f"/controle/{token}/")
    assert anonymous.get_by_role("heading", name="Kloppen uw gegevens nog?").is_visible()
    assert anonymous.get_by_text(f"Beste {holder.full_name}").is_visible()
    anonymous.get_by_role("button", name="Alles klopt").click()
    anonymous.get_by_role("heading", name="Bedankt voor uw antwoord").wait_for()
    today = timezone.localdate()
    assert all(m.verified_on == today for m in Membership.objects.filter(contact=holder).active_on(today))
    anonymous.goto(f"/controle/{token}/")
    assert anonymous.get_by_role("heading", name="Al beantwoord").is_visible()
    assert holder.last_name not in anonymous.content()


def test_report_a_stop_with_a_successor_then_the_kernteam_accepts_and_rejects(anonymous, page):
    role = current_afm("GM0606")
    _, token = services.verification_request_create(actor=None, contact=role.contact)
    anonymous.goto(f"/controle/{token}/")
    card = anonymous.locator("fieldset", has_text="Aandachtsfunctionarissen mensenhandel")
    card.get_by_label("Klopt niet meer").check()
    card.get_by_label("Gestopt op").fill("2026-01-31")
    card.get_by_label("Naam van uw opvolger").fill("Sanne van der Berg")
    card.get_by_label("E-mailadres van uw opvolger").fill("sanne.e2e@schiedam.example")
    anonymous.get_by_label("Functie").fill("Teamleider veiligheid")
    anonymous.get_by_role("button", name="Wijzigingen versturen").click()
    anonymous.get_by_role("heading", name="Bedankt voor uw antwoord").wait_for()
    role.refresh_from_db()
    assert role.end_date is None  # a proposal, not a change
    assert ChangeProposal.objects.filter(status=ProposalStatus.OPEN).count() == 3

    page.goto("/")
    page.locator("section[aria-labelledby='actueel-titel'] table").wait_for()
    page.get_by_role("link", name="Wijzigingsvoorstellen beoordelen").first.click()
    page.wait_for_url("**/wijzigingsvoorstellen/")
    stop = ChangeProposal.objects.get(kind=ProposalKind.ROLE_STOPPED)
    details = ChangeProposal.objects.get(kind=ProposalKind.DETAIL_CORRECTION)
    card = page.locator(f"article[aria-labelledby='voorstel-{stop.pk}']")
    assert "31-01-2026" in card.inner_text()
    card.get_by_role("button", name="Overnemen").click()
    page.get_by_text(f"Voorstel #{stop.pk} is overgenomen.").wait_for()
    card = page.locator(f"article[aria-labelledby='voorstel-{details.pk}']")
    assert "Teamleider veiligheid" in card.inner_text()
    card.get_by_label("Reden van afwijzing").fill("Functie wordt uit de lijst gehaald")
    card.get_by_role("button", name="Afwijzen").click()
    page.get_by_text(f"Voorstel #{details.pk} is afgewezen.").wait_for()
    role.refresh_from_db()
    assert role.end_date == datetime.date(2026, 1, 31)
    details.refresh_from_db()
    assert details.status == ProposalStatus.REJECTED
