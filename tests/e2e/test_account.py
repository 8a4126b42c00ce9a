"""Issue 13 item 8 in the browser: a user makes their own API key on the page and sees it once."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_create_an_api_key_on_the_page_then_revoke_it(page):
    page.get_by_role("link", name="API-sleutels").click()
    page.wait_for_url("**/account/api-sleutels/")
    page.get_by_role("button", name="Nieuwe API-sleutel maken").click()
    token = Token.objects.get()
    assert page.locator("#nieuwe-sleutel").get_by_text(token.key).is_visible()
    page.goto("/account/api-sleutels/")
    assert page.get_by_text(token.key).count() == 0
    assert page.get_by_role("button", name="Nieuwe API-sleutel maken").count() == 0
    page.get_by_role("button", name="Intrekken").click()
    page.get_by_text("is ingetrokken").wait_for()
    assert not Token.objects.exists()
