"""The .ods reader: what LibreOffice writes for the empty rest of a sheet costs nothing; hidden and active
sheets as LibreOffice saves them; formulas without a stored value are row errors."""

import io
import time
import zipfile
from xml.sax.saxutils import escape

import pytest

from network.importing import ImportFileError, ImportOptions, run_import
from network.models import Contact

pytestmark = pytest.mark.django_db

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)
HIDDEN_STYLE = (
    '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
    '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
)


def cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple):  # ("f", formula) without a stored value
        return f'<table:table-cell table:formula="of:={escape(value[1])}"/>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def table(name: str, rows: list, tail: str = "", hidden: bool = False) -> str:
    body = "".join(f"<table:table-row>{''.join(cell(v) for v in row)}</table:table-row>" for row in rows)
    style = "ta2" if hidden else "ta1"
    return f'<table:table table:name="{name}" table:style-name="{style}">{body}{tail}</table:table>'


def ods(tables: list[str], active: str | None = None) -> bytes:
    content = (
        f'<?xml version="1.0"?><office:document-content {NS}>{HIDDEN_STYLE}<office:body><office:spreadsheet>'
        f"{''.join(tables)}</office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        if active:
            archive.writestr(
                "settings.xml",
                f'<office:document-settings {NS}><config:config-item config:name="ActiveTable" config:type="string">'
                f"{active}</config:config-item></office:document-settings>",
            )
    return buffer.getvalue()


LIST = [["Naam", "E-mail"], ["Ans Kok", "ans@var.example"], ["Bo Ek", "bo@var.example"]]
# What LibreOffice writes after a stray space in the sheet's very last cell.
FAR_CORNER = (
    '<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/>'
    '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
    '<table:table-cell office:value-type="string"><text:p><text:s/></text:p></table:table-cell></table:table-row>'
)


def do(data: bytes, **options):
    return run_import(actor=None, file=data, file_name="lijst.ods", options=ImportOptions(**options))


def test_a_stray_space_in_the_last_cell_costs_nothing():
    started = time.perf_counter()

    result = do(ods([table("Lijst", LIST, tail=FAR_CORNER)]))

    assert time.perf_counter() - started < 1
    assert (result.exit_code, result.row_count) == (0, 2)
    assert {c.full_name for c in Contact.objects.all()} == {"Ans Kok", "Bo Ek"}


def test_the_active_sheet_is_read_and_hidden_sheets_never():
    data = ods([table("Keuzes", LIST[:2], hidden=True), table("Uitleg", [["Lees dit"]]), table("Lijst", LIST)], "Lijst")

    do(data)

    assert Contact.objects.count() == 2
    with pytest.raises(ImportFileError) as message:
        do(ods([table("Keuzes", LIST, hidden=True), table("Uitleg", [["x"]])]))
    assert "(verborgen, niet gelezen: 'Keuzes')" in str(message.value)


def test_a_formula_without_a_stored_value_is_a_row_error_naming_the_cell():
    result = do(ods([table("Lijst", [["Naam", "E-mail"], ["Ans Kok", ("f", "LOWER(A2)")]])]))

    assert [(e["row"], e["message"][:17]) for e in result.errors] == [(2, "Cel B2 bevat een ")]
    assert not Contact.objects.exists()


def test_a_non_empty_row_repeated_past_the_row_limit_is_refused(settings):
    settings.IMPORT_MAX_ROWS = 100
    repeated = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string">'
        "<text:p>Ans Kok</text:p></table:table-cell></table:table-row>"
    )

    with pytest.raises(ImportFileError):
        do(ods([table("Lijst", LIST[:1], tail=repeated)]))
