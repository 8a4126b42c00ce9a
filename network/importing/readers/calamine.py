"""Reading .xls and .ods through python-calamine, which never evaluates formulas.

calamine builds each sheet as a dense grid; its cell limit turns a sheet stretched by a far-away
cell into a clean refusal instead of an abort.
"""

import io
from collections.abc import Iterator

import python_calamine

from ..errors import ImportFileError
from .book import Book, SheetInfo, trim
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
        for offset, cells in enumerate(worksheet.iter_rows()):
            number = first_row + offset + 1
            cells = trim([None] * first_column + list(cells))
            for index, value in enumerate(cells):
                if isinstance(value, str):
                    cells[index] = self.guard.text(value, f"cel {column_letters(index)}{number}")
            if cells:
                yield number, cells
