"""The import wizard's column step in a real browser: a column read wrongly is mapped, the preview changes,
and the confirmed choice is proposed for the next list with the same headers."""

import pytest

from network.models import ColumnMapping, Contact

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST = "Naam;E-mail;Werkt bij\r\nAns Kok;ans.kok@var.example;Halt\r\n"


def test_change_a_column_in_the_preview_confirm_and_see_it_proposed_again(page, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text(LIST, encoding="utf-8")
    page.goto("/import/")
    page.get_by_label("Bestand", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_url("**/import/voorbeeld/")
    rows = page.locator("#import-rijen")
    assert "Ans Kok (nieuw)" in rows.inner_text()
    assert "Halt" not in rows.inner_text()

    page.get_by_label("Werkt bij").select_option("organisation")
    page.get_by_role("button", name="Kolomindeling toepassen").click()
    page.get_by_text("De kolomindeling is aangepast").wait_for()
    assert "Halt" in page.locator("#import-rijen").inner_text()
    page.get_by_role("button", name="Import bevestigen").click()
    page.wait_for_url("**/import/*/")
    assert Contact.objects.get(email="ans.kok@var.example").organisation.name == "Halt"
    assert ColumnMapping.objects.get().columns["Werkt bij"] == "organisation"

    path.write_text(LIST.replace("Ans Kok;ans.kok", "Bob Berg;bob.berg"), encoding="utf-8")
    page.goto("/import/")
    page.get_by_label("Bestand", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.wait_for_url("**/import/voorbeeld/")
    assert page.get_by_text("de indeling die eerder voor deze kolomkoppen is gekozen").is_visible()
    assert "Halt" in page.locator("#import-rijen").inner_text()
