"""What python-calamine does not tell about an .xls (BIFF8) file: the sheet Excel opens on and which number
cells are shown in scientific notation. Read straight from the file's 'Workbook' stream.

An .xls is an OLE2 compound file (MS-CFB): fixed-size sectors chained through a FAT, small streams in a
mini stream chained through a mini FAT. The Workbook stream is a run of BIFF records (MS-XLS): the
globals (BoundSheet8 per sheet, Window1 with the active tab, Format and XF for number formats) and then
one substream per sheet with its cells. Only those records are read; every chain is bounded by the
file's own size, and anything this module cannot follow leaves calamine's answer as it is (calamine
decides whether the file can be read at all).
"""

import struct
from dataclasses import dataclass, field

from .book import BUILTIN_SCIENTIFIC, ScientificFormat, scientific_format

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
# Record types (MS-XLS 2.3).
BOF, EOF, BOUNDSHEET, WINDOW1, FORMAT, XF, FILEPASS = 0x0809, 0x000A, 0x0085, 0x003D, 0x041E, 0x00E0, 0x002F
NUMBER, RK, MULRK, FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006


@dataclass
class XlsDetails:
    """`sheets`: every sheet's name in workbook order (chart and macro sheets too), `active`: the index in it of
    the tab Excel opens on (None: unknown), `scientific`: per sheet name, {(row, column): format} (0-based)
    of the number cells shown in scientific notation."""

    sheets: list[str] = field(default_factory=list)
    active: int | None = None
    scientific: dict[str, dict[tuple[int, int], ScientificFormat]] = field(default_factory=dict)


def xls_details(data: bytes) -> XlsDetails:
    """The details of an .xls file's bytes; an empty XlsDetails when the file is not one this module can follow."""
    try:
        stream = _workbook_stream(data)
        return _read_biff(stream) if stream else XlsDetails()
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return XlsDetails()


def _chain(table: list[int], start: int, limit: int) -> list[int]:
    """The sector numbers of a chain from `start`; ValueError for a loop or a chain leaving the table."""
    chain = []
    sector = start
    while sector != _END:
        if sector >= len(table) or len(chain) > limit:
            raise ValueError("broken sector chain")
        chain.append(sector)
        sector = table[sector]
    return chain


