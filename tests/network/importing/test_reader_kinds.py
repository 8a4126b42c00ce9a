"""Reader faults by kind: the .xls sheet Excel opens on, .ods repeat counts, cell references and shared-string
indexes out of range, rows whose last cell sits far right, and numbers shown in scientific notation.

The .xls files in tests/data were written with openpyxl and converted by LibreOffice
(`soffice --headless --convert-to xls`): xls_active_third_sheet.xls (sheets "Uitleg", hidden "Oud", active
"Lijst 2021" with scientific formats), xls_active_sheet_without_list.xls (hidden "Verborgen lijst", "Lijst",
active "Grafiekdata" without a list) and xls_big_stream_first_sheet.xls (300 rows, the first sheet active).
"""

import io
import tracemalloc
import zipfile

import pytest

from network.importing import ImportFileError, ImportOptions, run_import, sheets
from network.importing.readers import column_letters, open_book
from network.importing.readers.biff import _chain, xls_details
from network.importing.readers.book import scientific_cell, scientific_format, scientific_text
from network.importing.sheets import find_list, skipped_row_reason
from network.models import Contact
from tests.factories import network
from tests.helpers import data_file
from tests.network.importing.test_ods import NS, ods, table
from tests.network.importing.xlsx_files import MAIN, rows_xml, simple, xlsx

pytestmark = pytest.mark.django_db
HEADER = ["Naam", "E-mail"]
ANS = ["Ans Kok", "ans@var.example"]


def hackshield():
    return network("hackshield")


def do(data: bytes, file_name: str, **options):
    return run_import(actor=None, file=data, file_name=file_name, options=ImportOptions(**options))


def refused(data: bytes, file_name: str) -> str:
    with pytest.raises(ImportFileError) as error:
        do(data, file_name)
    return str(error.value)


def emails() -> set[str]:
    return set(Contact.objects.values_list("email", flat=True))


# .xls: the sheet Excel opens on, hidden sheets, scientific notation


def test_xls_reads_the_active_third_sheet_and_shows_scientific_cells_as_text():
    result = do(
        data_file("xls_active_third_sheet.xls").read_bytes(), "lijst.xls", skip_invalid=True, network=hackshield()
    )

    assert not [w for w in result.warnings if "werkblad" in w["message"]], "the active sheet holds the list"
    assert [(e["row"], e["value"]) for e in result.errors] == [(2, "6,12E+08"), (5, "610,0E+6")]
    assert all("wetenschappelijke notatie" in e["message"] for e in result.errors)
    assert emails() == {"bo@xls.example", "cor@xls.example"}, "never the hidden 'Oud' or the first sheet"
    bo, cor = Contact.objects.get(email="bo@xls.example"), Contact.objects.get(email="cor@xls.example")
    assert bo.phone == "06 12345678", "every digit is there: the format only hides them"
    assert bo.notes == "1,5E+10"
    assert (cor.phone, cor.notes) == ("010 123 4567", "1234567"), "ordinary numbers are unaffected"
    assert str(cor.memberships.get().start_date) == "2020-01-02", "dates are unaffected"


def test_xls_whose_active_sheet_holds_no_list_reads_the_other_visible_sheet_and_says_so():
    result = do(data_file("xls_active_sheet_without_list.xls").read_bytes(), "lijst.xls")

    assert result.exit_code == 0
    assert emails() == {"eva@xls.example"}
    assert "Het werkblad 'Grafiekdata' bevat geen lijst; gelezen is het werkblad 'Lijst'." in [
        w["message"] for w in result.warnings
    ]


def test_xls_with_the_first_sheet_active_and_a_workbook_stream_in_big_sectors():
    data = data_file("xls_big_stream_first_sheet.xls").read_bytes()

    details = xls_details(data)
    result = do(data, "lijst.xls", skip_invalid=True)

    assert (details.sheets, details.active) == (["Leden", "Andere lijst"], 0)
    assert [(e["row"], e["column"], e["value"]) for e in result.errors] == [(251, "Mobiel", "6,8765E+08")]
    assert len(emails()) == 299 and "niet@xls.example" not in emails()
    assert Contact.objects.get(email="lid251@xls.example").mobile == "06 12000251"


