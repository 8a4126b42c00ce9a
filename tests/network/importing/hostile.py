"""Hostile and broken files built in memory, each with a (part of) the Dutch sentence it is refused with."""

import io
import struct
import zipfile

from tests.helpers import csv_bytes
from tests.network.importing.xlsx_files import rows_xml, sheet_xml, simple, xlsx

HEADER = ["Naam", "E-mail", "Opmerkingen"]
PERSON = ["Ans Kok", "ans@var.example", "nieuw"]


def _patch_sizes(data: bytes, member: str, size: int) -> bytes:
    """The zip with `member`'s uncompressed size rewritten in its local and central headers (a lying zip)."""
    buffer = bytearray(data)
    name = member.encode()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", buffer, info.header_offset + 22, size)
    central = 0
    while True:
        central = buffer.index(b"PK\x01\x02", central)
        name_length = struct.unpack_from("<H", buffer, central + 28)[0]
        if bytes(buffer[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", buffer, central + 24, size)
            return bytes(buffer)
        central += 46


def zip_lying_small() -> bytes:
    """The sheet's headers claim 2 KB; it unpacks to megabytes of rows."""
    rows = rows_xml([HEADER] + [PERSON] * 2) + "".join(f'<row r="{n}"/>' for n in range(4, 400_000))
    return _patch_sizes(xlsx([("Lijst", rows)]), "xl/worksheets/sheet1.xml", 2048)


def zip_lying_big() -> bytes:
    """The sheet's headers claim 4 GB."""
    return _patch_sizes(simple([HEADER, PERSON]), "xl/worksheets/sheet1.xml", 0xFFFFFFF0)


def shared_string_bomb() -> bytes:
    """One shared string of 32 000 characters, referenced by 20 000 cells (640 million characters)."""
    rows = [HEADER] + [["Ans Kok", "ans@var.example", ("s", 0)]] * 20_000
    return xlsx([("Lijst", rows_xml(rows))], shared=["x" * 32_000])


def broken_sheet_xml() -> bytes:
    cut = sheet_xml(rows_xml([HEADER, PERSON]))[:-60]
    return xlsx([("Lijst", cut)])


def entity_expansion() -> bytes:
    """The billion laughs in a sheet: a DTD, which OOXML never has."""
    laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    data = f'<?xml version="1.0"?>{laughs}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'  # noqa: E501
    return xlsx([("Lijst", data)])


def xlsx_nul_cell() -> bytes:
    """Excel writes control characters as _xHHHH_; a NUL would be refused by PostgreSQL."""
    return simple([HEADER, ["Ans_x0000_Kok", "ans@var.example", "nieuw"]])


def xlsx_giant_cell() -> bytes:
    return simple([HEADER, ["Ans Kok", "ans@var.example", "x" * 40_000]])


def csv_giant_field() -> bytes:
    return csv_bytes([HEADER]) + b"Ans Kok;ans@var.example;" + b"x" * (10 * 1024 * 1024) + b"\r\n"


def csv_long_field() -> bytes:
    return csv_bytes([HEADER, ["Ans Kok", "ans@var.example", "x" * 40_000]])


def csv_nul_byte() -> bytes:
    return csv_bytes([HEADER]) + b"Ans\x00Kok;ans@var.example;nieuw\r\n"


def utf16_nul() -> bytes:
    return "Naam;E-mail\r\nAns\x00Kok;ans@var.example\r\n".encode("utf-16")


# (file name, bytes builder, part of the refusal) — every one exit 2, HTTP 422, a message on the page.
HOSTILE = [
    ("gelogen.xlsx", zip_lying_small, "beschadigd"),
    ("gelogen-groot.xlsx", zip_lying_big, "buiten verhouding"),
    ("bom.xlsx", shared_string_bomb, "tekens aan celinhoud"),
    ("kapot.xlsx", broken_sheet_xml, "beschadigd"),
    ("lachen.xlsx", entity_expansion, "beschadigd"),
    ("nul.xlsx", xlsx_nul_cell, "NUL-teken"),
    ("reuzencel.xlsx", xlsx_giant_cell, "cel C2 bevat 40.000 tekens"),
    ("reuzenveld.csv", csv_giant_field, "regel 2 kan niet worden gelezen"),
    ("lang.csv", csv_long_field, "regel 2 bevat 40.000 tekens"),
    ("nul.csv", csv_nul_byte, "regel 2 bevat een NUL-teken"),
    ("nul16.csv", utf16_nul, "NUL-teken"),
    ("alleenkop.xlsx", lambda: simple([HEADER]), "geen rijen"),
    ("alleenkop.csv", lambda: csv_bytes([HEADER]), "geen rijen"),
]
