"""The kernteam's jobs in a real browser: find a contact, travel in time, log outreach, import, hand over."""

import datetime
from pathlib import Path

import pytest

from network.models import Contact, ImportBatch, Membership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATA = Path(__file__).resolve().parent.parent / "data"


def current_afm(code: str) -> Membership:
    return (
        Membership.objects.filter(network__slug="aandachtsfunctionarissen-mensenhandel", gemeente__code=code)
        .active_on(datetime.date.today())
        .select_related("contact")
        .get()
    )


def test_login_shows_the_dashboard(page):
    assert page.get_by_role("heading", name="Overzicht", level=1).is_visible()
    assert page.get_by_role("link", name="Naar de inhoud").count() == 1


def test_find_the_aandachtsfunctionaris_of_schiedam_from_the_search_box(page):
    holder = current_afm("GM0606").contact
    page.get_by_role("searchbox", name="Zoek gemeente, netwerk of persoon").fill("aandachtsfunctionaris Schiedam")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    results = page.locator("section", has=page.get_by_role("heading", name="Contactpersonen"))
    assert results.get_by_role("link", name=holder.full_name).is_visible()
    page.get_by_role("link", name="Schiedam", exact=True).click()
    page.wait_for_url("**/gemeenten/GM0606/")
    roles = page.locator("section[aria-labelledby='rollen-titel']")
    assert roles.get_by_role("link", name=holder.full_name).first.is_visible()


def test_open_a_gemeente_on_a_past_date(page):
    past = (
        Membership.objects.filter(network__slug="aandachtsfunctionarissen-mensenhandel", gemeente__code="GM0606")
        .active_on(datetime.date(2021, 3, 1))
        .select_related("contact")
        .get()
        .contact
    )
    now = current_afm("GM0606").contact
    page.goto("/gemeenten/GM0606/")
    page.get_by_label("Toon de situatie op").fill("2021-03-01")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**/gemeenten/GM0606/?date=2021-03-01")
    roles = page.locator("section[aria-labelledby='rollen-titel']")
    assert roles.get_by_role("link", name=past.full_name).is_visible()
    assert roles.get_by_role("link", name=now.full_name).count() == 0
    assert page.get_by_text("Je bekijkt de situatie op").is_visible()


def test_log_an_outreach_and_the_coverage_cell_changes_to_in_behandeling(page):
    page.goto("/netwerken/hackshield/")
    row = page.locator("#dekking-GM0613")
    assert row.locator(".badge").inner_text().strip().endswith("Nog te benaderen")
    row.get_by_text("Contactmoment vastleggen").click()
    row.get_by_label("Kanaal").select_option("telefoon")
    row.get_by_label("Uitkomst").fill("Wethouder belt terug over HackShield")
    row.get_by_role("button", name="Vastleggen").click()
    page.locator("#dekking-GM0613 .saved").wait_for()
    row = page.locator("#dekking-GM0613")
    assert "In behandeling" in row.locator(".badge").inner_text()
    assert "Wethouder belt terug" in row.inner_text()
    assert page.url.endswith("/netwerken/hackshield/")


def test_import_wizard_with_an_xlsx_through_preview_and_confirm_then_undo(page):
    contacts_before = Contact.objects.count()
    page.goto("/import/")
    page.get_by_label("Bestand", exact=True).set_input_files(str(DATA / "afm_titel.xlsx"))
    page.get_by_label("Netwerk", exact=True).select_option(label="Aandachtsfunctionarissen mensenhandel")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_url("**/import/voorbeeld/")
    assert page.get_by_role("heading", name="Wat er verandert").is_visible()
    assert Contact.objects.count() == contacts_before
    page.get_by_role("button", name="Import bevestigen").click()
    page.wait_for_url("**/import/*/")
    batch = ImportBatch.objects.get()
    assert page.get_by_role("heading", name=f"Import #{batch.pk}: afm_titel.xlsx").is_visible()
    assert Contact.objects.count() > contacts_before
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Import terugdraaien").click()
    page.get_by_text(f"Import #{batch.pk} is teruggedraaid.").wait_for()
    assert "Teruggedraaid" in page.locator("#import-status").inner_text()
    assert Contact.objects.count() == contacts_before


def test_hand_over_a_role(page):
    membership = current_afm("GM0606")
    successor = Contact.objects.exclude(pk=membership.contact_id).filter(last_name="Bakker").first()
    page.goto("/netwerken/aandachtsfunctionarissen-mensenhandel/")
    page.get_by_role("link", name=f"Overdragen ({membership.contact.full_name})").click()
    page.wait_for_url(f"**/rollen/{membership.pk}/overdragen/")
    page.get_by_label("Zoek de opvolger").fill(successor.email)
    # Enter searches: in place with htmx, or by reloading the page with ?q= before htmx has started.
    page.get_by_label("Zoek de opvolger").press("Enter")
    page.get_by_label(successor.full_name, exact=False).check()
    page.get_by_label("Overdrachtsdatum").fill("2025-06-01")
    page.get_by_role("button", name="Overdragen").click()
    page.get_by_text("is overgedragen van").wait_for()
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2025, 5, 31)
    assert current_afm("GM0606").contact == successor


def test_keyboard_alone_reaches_every_control_of_the_gemeente_page(page):
    page.goto("/gemeenten/GM0606/?date=2021-03-01")
    count = page.evaluate(
        """() => {
            const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
                .filter(el => el.offsetParent !== null || el.getClientRects().length);
            controls.forEach((el, i) => el.dataset.kb = i);
            return controls.length;
        }"""
    )
    reached = set()
    page.locator("body").focus()
    for _ in range(count * 4):
        page.keyboard.press("Tab")
        index = page.evaluate("() => document.activeElement && document.activeElement.dataset.kb")
        if index is not None:
            reached.add(int(index))
        if len(reached) == count:
            break
    missing = page.evaluate(
        "(seen) => [...document.querySelectorAll('[data-kb]')].filter(el => !seen.includes(+el.dataset.kb))"
        ".map(el => el.outerHTML.slice(0, 80))",
        sorted(reached),
    )
    assert count > 20
    assert not missing