def test_xls_details_of_other_or_truncated_bytes_leave_calamine_to_decide():
    whole = data_file("xls_active_third_sheet.xls").read_bytes()

    assert xls_details(b"PK\x03\x04 not an ole file").active is None
    assert xls_details(whole[:1500]).active is None
    assert "geen geldig .xls-bestand" in refused(whole[:1500], "kapot.xls")
    with pytest.raises(ValueError):
        _chain([1, 0], 0, 10)  # a sector chain that loops


# .ods: repeat counts


def repeated_row(cells: str, times: int) -> str:
    return f'<table:table-row table:number-rows-repeated="{times}">{cells}</table:table-row>'


def text_cell(value: str, columns: int = 1) -> str:
    return (
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def refused_with_peak(data: bytes, name: str) -> tuple[str, int]:
    """The refusal's message and the Python memory (bytes) the refusal took at its peak."""
    tracemalloc.start()
    try:
        return refused(data, name), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("rows", "times"), [(400, 199_999), (40, 199_999), (3, 90_000)])
def test_ods_rows_repeated_past_the_limit_are_refused_before_they_are_expanded(rows, times):
    tail = "".join(repeated_row(text_cell("x"), times) for _ in range(rows))

    message, peak = refused_with_peak(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "lijst.ods")

    assert "meer dan 200.000 gevulde rijen" in message
    assert peak < 8 * 2**20, "counted, not expanded (200 000 rows of one cell would take some 20 MB)"


def test_ods_repeated_rows_within_the_limit_are_each_read(settings):
    settings.IMPORT_MAX_ROWS = 50
    tail = repeated_row(text_cell("Bo Ek") + text_cell("bo@var.example"), 40)

    result = do(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "lijst.ods")

    assert result.row_count == 41 and emails() == {"ans@var.example", "bo@var.example"}
    with pytest.raises(ImportFileError):
        do(ods([table("Lijst", [HEADER, ANS], tail=tail + tail)]), "lijst.ods")


@pytest.mark.parametrize("above", [1, 30])
def test_ods_column_filled_down_to_the_bottom_says_what_to_do(above):
    rows = [[*HEADER, "Netwerk"]] + [[f"P{n} Kok", f"p{n}@var.example", "x"] for n in range(above)]
    filled = repeated_row('<table:table-cell table:number-columns-repeated="2"/>' + text_cell("x"), 1_048_575 - above)

    message = refused(ods([table("Lijst", rows, tail=filled)]), "lijst.ods")

    assert f"kolom doorgevuld tot onderaan het werkblad: rij {above + 2} staat er" in message
    assert "Verwijder de rijen onder de lijst" in message and "opnieuw op" in message


def test_ods_value_repeated_across_all_columns_and_many_rows_is_refused_quickly():
    tail = repeated_row(text_cell("x", 16_384), 199_000)

    message, peak = refused_with_peak(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "lijst.ods")

    assert "herhaalde gevulde cellen" in message
    assert peak < 8 * 2**20, "counted, not expanded"


def test_ods_value_filled_to_the_right_edge_on_a_few_rows_is_read():
    rows = (
        f"<table:table-row>{text_cell('Bo Ek')}{text_cell('bo@var.example')}{text_cell('-', 16_382)}</table:table-row>"
    )

    result = do(ods([table("Lijst", [HEADER, ANS], tail=rows * 3)]), "lijst.ods")

    assert emails() == {"ans@var.example", "bo@var.example"} and result.row_count == 4


@pytest.mark.parametrize("columns", ["16385", "1000000000", "0", "-3", "veel"])
def test_ods_value_beyond_the_last_column_or_a_bad_count_is_a_damaged_file(columns):
    cell = f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p>'
    tail = f"<table:table-row>{cell}</table:table-cell></table:table-row>"

    assert "beschadigd of geen geldig .ods-bestand" in refused(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "a.ods")


def test_ods_empty_cells_and_rows_with_absurd_repeat_counts_cost_nothing():
    tail = repeated_row('<table:table-cell table:number-columns-repeated="2000000000"/>', 2_000_000_000)

    result = do(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "lijst.ods")

    assert result.row_count == 1


