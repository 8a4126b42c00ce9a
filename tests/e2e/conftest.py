"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Run them alone with `pytest -m e2e`. Without /usr/bin/chromium they skip, except on CI (`CI=true`),
where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The policy production sends (no inline scripts or styles); every page is loaded under it, so a violation shows
# up as a console error and fails the test.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that unless told it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser test with Playwright and chromium (run with -m e2e)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium)."
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    """The demo data on the reference data; a transactional test before this one may have flushed the latter."""
    from django.apps import apps

    from network.demo import DEMO_PASSWORD, demo_user, load_demo
    from network.reference import load_reference_data

    load_reference_data(apps)
    load_demo()
    return {"user": demo_user(), "password": DEMO_PASSWORD}


def with_content_security_policy(route):
    """Pages fetched with GET get the policy; other requests (uploads, htmx posts) go to the server untouched."""
    request = route.request
    if request.method != "GET" or request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch(max_redirects=0)
    headers = {**response.headers, "content-security-policy": CONTENT_SECURITY_POLICY}
    route.fulfill(response=response, headers=headers)


@pytest.fixture
def page(browser, live_server, demo):
    """A logged-in page of the demo user; console errors fail the test (a CSP violation, a broken script)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    # A form with errors answers 400, which chromium also logs as a failed resource; those are not page errors.
    refused_forms = []
    page.on(
        "response",
        lambda response: (
            refused_forms.append(response.url)
            if response.status == 400 and response.request.resource_type == "document"
            else None
        ),
    )
    page.route("**/*", with_content_security_policy)
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(demo["user"].username)
    page.get_by_label("Wachtwoord").fill(demo["password"])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    yield page
    context.close()
    refused = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    for _ in refused_forms:
        if refused in errors:
            errors.remove(refused)
    assert not errors, errors
