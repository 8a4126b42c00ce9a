"""Issue 13 item 1 in the browser: the worklist is one click from a network, and logging updates the summary."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def count(page, label: str) -> int:
    text = page.locator("#worklist-summary").get_by_role("link", name=re.compile(label)).inner_text()
    return int(text.split()[-1])


def test_worklist_filter_then_log_a_contactmoment_and_the_summary_updates_in_place(page):
    page.goto("/netwerken/hackshield/")
    to_approach, in_progress = count(page, "Nog te benaderen"), count(page, "In behandeling")
    page.locator("#worklist-summary").get_by_role("link", name=re.compile("Nog te benaderen")).click()
    page.wait_for_url("**/netwerken/hackshield/?status=to_approach*")
    statuses = page.locator("#dekking tbody .badge").all_inner_texts()
    assert len(statuses) == to_approach and all("Nog te benaderen" in s for s in statuses)
    row = page.locator("#dekking-GM0613")
    assert (
        row.get_by_role("link", name="Lid toevoegen voor Albrandswaard")
        .get_attribute("href")
        .endswith("lid-toevoegen/?gemeente=GM0613")
    )
    row.get_by_text("Contactmoment vastleggen").click()
    row.get_by_label("Kanaal").select_option("telefoon")
    row.get_by_role("button", name="Vastleggen").click()
    page.locator("#dekking-GM0613 .saved").wait_for()
    page.wait_for_function(
        "n => document.querySelector('#worklist-summary').innerText.includes('Nog te benaderen ' + n)",
        arg=to_approach - 1,
    )
    assert count(page, "In behandeling") == in_progress + 1
    # The summary still filters on the page's status after the swap.
    assert page.locator("#worklist-summary a[aria-current]").inner_text().startswith("Nog te benaderen")


def test_lid_toevoegen_from_the_worklist_has_network_and_gemeente_filled_in(page):
    page.goto("/netwerken/hackshield/?status=to_approach")
    page.get_by_role("link", name="Lid toevoegen voor Albrandswaard").click()
    page.wait_for_url("**/netwerken/hackshield/lid-toevoegen/?gemeente=GM0613")
    assert page.get_by_role("heading", name="Lid toevoegen aan HackShield").is_visible()
    assert page.get_by_label("Namens gemeente").evaluate("el => el.options[el.selectedIndex].text") == "Albrandswaard"