def test_ods_cell_of_a_billion_spaces_is_refused_as_too_long():
    tail = '<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="1000000000"/>'
    tail += "</text:p></table:table-cell></table:table-row>"

    assert "32.767" in refused(ods([table("Lijst", [HEADER, ANS], tail=tail)]), "lijst.ods")


# .xlsx: references, shared strings, far-right cells


OUTSIDE = ["XFE3", "ZZZZZZZ3", "A1048577", "A0", "3A", "A", "AAAA3", "a$3"]


@pytest.mark.parametrize(
    "row",
    [f'<row r="3"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>' for ref in OUTSIDE]
    + [f'<row r="{number}"><c><v>1</v></c></row>' for number in ("1048577", "0", "-2", "3.5")],
)
def test_xlsx_reference_outside_the_sheet_is_a_damaged_file(row):
    data = xlsx([("Lijst", rows_xml([HEADER, ANS]) + row)])

    assert "beschadigd of geen geldig .xlsx-bestand" in refused(data, "lijst.xlsx")


def test_xlsx_cells_in_the_last_column_and_row_are_read():
    data = xlsx([("Lijst", rows_xml([HEADER, [*ANS, *[None] * 16_381, "x"]]) + rows_xml([["Bo Ek"]], 1_048_576))])

    result = do(data, "lijst.xlsx")

    assert result.exit_code == 0 and emails() == {"ans@var.example"}


@pytest.mark.parametrize("index", ["-1", "-3", "3", "1000000000"])
def test_xlsx_shared_string_index_out_of_range_is_a_damaged_file(index):
    data = simple(
        [HEADER, [("s", "0"), ("s", "1")], [("s", index), "bo@var.example"]], shared=["Ans Kok", "a@b.nl", "x"]
    )

    assert "beschadigd of geen geldig .xlsx-bestand" in refused(data, "lijst.xlsx")


def cells_looked_at(data: bytes, monkeypatch) -> tuple[int, int]:
    """(rows read, cells `skipped_row_reason` looked at) for a whole list: work per row, not wall-clock time."""
    looked_at = []
    real = sheets._filled
    monkeypatch.setattr(sheets, "_filled", lambda cell: looked_at.append(cell) or real(cell))
    book = open_book(data, "lijst.xlsx")
    found = find_list(book, "lijst.xlsx")
    count = 0
    for _, cells in found.rows:
        count += 1
        assert skipped_row_reason(cells, found.cmap) is None
    return count, len(looked_at)


@pytest.mark.parametrize("column", [16_383, 5_000])
def test_xlsx_rows_with_a_far_right_cell_cost_what_their_filled_cells_cost(column, monkeypatch):
    people = [[f"P{n} Kok", f"p{n}@var.example", "Lid"] for n in range(3000)]
    plain = rows_xml([[*HEADER, "Rol"], *people])
    rows = plain.split("</row>")[:-1]
    marker = f'<c r="{column_letters(column)}{{}}"><v>1</v></c></row>'
    marked = rows[0] + "</row>" + "".join(row + marker.format(n) for n, row in enumerate(rows[1:], start=2))

    assert cells_looked_at(xlsx([("Lijst", plain)]), monkeypatch) == (3000, 3 * 3000)
    assert cells_looked_at(xlsx([("Lijst", marked)]), monkeypatch) == (3000, 4 * 3000), "not the row's width"


# Numbers shown in scientific notation

STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode="0.000E+00"/>'
    '<numFmt numFmtId="165" formatCode="&quot;E+&quot;0"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy"/></numFmts>'
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="11"/><xf numFmtId="48"/><xf numFmtId="164"/><xf numFmtId="165"/>'
    '<xf numFmtId="166"/></cellXfs></styleSheet>'
)


