"""Issue 13 items 2 and 6 in the browser: the contact list on a past date, sorted and exported; long values wrap."""

import datetime
import re

import pytest

from accounts.models import ExportLog
from network.models import Membership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_contact_list_shows_roles_on_a_past_date_sorts_and_exports(page):
    today = datetime.date.today()
    ended = (
        Membership.objects.filter(start_date__lte=datetime.date(2021, 3, 1), end_date__gte=datetime.date(2021, 3, 1))
        .exclude(contact__in=Membership.objects.active_on(today).values("contact_id"))
        .select_related("contact", "network")
        .first()
    )
    contact = ended.contact  # held a role on 01-03-2021, holds none today
    page.goto("/contactpersonen/")
    filters = page.get_by_role("search", name="Contactpersonen filteren")
    filters.get_by_label("Naam, e-mail of organisatie").fill(contact.email)
    filters.get_by_role("button", name="Zoeken").click()
    row = page.locator("tbody tr", has=page.get_by_role("link", name=contact.sort_name))
    assert ended.network.name not in row.inner_text()
    filters.get_by_label("Actief op").fill("2021-03-01")
    filters.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**active_on=2021-03-01*")
    assert ended.network.name in row.inner_text()
    assert page.get_by_role("columnheader", name="Rollen op 01-03-2021").is_visible()
    page.get_by_role("link", name="Organisatie (sorteren)").click()
    page.wait_for_url("**sort=organisatie*")
    assert page.get_by_role("columnheader", name="Organisatie (sorteren)").get_attribute("aria-sort") == "ascending"
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "contactpersonen-2021-03-01.csv"
    assert ExportLog.objects.get().list_name == "Contactpersonen"


LONG = "x" * 300


def page_fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_300_character_value_without_spaces_does_not_widen_the_page(page, tmp_path):
    page.goto("/contactpersonen/nieuw/")
    page.get_by_label("Voornaam").fill("Lang")
    page.get_by_label("Achternaam").fill(LONG)
    page.get_by_label("E-mail").fill(f"{LONG}@voorbeeld")
    page.get_by_label("Functie").fill(LONG)
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".errorlist").first.wait_for()
    assert page_fits(page)
    page.get_by_label("E-mail").fill("lang@voorbeeld.example")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages li").wait_for()
    assert page_fits(page)
    page.goto("/contactpersonen/?search=Lang")
    # The form fields cut the value at their maximum length (maxlength): 150 or 200 characters without a space.
    assert page.get_by_role("link", name=re.compile("^x{150}, Lang$")).is_visible()
    assert page.get_by_role("cell", name=re.compile("^x{150,}$")).first.is_visible()
    assert page_fits(page)
    upload = tmp_path / "lang.csv"
    upload.write_text(f"Voornaam;Achternaam;E-mail\nLang;{LONG};{LONG}@\n", encoding="utf-8")
    page.goto("/import/")
    page.get_by_label("Bestand", exact=True).set_input_files(str(upload))
    page.get_by_label("Netwerk", exact=True).select_option(label="Aandachtsfunctionarissen mensenhandel")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_url("**/import/voorbeeld/")
    assert page.get_by_role("heading", name=re.compile("Fouten")).is_visible()
    assert page_fits(page)
