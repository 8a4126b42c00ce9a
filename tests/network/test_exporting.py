"""The one formula guard: every cell any writer emits, headers included, is neutralised the same way."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from network.exporting import formulas, writers
from network.exporting.formulas import FORMULA_TRIGGERS, guard_csv, is_formula_like
from network.exporting.subject_access import subject_access_workbook

DANGEROUS = ['=HYPERLINK("http://x.example","klik")', "+1", "-1", "@x", "\tx", "\rx", "=1+2"]
HEADERS = ["Naam", *DANGEROUS]
ROWS = [["Jan", *DANGEROUS], [None, *reversed(DANGEROUS)]]


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def xlsx_cells(data: bytes) -> list:
    workbook = load_workbook(io.BytesIO(data))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]


def text_of(cell):
    """The cell's text as written: XML reads a carriage return back as a line feed."""
    return cell.value.replace("\n", "\r") if isinstance(cell.value, str) else cell.value


def assert_xlsx_cells_safe(cells) -> None:
    for cell in cells:
        if isinstance(cell.value, str) and is_formula_like(text_of(cell)):
            assert (cell.data_type, cell.quotePrefix) == ("s", True), f"{cell.coordinate} {cell.value!r} can run"
        assert cell.data_type != "f", f"{cell.coordinate} is a formula"


@pytest.mark.parametrize("value", DANGEROUS)
def test_every_formula_trigger_is_recognised(value):
    assert is_formula_like(value)
    assert guard_csv(value) == "'" + value


def test_harmless_text_passes_unchanged():
    assert not is_formula_like("Jan van der Berg")
    assert guard_csv("010-4567890") == "010-4567890"
    assert guard_csv(-1) == "'-1", "in a .csv a number is text to the spreadsheet too"


def test_csv_headers_and_values_all_go_through_the_guard():
    cells = csv_cells(writers.write_csv(HEADERS, ROWS))

    assert cells[0] == ["Naam", *("'" + value for value in DANGEROUS)]
    assert cells[1] == ["Jan", *("'" + value for value in DANGEROUS)]
    assert not any(is_formula_like(cell) for row in cells for cell in row)


def test_xlsx_headers_and_values_all_go_through_the_guard():
    cells = xlsx_cells(writers.write_xlsx(HEADERS, ROWS))

    assert [text_of(cell) for cell in cells[: len(HEADERS)]] == HEADERS
    assert sum(1 for cell in cells if text_of(cell) in DANGEROUS) == 3 * len(DANGEROUS)
    assert_xlsx_cells_safe(cells)


def test_the_subject_access_workbook_goes_through_the_same_guard():
    data = {
        "contactpersoon": {"voornaam": "=HYPERLINK(1)", "@x": "+31 10 123 4567"},
        "rollen": [{"-rol": "-1", "opmerkingen": "\tx", "wijzigingen": [{"veld": "=1"}]}],
        "contactmomenten": [],
        "historie contactpersoon": [{"\rx": "@x"}],
        "historie rollen": [],
    }

    cells = xlsx_cells(subject_access_workbook(data))

    assert {"=HYPERLINK(1)", "@x", "+31 10 123 4567", "-rol", "-1", "\tx", "\rx"} <= {text_of(cell) for cell in cells}
    assert_xlsx_cells_safe(cells)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_cell_a_writer_emits_is_handed_to_the_guard(monkeypatch, fmt):
    seen = []
    guard = {"csv": "guard_csv", "xlsx": "guard_xlsx"}[fmt]
    original = getattr(formulas, guard)

    def counting(*args):
        seen.append(args[-1])
        return original(*args)

    monkeypatch.setattr(writers, guard, counting)
    writers.write_table(HEADERS, ROWS, fmt)

    assert seen == [*HEADERS, *ROWS[0], *ROWS[1]]


def test_no_other_module_writes_spreadsheet_cells():
    """A second writer would need its own guard; the guard lives in network.exporting only."""
    root = Path(__file__).resolve().parents[2]
    writers_found = []
    for path in root.glob("*/**/*.py"):
        if path.parts[len(root.parts)] in ("tests", ".venv", "bench") or "exporting" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "Workbook(" in text or "csv.writer(" in text or "WriteOnlyCell(" in text:
            writers_found.append(str(path.relative_to(root)))
    assert writers_found == []


def test_the_importer_removes_the_csv_guard_again():
    from network.importing.values import cell_text

    for value in DANGEROUS:
        assert cell_text(guard_csv(value)) == value
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}


def test_xlsx_sheets_open_with_a_frozen_header_row_and_an_autofilter():
    import io

    from openpyxl import load_workbook

    from network.exporting import write_workbook, write_xlsx

    sheet = load_workbook(io.BytesIO(write_xlsx(["A", "B", "C"], [[1, 2, 3], [4, 5, 6]]))).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert sheet["A1"].font.bold
    empty = load_workbook(io.BytesIO(write_workbook([("Leeg", ["Naam"], [])]))).active
    assert (empty.freeze_panes, empty.auto_filter.ref) == ("A2", "A1:A1")


@pytest.mark.django_db
def test_lean_export_rows_equal_the_full_rows_from_one_query(django_assert_num_queries):
    import datetime

    from network import selectors
    from network.exporting import membership_rows
    from tests.factories import MembershipFactory, gemeente

    MembershipFactory.create_batch(3, gemeente=gemeente("GM0606"), contact__notes="Belt liever dan mailt")
    MembershipFactory(gemeente=None, contact__organisation__gemeente=gemeente("GM0606"))
    on = datetime.date.today()
    full = list(membership_rows(selectors.contacts_for_gemeente(gemeente=gemeente("GM0606"), on=on)))
    query = selectors.lean_memberships_for_export(selectors.contacts_for_gemeente(gemeente=gemeente("GM0606"), on=on))
    with django_assert_num_queries(1):
        lean = list(membership_rows(query))
    assert lean == full and len(lean) == 4