def _workbook_stream(data: bytes) -> bytes | None:
    """The compound file's 'Workbook' (or BIFF5 'Book') stream, None when there is none."""
    if not data.startswith(OLE_MAGIC) or len(data) < 512:
        return None
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise ValueError("sector size")
    size = 1 << shift
    count = (len(data) - 512) // size + 1  # every chain is shorter than the file's sectors

    def sector(number: int) -> bytes:
        offset = (number + 1) << shift
        if offset + size > len(data):
            raise ValueError("sector past the end")
        return data[offset : offset + size]

    _, dir_start, _, cutoff, minifat_start, minifat_count, dif_start, dif_count = struct.unpack_from(
        "<IIIIIIII", data, 0x2C
    )
    fat_sectors = [number for number in struct.unpack_from("<109I", data, 0x4C) if number not in (_FREE, _END)]
    dif = dif_start
    for _ in range(min(dif_count, count)):
        if dif in (_FREE, _END):
            break
        entries = struct.unpack(f"<{size // 4}I", sector(dif))
        fat_sectors += [number for number in entries[:-1] if number not in (_FREE, _END)]
        dif = entries[-1]
    if len(fat_sectors) > count:
        raise ValueError("FAT larger than the file")
    fat = list(struct.unpack(f"<{len(fat_sectors) * size // 4}I", b"".join(sector(n) for n in fat_sectors)))

    def read(start: int, length: int, table: list[int], unit: int, fetch) -> bytes:
        return b"".join(fetch(n) for n in _chain(table, start, count * (size // unit)))[:length]

    directory = read(dir_start, count * size, fat, size, sector)
    entries = {}
    for offset in range(0, len(directory) - 127, 128):
        name_size, kind = struct.unpack_from("<HB", directory, offset + 64)
        name = directory[offset : offset + min(name_size, 64)].decode("utf-16-le", "replace").rstrip("\x00")
        start, length = struct.unpack_from("<II", directory, offset + 116)
        entries.setdefault((name, kind), (start, length))
    found = entries.get(("Workbook", 2)) or entries.get(("Book", 2))
    if found is None:
        return None
    start, length = found
    if length > len(data):
        raise ValueError("stream larger than the file")
    if length >= cutoff:
        return read(start, length, fat, size, sector)
    root_start, root_length = entries[("Root Entry", 5)]
    mini_stream = read(root_start, root_length, fat, size, sector)
    minifat = read(minifat_start, minifat_count * size, fat, size, sector)
    mini_table = list(struct.unpack(f"<{len(minifat) // 4}I", minifat))

    def mini_sector(number: int) -> bytes:
        if (number + 1) * 64 > len(mini_stream):
            raise ValueError("mini sector past the end")
        return mini_stream[number * 64 : number * 64 + 64]

    return read(start, length, mini_table, 64, mini_sector)


def _records(stream: bytes, offset: int):
    """(type, data) of the records from `offset` to the end of that substream (its EOF, nested ones skipped)."""
    depth = 0
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4 : offset + 4 + length]
        offset += 4 + length
        if kind == BOF:
            depth += 1
        elif kind == EOF:
            depth -= 1
            if depth <= 0:
                return
        yield kind, body


def _text(body: bytes, offset: int, count: int) -> str:
    """An XLUnicodeString's characters from its flags byte at `offset` (MS-XLS 2.5.294)."""
    if body[offset] & 1:
        return body[offset + 1 : offset + 1 + 2 * count].decode("utf-16-le")
    return body[offset + 1 : offset + 1 + count].decode("latin-1")


def _read_biff(stream: bytes) -> XlsDetails:
    details = XlsDetails()
    positions: list[int] = []
    formats: dict[int, str] = dict(BUILTIN_SCIENTIFIC)
    xf_formats: list[int] = []
    for kind, body in _records(stream, 0):
        if kind == FILEPASS:  # encrypted: nothing below can be read
            return XlsDetails()
        if kind == BOUNDSHEET:
            positions.append(struct.unpack_from("<I", body)[0])
            details.sheets.append(_text(body, 7, body[6]))
        elif kind == WINDOW1 and details.active is None:
            details.active = struct.unpack_from("<H", body, 10)[0]
        elif kind == FORMAT:
            number, count = struct.unpack_from("<HH", body)
            formats[number] = _text(body, 4, count)
        elif kind == XF:
            xf_formats.append(struct.unpack_from("<H", body, 2)[0])
    scientific = {}
    for index, number in enumerate(xf_formats):
        found = scientific_format(formats.get(number, ""))
        if found is not None:
            scientific[index] = found
    if scientific:
        for name, position in zip(details.sheets, positions, strict=True):
            details.scientific[name] = _scientific_cells(stream, position, scientific)
    return details


def _scientific_cells(stream: bytes, position: int, scientific: dict[int, ScientificFormat]) -> dict:
    """{(row, column): format} of the sheet's number cells whose XF shows scientific notation."""
    cells = {}
    for kind, body in _records(stream, position):
        if kind in (NUMBER, RK):
            row, column, xf = struct.unpack_from("<HHH", body)
            if xf in scientific:
                cells[row, column] = scientific[xf]
        elif kind == FORMULA:
            row, column, xf = struct.unpack_from("<HHH", body)
            if xf in scientific and body[12:14] != b"\xff\xff":  # a number as the formula's stored value
                cells[row, column] = scientific[xf]
        elif kind == MULRK:
            row, first = struct.unpack_from("<HH", body)
            for step in range((len(body) - 6) // 6):
                xf = struct.unpack_from("<H", body, 4 + 6 * step)[0]
                if xf in scientific:
                    cells[row, first + step] = scientific[xf]
    return cells
