"""The bounds every reader keeps, so that a file costs memory and time in proportion to its data.

One `CellGuard` per file counts the characters handed out (a shared string referenced a million times
counts a million times), refuses a cell longer than Excel allows and a NUL character (PostgreSQL
refuses it in text). `clip` is the one way a value is quoted in an error or a warning.
"""

from django.conf import settings

from ..errors import ImportFileError

# Excel's own limit for one cell; a longer cell was not typed into a spreadsheet.
MAX_CELL_CHARS = 32_767
# Filled cells a file stores once with a repeat count (.ods) and the reader hands out again: at most this many
# per file (a list of 200 000 rows of 25 filled columns), so a tiny file cannot cost hours of work.
MAX_REPEATED_CELLS = 5_000_000
# Quoted values in errors and warnings: at most this many characters, so an answer never grows with a cell.
CLIP_CHARS = 60


def clip(value, limit: int = CLIP_CHARS) -> str:
    """`value` as text for a message: at most `limit` characters, a cut one ending in "…"."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def max_total_chars() -> int:
    """All cells of a file together: at most this many characters (IMPORT_MAX_CHARS)."""
    return settings.IMPORT_MAX_CHARS


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as the spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class CellGuard:
    """Counts and checks every text cell a reader hands out; raises ImportFileError past a bound."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.limit = max_total_chars()
        self.total = 0
        self.repeated_cells = 0

    def count(self, chars: int) -> None:
        """Count `chars` more characters handed out (a text handed out again: a repeated cell or row)."""
        self.total += chars
        if self.total > self.limit:
            raise ImportFileError(
                f"{self.file_name} bevat meer dan {self.limit:,} tekens aan celinhoud; dat past niet bij een "
                "contactlijst en het bestand wordt niet geopend.".replace(",", ".")
            )

    def repeats(self, cells: int) -> None:
        """Count `cells` filled cells that a file stores once with a repeat count (.ods) but that are handed
        out one by one; past MAX_REPEATED_CELLS the file is refused (work follows the cells handed out)."""
        self.repeated_cells += cells
        if self.repeated_cells > MAX_REPEATED_CELLS:
            raise ImportFileError(
                f"{self.file_name} bevat meer dan {MAX_REPEATED_CELLS:,} herhaalde gevulde cellen (een waarde die "
                "over veel rijen of kolommen is doorgevuld); dat past niet bij een contactlijst. Verwijder de "
                "doorgevulde rijen en kolommen naast en onder de lijst en sla het bestand opnieuw op.".replace(",", ".")
            )

    def text(self, value: str, where: str, ref: str = "") -> str:
        """`value` unchanged once checked; `where` + `ref` name the cell ("cel " + "D5", "regel 7") for a
        message (joined only then: this runs for every cell)."""
        size = len(value)
        self.count(size)
        if size > MAX_CELL_CHARS:
            raise ImportFileError(
                f"{self.file_name}: {where}{ref} bevat {size:,} tekens (een spreadsheet staat er hoogstens "
                f"{MAX_CELL_CHARS:,} toe); het bestand wordt niet geopend.".replace(",", ".")
            )
        if "\x00" in value:
            raise ImportFileError(
                f"{self.file_name}: {where}{ref} bevat een NUL-teken (een onzichtbaar controleteken); sla de lijst "
                "opnieuw op vanuit Excel of LibreOffice en probeer het nog eens."
            )
        return value
