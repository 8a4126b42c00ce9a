"""Issue 13 item 7: axe-core finds no serious or critical violation on any of the kernteam's pages."""

import pytest

from network.models import Contact, ImportBatch

from .axe import axe_source, serious_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/gemeenten/",
    "/gemeenten/GM0606/",
    "/gemeenten/GM0606/?date=2021-03-01",
    "/netwerken/",
    "/netwerken/hackshield/",
    "/netwerken/aandachtsfunctionarissen-mensenhandel/",
    "/dekking/",
    "/contactpersonen/",
    "/contactpersonen/nieuw/",
    "/zoeken/?q=Schiedam",
    "/import/",
    "/account/api-sleutels/",
    "/admin/",
    "/admin/network/contact/",
]


@pytest.fixture
def axe():
    return axe_source()


def check(page, axe, urls):
    """Every page is checked before the test fails, so one run lists all findings."""
    found = {}
    for url in urls:
        page.goto(url)
        found[url] = serious_violations(page, axe)
    assert not any(found.values()), "\n".join(f"{url}: {line}" for url, lines in found.items() for line in lines)


def test_kernteam_pages_have_no_serious_violations(page, axe):
    check(page, axe, PAGES)


def test_record_pages_and_forms_have_no_serious_violations(page, axe):
    contact = Contact.objects.filter(memberships__isnull=False).first()
    membership = contact.memberships.first()
    urls = [
        f"/contactpersonen/{contact.pk}/",
        f"/contactpersonen/{contact.pk}/bewerken/",
        f"/contactpersonen/{contact.pk}/rol-toevoegen/",
        f"/contactpersonen/{contact.pk}/samenvoegen/",
        "/netwerken/hackshield/lid-toevoegen/",
        f"/rollen/{membership.pk}/beeindigen/",
        f"/rollen/{membership.pk}/overdragen/",
        f"/admin/network/contact/{contact.pk}/change/",
        f"/admin/network/membership/{membership.pk}/change/",
    ]
    check(page, axe, urls)


def test_import_pages_have_no_serious_violations(page, axe):
    from .test_kernteam import DATA

    page.goto("/import/")
    page.get_by_label("Bestand", exact=True).set_input_files(str(DATA / "afm_titel.xlsx"))
    page.get_by_label("Netwerk", exact=True).select_option(label="Aandachtsfunctionarissen mensenhandel")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_url("**/import/voorbeeld/")
    assert not serious_violations(page, axe), serious_violations(page, axe)
    page.get_by_role("button", name="Import bevestigen").click()
    page.wait_for_url("**/import/*/")
    check(page, axe, [f"/import/{ImportBatch.objects.get().pk}/"])


def test_missing_axe_core_skips_outside_ci_and_fails_on_ci(monkeypatch, tmp_path):
    from . import axe as module

    monkeypatch.setattr(module, "AXE", tmp_path / "axe.min.js")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        module.axe_source()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        module.axe_source()


def test_narrow_screen_flash_message_and_picker_results_have_no_serious_violations(page, axe):
    """Tables that scroll sideways on a phone, a flash message after a change, a picker with its results."""
    membership = Contact.objects.filter(memberships__isnull=False).first().memberships.first()
    page.set_viewport_size({"width": 420, "height": 800})
    check(page, axe, ["/netwerken/hackshield/", "/dekking/", "/contactpersonen/", "/gemeenten/GM0606/"])
    page.set_viewport_size({"width": 1280, "height": 900})
    check(page, axe, [f"/rollen/{membership.pk}/overdragen/?q=Bakker", "/netwerken/hackshield/lid-toevoegen/?q=a"])
    page.goto("/contactpersonen/nieuw/")
    page.get_by_label("Voornaam").fill("Toegankelijk")
    page.get_by_label("Achternaam").fill("Getest")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages li").wait_for()
    assert not serious_violations(page, axe), serious_violations(page, axe)
