"""Files the importer refuses before reading a row, with one Dutch sentence."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command

from network.importing import ImportFileError, ImportOptions, run_import
from network.importing.values import parse_date
from network.models import Contact
from tests.helpers import csv_bytes, data_file
from tests.network.importing.xlsx_files import simple


def refused(data: bytes, file_name: str) -> str:
    with pytest.raises(ImportFileError) as info:
        run_import(actor=None, file=data, file_name=file_name, options=ImportOptions())
    return str(info.value)


@pytest.mark.django_db
def test_files_over_the_size_limit_are_refused(settings):
    settings.IMPORT_MAX_FILE_BYTES = 100

    message = refused(b"Naam;E-mail\r\n" + b"a;b\r\n" * 50, "groot.csv")

    assert "groter dan" in message


@pytest.mark.django_db
def test_files_over_the_row_limit_are_refused(settings):
    settings.IMPORT_MAX_ROWS = 10

    message = refused(csv_bytes([["Naam", "E-mail"]] + [["a b", "c@d.nl"]] * 11), "lang.csv")

    assert "meer dan 10 rijen" in message


@pytest.mark.django_db
def test_a_zip_that_unpacks_out_of_proportion_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))

    message = refused(buffer.getvalue(), "bom.xlsx")

    assert "buiten verhouding" in message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file_name", "expected"),
    [("lijst.xlsm", "macro"), ("lijst.pdf", "wordt niet ondersteund"), ("lijst", "zonder extensie")],
)
def test_xlsm_and_unknown_extensions_are_refused(file_name, expected):
    assert expected in refused(data_file("afm_titel.xlsx").read_bytes(), file_name)


@pytest.mark.django_db
def test_a_corrupt_spreadsheet_is_refused():
    assert "geen geldig" in refused(b"dit is geen spreadsheet", "lijst.xlsx")
    assert "kan niet worden gelezen" in refused(b"\xd0\xcf\x11\xe0 kapot", "lijst.xls")


@pytest.mark.django_db
def test_a_file_without_a_name_or_email_column_is_refused():
    message = refused(csv_bytes([["Organisatie", "Functie"], ["Politie", "Agent"]]), "lijst.csv")

    assert message == "lijst.csv heeft geen kolom met een naam of e-mailadres."


@pytest.mark.django_db
def test_formula_cells_are_never_evaluated():
    """A formula arrives as the value the spreadsheet stored for it; without one, as a row error naming the cell."""
    stored = simple([["Naam", "E-mail", "Opmerkingen"], ["Ans Kok", "ans@var.example", ("f", "1+2", 3)]])
    uncached = simple([["Naam", "E-mail", "Opmerkingen"], ["Bo Ek", "bo@var.example", ("f", "1+2", None)]])

    assert run_import(actor=None, file=stored, file_name="a.xlsx", options=ImportOptions()).exit_code == 0
    result = run_import(actor=None, file=uncached, file_name="b.xlsx", options=ImportOptions())

    assert Contact.objects.get().notes == "3"
    assert [(e["row"], e["column"], e["message"][:46]) for e in result.errors] == [
        (2, "Opmerkingen", "Cel C2 bevat een formule zonder berekende waar")
    ]


@pytest.mark.django_db
def test_unreadable_file_exits_2_with_one_dutch_sentence_and_no_traceback(tmp_path, capsys):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 kapot")

    with pytest.raises(SystemExit) as exit_info:
        call_command("import_contacts", str(path))

    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == "kapot.xlsx is geen geldig spreadsheetbestand en kan niet worden gelezen."
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-01", (2021, 3, 1)),
        ("1-3-2021", (2021, 3, 1)),
        ("01-03-2021", (2021, 3, 1)),
        ("1 maart 2021", (2021, 3, 1)),
        (44256, (2021, 3, 1)),
        ("17 okt. 2020", (2020, 10, 17)),
    ],
)
def test_dates_as_users_write_them(value, expected):
    assert parse_date(value) == datetime.date(*expected)


@pytest.mark.django_db
def test_errors_quote_a_short_prefix_of_a_long_value_never_the_whole_cell():
    long = "Gemeente " + "x" * 20_000
    data = csv_bytes([["Naam", "E-mail", "Gemeente", "x" * 5000], ["Ans Kok", "ans@var.example", long, "y"]])

    result = run_import(actor=None, file=data, file_name="lang.csv", options=ImportOptions())

    (error,) = result.errors
    assert len(error["value"]) <= 60 and error["value"].endswith("…")
    assert len(error["message"]) < 160
    assert all(len(column) <= 60 for column in result.summary["ignored_columns"])
