"""Issue 13 item 9: the user documentation lives in the repository, in Dutch, and names what the importer reads."""

import re
from pathlib import Path

from django.urls import reverse

from network.importing.columns import SYNONYMS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_every_column_synonym_the_importer_reads_is_documented():
    text = (DOCS / "importeren.md").read_text(encoding="utf-8")
    missing = [header for headers in SYNONYMS.values() for header in headers if header not in text]
    assert not missing


def test_the_readme_links_only_to_files_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    for name in ("importeren.md", "rollen-en-rechten.md", "api.md", "back-ups.md"):
        assert f"docs/{name}" in readme
    for target in re.findall(r"`((?:docs|\.ci|bench|tests)/[^`\s]+)`", readme):
        assert (ROOT / target).exists(), target


def test_the_docs_link_only_to_each_other(tmp_path):
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text(encoding="utf-8")):
            assert (DOCS / target).exists(), f"{page.name} → {target}"


def test_the_import_page_offers_the_template_list(client, superuser):
    import io

    from openpyxl import load_workbook

    from network.exporting import MEMBERSHIP_HEADERS

    client.force_login(superuser)
    assert reverse("network:import-template") in client.get(reverse("network:import-upload")).content.decode()
    response = client.get(reverse("network:import-template"))
    assert response["Content-Disposition"] == 'attachment; filename="sjabloon-contactlijst.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(rows[0]) == MEMBERSHIP_HEADERS and len(rows) == 2
