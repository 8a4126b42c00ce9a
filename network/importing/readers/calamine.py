"""Reading .xls through python-calamine, which never evaluates formulas; biff.py adds what calamine does
not tell: the sheet Excel opens on and the number cells shown in scientific notation.

calamine builds each sheet as a dense grid; its cell limit turns a sheet stretched by a far-away
cell into a clean refusal instead of an abort. A BIFF8 sheet has at most 256 columns.
"""

import io
from collections.abc import Iterator

import python_calamine

from ..errors import ImportFileError
from .biff import xls_details
from .book import Book, Row, SheetInfo, is_blank, scientific_cell
from .limits import CellGuard, column_letters


class CalamineBook(Book):
    def __init__(self, data: bytes, file_name: str, ext: str, guard: CellGuard):
        self.file_name = file_name
        self.ext = ext
        self.guard = guard
        try:
            self.workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            metadata = self.workbook.sheets_metadata
        except python_calamine.PasswordError as exc:
            raise ImportFileError(
                f"{file_name} is beveiligd met een wachtwoord; sla het op zonder wachtwoord."
            ) from exc
        except Exception as exc:  # calamine raises several unrelated types for a corrupt file
            raise self.broken() from exc
        self.sheets = [
            SheetInfo(name=sheet.name, visible=sheet.visible == python_calamine.SheetVisibleEnum.Visible)
            for sheet in metadata
            if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        details = xls_details(data)
        self.scientific = details.scientific
        if details.active is not None and details.active < len(details.sheets):
            # Window1's active tab counts every sheet (chart sheets too); a chart opens on the first worksheet.
            names = [sheet.name for sheet in self.sheets]
            active = details.sheets[details.active]
            self.active = names.index(active) if active in names else 0

    def broken(self) -> ImportFileError:
        return ImportFileError(f"{self.file_name} kan niet worden gelezen: het is geen geldig {self.ext}-bestand.")

    def rows(self, name: str) -> Iterator[tuple[int, list]]:
        try:
            worksheet = self.workbook.get_sheet_by_name(name)
        except python_calamine.CalamineError as exc:
            raise ImportFileError(
                f"{self.file_name}: het werkblad '{name}' is te groot of beschadigd en wordt niet gelezen."
            ) from exc
        except Exception as exc:  # calamine raises several unrelated types for a corrupt sheet
            raise self.broken() from exc
        first_row, first_column = worksheet.start or (0, 0)
        self.row_hint = first_row + worksheet.height
        scientific = self.scientific.get(name, {})
        for offset, cells in enumerate(worksheet.iter_rows()):
            number = first_row + offset + 1
            row = Row([None] * first_column + list(cells))
            filled = []
            for index in range(first_column, len(row)):
                value = row[index]
                if isinstance(value, str):
                    row[index] = value = self.guard.text(value, f"cel {column_letters(index)}{number}")
                elif isinstance(value, int | float) and not isinstance(value, bool) and scientific:
                    # "6,12E+08" when the digits behind it may be lost (a row error for a phone, IMPORT.md).
                    row[index] = value = scientific_cell(value, scientific.get((number - 1, index)))
                if not is_blank(value):
                    filled.append(index)
            if filled:
                del row[filled[-1] + 1 :]
                row.filled = filled
                yield number, row