def test_xlsx_number_shown_in_scientific_notation_is_the_text_shown_and_a_phone_row_error():
    rows = [["Naam", "E-mail", "Telefoon", "Startdatum"]]
    cells = [(1, 612346000), (2, 610000000), (3, 612300000), (4, 612345678), (1, 612345678), (0, 612346000)]
    for n, (style, phone) in enumerate(cells, start=2):
        rows.append(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P{n} Kok</t></is></c><c r="B{n}" t="inlineStr">'
                    f'<is><t>p{n}@var.example</t></is></c><c r="C{n}" s="{style}"><v>{phone}</v></c>'
                    f'<c r="D{n}" s="5"><v>44256</v></c></row>')  # fmt: skip
    data = xlsx([("Lijst", rows_xml(rows[:1]) + "".join(rows[1:]))], members={"xl/styles.xml": STYLES})

    result = do(data, "lijst.xlsx", skip_invalid=True, network=hackshield())

    assert [(e["row"], e["value"]) for e in result.errors] == [(2, "6,12E+08"), (3, "610,0E+6"), (4, "6,123E+08")]
    phones = dict(Contact.objects.values_list("email", "phone"))
    assert phones == {"p5@var.example": "06 12345678", "p6@var.example": "06 12345678", "p7@var.example": "06 12346000"}
    assert {str(m.start_date) for m in Contact.objects.get(email="p5@var.example").memberships.all()} == {"2021-03-01"}


SCIENTIFIC_STYLES = (
    '<office:automatic-styles><number:number-style style:name="N81"><number:scientific-number '
    'number:decimal-places="2" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>'
    '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N81"/></office:automatic-styles>'
)


def number_cell(value, style: str = "") -> str:
    styled = f' table:style-name="{style}"' if style else ""
    cell = f'<table:table-cell{styled} office:value-type="float" office:value="{value}">'
    return f"{cell}<text:p>x</text:p></table:table-cell>"


def scientific_ods(rows: str, columns: str = "") -> bytes:
    content = ods([table("Lijst", [["Naam", "E-mail", "Telefoon"]], tail=rows)])
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        xml = source.read("content.xml").decode()
    xml = xml.replace(f"{NS}>", f'{NS} xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0">', 1)
    xml = xml.replace("<office:body>", SCIENTIFIC_STYLES + "<office:body>").replace(
        'style-name="ta1">', f'style-name="ta1">{columns}'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", xml)
    return buffer.getvalue()


def test_ods_number_shown_in_scientific_notation_by_its_own_or_its_columns_style():
    def row(n, phone, style=""):
        cells = text_cell(f"P{n} Kok") + text_cell(f"p{n}@var.example") + number_cell(phone, style)
        return f"<table:table-row>{cells}</table:table-row>"

    columns = '<table:table-column table:number-columns-repeated="2"/>'
    columns += '<table:table-column table:default-cell-style-name="ce1"/>'
    rows = row(2, 612346000, "ce1") + row(3, 612345678, "ce1") + row(4, 612346000, "Default") + row(5, 612300000)

    result = do(scientific_ods(rows, columns), "lijst.ods", skip_invalid=True)

    assert [(e["row"], e["value"]) for e in result.errors] == [(2, "6,12E+08"), (5, "6,12E+08")]
    assert dict(Contact.objects.values_list("email", "phone")) == {
        "p3@var.example": "06 12345678",
        "p4@var.example": "06 12346000",
    }


@pytest.mark.parametrize(
    ("code", "value", "text"),
    [("0.00E+00", 612346000, "6,12E+08"), ("0.00E+00", 0.000123, "1,23E-04"), ("##0.0E+0", 6.1e8, "610,0E+6"),
     ("0E+00", 9.6e8, "1E+09"), ("0.0E-00", 1.5e10, "1,5E10"), ("[Red]0.0E+00;-0.0E+00", -2.5e3, "-2,5E+03"),
     ("0.00E+00", 0, "0,00E+00")],
)  # fmt: skip
def test_scientific_text_is_what_a_dutch_spreadsheet_shows(code, value, text):
    assert scientific_text(value, scientific_format(code)) == text


@pytest.mark.parametrize("code", ["0.00", "General", "dd-mm-yyyy", '"E+"0', "#,##0", '0" E-mail"'])
def test_formats_without_scientific_notation_are_not_read_as_it(code):
    assert scientific_format(code) is None


@pytest.mark.parametrize(("value", "kept"), [(612346000, False), (612345678, True), (31612345678, True), (1.5, False)])
def test_a_scientific_cell_stays_a_number_only_when_it_holds_more_digits_than_such_a_text(value, kept):
    assert (scientific_cell(value, scientific_format("0.00E+00")) == value) is kept
