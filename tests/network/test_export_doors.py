"""Every door that hands out a spreadsheet passes every cell, headers included, through the one formula guard
(issue 11): a network renamed to `=HYPERLINK("x")` and a contact called `+1 @SUM(1)` stay text everywhere."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from network.exporting.formulas import is_formula_like
from network.models import Network, Organisation
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory, gemeente
from tests.helpers import token_client

HYPERLINK = '=HYPERLINK("x")'
DANGEROUS = (HYPERLINK, "+1", "@SUM(1)")


@pytest.fixture
def hostile(db):
    """A per-gemeente network renamed to a formula, with a participant whose every text field is one."""
    network = Network.objects.get(slug="hackshield")
    network.name = HYPERLINK
    network.save()
    contact = ContactFactory(
        first_name="+1",
        last_name="@SUM(1)",
        job_title=HYPERLINK,
        notes="+1",
        organisation=Organisation.objects.create(name="@SUM(1)", slug="som"),
    )
    today = datetime.date.today()
    MembershipFactory(
        contact=contact, network=network, gemeente=gemeente("GM0606"), start_date=datetime.date(2020, 1, 1)
    )
    OutreachFactory(gemeente=gemeente("GM0606"), network=network, outcome="@SUM(1)", date=today)
    return contact


def csv_cells(data: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    return [cell for row in rows for cell in row]


def assert_csv_safe(data: bytes, *, expect: tuple = DANGEROUS) -> None:
    cells = csv_cells(data)
    assert not [cell for cell in cells if is_formula_like(cell)], "a cell a spreadsheet would run"
    for value in expect:
        assert any(cell.startswith("'" + value) for cell in cells), f"{value} not in the file (guarded)"


def assert_xlsx_safe(data: bytes, *, expect: tuple = DANGEROUS) -> None:
    workbook = load_workbook(io.BytesIO(data))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for cell in cells:
        assert cell.data_type != "f", f"{cell.coordinate} {cell.value!r} is a formula"
        if isinstance(cell.value, str) and is_formula_like(cell.value):
            assert cell.quotePrefix, f"{cell.coordinate} {cell.value!r} is not marked as text"
    for value in expect:
        assert any(isinstance(c.value, str) and c.value.startswith(value) for c in cells), f"{value} not in the file"


def assert_safe(data: bytes, fmt: str, **kwargs) -> None:
    (assert_csv_safe if fmt == "csv" else assert_xlsx_safe)(data, **kwargs)


FORMATS = ["csv", "xlsx"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_web_coverage_export_headers_carry_the_network_name_as_text(client, superuser, hostile, fmt):
    client.force_login(superuser)
    response = client.get(reverse("network:coverage-export", kwargs={"fmt": fmt}))
    assert response.status_code == 200
    assert_safe(response.content, fmt, expect=(f"{HYPERLINK} – status", "+1 @SUM(1)"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("network:gemeente-export", {"code": "GM0606"}), ("network:network-export", {"slug": "hackshield"})],
)
def test_web_gemeente_and_network_exports(client, superuser, hostile, fmt, name, kwargs):
    client.force_login(superuser)
    response = client.get(reverse(name, kwargs={**kwargs, "fmt": fmt}))
    assert response.status_code == 200
    assert_safe(response.content, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("/api/v1/networks/hackshield/coverage/", ("+1 @SUM(1)", "@SUM(1)")),
        ("/api/v1/contacts/", DANGEROUS),
        ("/api/v1/memberships/", DANGEROUS),
    ],
)
def test_api_downloads(superuser, hostile, fmt, url, expect):
    response = token_client(superuser).get(url, {"format": fmt})
    assert response.status_code == 200
    assert_safe(response.content, fmt, expect=expect)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("model", "expect"), [("contact", ("+1", "@SUM(1)", HYPERLINK)), ("membership", DANGEROUS)])
def test_admin_exports(client, superuser, hostile, fmt, model, expect):
    client.force_login(superuser)
    response = client.post(reverse(f"admin:network_{model}_export"), {"format": fmt})
    assert response.status_code == 200
    assert_safe(response.content, fmt, expect=expect)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_contacts_command(hostile, fmt, tmp_path):
    output = tmp_path / f"lijst.{fmt}"
    call_command("export_contacts", "--format", fmt, "--output", str(output))
    assert_safe(output.read_bytes(), fmt)


def test_avg_export_command(hostile, tmp_path):
    call_command("avg_export", str(hostile.pk), "--output-dir", str(tmp_path / "inzage"))
    assert_xlsx_safe((tmp_path / "inzage" / f"inzage-contactpersoon-{hostile.pk}.xlsx").read_bytes())
