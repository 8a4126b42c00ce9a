"""Hand-built .xlsx files for the reader tests: exactly the XML a test needs (hostile parts included).

xlsx([("Lijst", rows_xml([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]))])
"""

import io
import zipfile
from xml.sax.saxutils import escape

from network.importing.readers import column_letters

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
# cellXfs: style 0 is General, style 1 a date (number format 14).
STYLES = f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'


def cell_xml(ref: str, value) -> str:
    """One cell: text inline, numbers as numbers, ("f", formula, cached or None) as a formula."""
    if value is None:
        return ""
    if isinstance(value, tuple) and value[0] == "f":
        cached = "<v/>" if value[2] is None else f"<v>{escape(str(value[2]))}</v>"
        kind = ' t="str"' if isinstance(value[2], str) else ""
        return f'<c r="{ref}"{kind}><f>{escape(value[1])}</f>{cached}</c>'
    if isinstance(value, tuple) and value[0] == "s":
        return f'<c r="{ref}" t="s"><v>{value[1]}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def rows_xml(rows: list[list], first_row: int = 1) -> str:
    """sheetData content for rows starting at `first_row`; a row given as (number, cells) sits at that number."""
    parts = []
    number = first_row - 1
    for row in rows:
        number, cells = row if isinstance(row, tuple) else (number + 1, row)
        inner = "".join(cell_xml(f"{column_letters(i)}{number}", value) for i, value in enumerate(cells))
        parts.append(f'<row r="{number}">{inner}</row>')
    return "".join(parts)


def sheet_xml(data: str, dimension: str = "A1", tail: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{data}</sheetData>{tail}</worksheet>"
    )


def xlsx(sheets: list[tuple], active: int = 0, shared: list[str] | None = None, members: dict | None = None) -> bytes:
    """A workbook of `sheets`: (name, sheetData content[, state]) each; `members` replaces or adds parts."""
    sheet_tags, rels, parts = [], [], {}
    for index, sheet in enumerate(sheets, start=1):
        name, data, state = (*sheet, "visible")[:3]
        sheet_tags.append(f'<sheet name="{escape(name)}" sheetId="{index}" state="{state}" r:id="rId{index}"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{RELS}/worksheet" Target="worksheets/sheet{index}.xml"/>')
        parts[f"xl/worksheets/sheet{index}.xml"] = data if data.startswith("<?xml") else sheet_xml(data)
    rels.append(f'<Relationship Id="rIdS" Type="{RELS}/styles" Target="styles.xml"/>')
    if shared is not None:
        rels.append(f'<Relationship Id="rIdT" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>')
        items = "".join(f"<si><t>{escape(text)}</t></si>" for text in shared)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{items}</sst>'
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView activeTab="{active}"/></bookViews>'
        f"<sheets>{''.join(sheet_tags)}</sheets></workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    parts["xl/styles.xml"] = STYLES
    parts.update(members or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def simple(rows: list[list], **kwargs) -> bytes:
    """One visible sheet "Lijst" holding `rows` from row 1."""
    return xlsx([("Lijst", rows_xml(rows))], **kwargs)
