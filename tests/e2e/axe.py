"""axe-core in the browser tests: inject the npm package's script into a page and list its serious findings.

axe-core comes from the npm registry, pinned in tests/e2e/package-lock.json and installed with
`npm ci --prefix tests/e2e` (.ci/run does this). Without it the accessibility tests skip, except on CI
(`CI=true`), where a missing axe-core is a failure, like a missing chromium.
"""

import os
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# Served from the page's own origin, so the production Content-Security-Policy (script-src 'self') allows it.
AXE_URL = "/__axe-core__/axe.min.js"
SERIOUS = {"serious", "critical"}


def axe_source() -> str:
    if not AXE.exists():
        reason = f"{AXE} ontbreekt: installeer axe-core met `npm ci --prefix tests/e2e`."
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, source: str) -> list[str]:
    """Run axe-core on the page as it is now; one line per serious or critical rule broken, with its elements."""
    page.route(
        f"**{AXE_URL}",
        lambda route: route.fulfill(status=200, body=source, content_type="application/javascript"),
    )
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(url=AXE_URL)
    # No preload: axe would rebuild the admin's @import-ed stylesheets as inline <style> elements, which the
    # Content-Security-Policy refuses (a console error); the one rule that needs them, css-orientation-lock,
    # is then reported as "incomplete", not as passed.
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations'], preload: false})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]
