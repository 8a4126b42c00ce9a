"""Text as it reaches the registry: mojibake refused, control characters dropped, CSV lines ended right.

Mojibake: a UTF-8 list with a row in a code page added, and "double" UTF-8 (a UTF-8 list that Excel opened
as ANSI and saved again) are refused with the Dutch character-set sentence, never stored. Control
characters: the ones that are no whitespace are dropped, the whitespace ones become one space. Lines: only
CR LF, CR and LF end a CSV line (a vertical tab, form feed or U+2028 in a cell is text).
"""

import itertools
import unicodedata

import pytest

from network.importing import ImportFileError, ImportOptions, run_import
from network.importing.readers.limits import CellGuard
from network.importing.readers.text import CsvBook, detect_delimiter, split_lines
from network.models import Contact
from network.text import normalise_text

from .xlsx_files import rows_xml, xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Functie"]
DUTCH = [
    ["José", "", "Müller", "jose@var.example", "Coördinator OOV"],
    ["Zoë", "van ’t", "Hoff", "zoe@var.example", "Beleidsmedewerker"],
    ["Loïs", "", "Çelik", "lois@var.example", "Adviseur"],
    ["Eline", "", "Brouwer", "eline@var.example", "Medewerker"],
]
# Names whose letters a UTF-8 row and a code-page row write differently.
CAPITALS = [["Ümit", "", "Çelik", "umit@var.example", "Adviseur"], ["Özlem", "", "Özdemir", "oz@var.example", "Émile"]]


def csv_bytes(rows, encoding="utf-8", line_end="\r\n", delimiter=";") -> bytes:
    return "".join(delimiter.join(row) + line_end for row in rows).encode(encoding)


def stored() -> set[tuple]:
    return set(Contact.objects.values_list("first_name", "tussenvoegsel", "last_name", "email", "job_title"))


def expected(rows) -> set[tuple]:
    return {(first, tussen.replace("’", "'"), last, email, job) for first, tussen, last, email, job in rows}


def refusal(data: bytes, file_name: str = "lijst.csv") -> str:
    with pytest.raises(ImportFileError) as refused:
        run_import(actor=None, file=data, file_name=file_name, options=ImportOptions())
    assert not Contact.objects.exists()
    return str(refused.value)


@pytest.mark.parametrize("row_encoding", ["cp1252", "mac_roman", "cp850"])
@pytest.mark.parametrize("people", [CAPITALS, DUTCH[:1] + CAPITALS[:1]], ids=["capitals", "mixed-case"])
@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_utf8_list_with_a_row_in_a_code_page_is_refused(row_encoding, people, where):
    """Exported UTF-8 with one row pasted in from a Windows-1252, Mac or DOS file: no reading is right."""
    extra = ["Zoë", "", "Bakker", "zb@var.example", "Adviseur"]
    parts = [csv_bytes([HEADER])] + [csv_bytes([row]) for row in people]
    parts.insert(1 + where, csv_bytes([extra], row_encoding))

    message = refusal(b"".join(parts))

    assert "tekenset" in message and "lijst.csv" in message and "CSV UTF-8" in message


@pytest.mark.parametrize(
    ("read_as", "saved_as"),
    list(itertools.product(["cp1252", "latin-1", "mac_roman", "cp850"], ["utf-8", "utf-8-sig", "utf-16"])),
)
def test_double_encoded_utf8_is_refused_naming_the_line(read_as, saved_as):
    """UTF-8 opened as ANSI (or Mac, DOS) and saved again: "JosÃ©" is valid text, but garbled."""
    rows = [HEADER, DUTCH[3], DUTCH[0]]
    garbled = csv_bytes(rows).decode(read_as)

    message = refusal(garbled.encode(saved_as))

    assert "tekenset" in message and "regel 3" in message and "CSV UTF-8" in message


def test_the_mojibake_refusal_says_what_is_wrong_and_what_to_do():
    data = csv_bytes([HEADER, DUTCH[0]]).decode("cp1252").encode("utf-8")

    assert refusal(data, "leden.csv") == (
        "De tekenset van leden.csv klopt niet: regel 2 bevat verminkte letters (“JosÃ©”), zoals “Ã©” waar “é” "
        "bedoeld is. Open de oorspronkelijke lijst, sla hem op als 'CSV UTF-8' en probeer het opnieuw."
    )


@pytest.mark.parametrize(
    ("encoding", "line_end", "delimiter"),
    [
        ("cp1252", "\r\n", ";"),
        ("mac_roman", "\r", ";"),
        ("utf-16", "\r\n", "\t"),
        ("utf-8", "\n", ","),
        ("utf-8-sig", "\r\n", ";"),
    ],
)
def test_dutch_names_with_diacritics_still_import(encoding, line_end, delimiter):
    data = csv_bytes([HEADER, *DUTCH], encoding, line_end, delimiter)

    result = run_import(actor=None, file=data, file_name="lijst.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert stored() == expected(DUTCH)


def test_a_dos_850_list_still_imports():
    rows = [[cell.replace("’", "'") for cell in row] for row in DUTCH]

    result = run_import(
        actor=None, file=csv_bytes([HEADER, *rows], "cp850"), file_name="dos.csv", options=ImportOptions()
    )

    assert result.exit_code == 0
    assert stored() == expected(rows)


def test_signs_people_type_are_not_taken_for_mojibake():
    """Euro, plus-minus, copyright, a typographic apostrophe and a NEL line break in a note are text."""
    header = ["Voornaam", "Achternaam", "E-mail", "Opmerkingen"]
    rows = [header, ["Renée", "Peña", "rp@var.example", "Budget € 500 ± 10%, © gemeente, ’t Hoen\x85tweede regel"]]

    result = run_import(actor=None, file=csv_bytes(rows), file_name="lijst.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert Contact.objects.get().notes == "Budget € 500 ± 10%, © gemeente, 't Hoen tweede regel"


@pytest.mark.parametrize("char", ["\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a_cell_with_a_character_splitlines_breaks_at_is_one_row(char):
    """A one-row list whose cells hold a line separator that is no CSV line end: read, made a space."""
    rows = [HEADER, [f"Jan{char}Peter", "", f"Smit{char}", "js@var.example", f"Adviseur{char}OOV"]]

    result = run_import(actor=None, file=csv_bytes(rows), file_name="lijst.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert stored() == {("Jan Peter", "", "Smit", "js@var.example", "Adviseur OOV")}


def test_csv_cells_with_control_characters_are_stored_without_them():
    rows = [HEADER, ["Anna\x07", "", "Smit\x1b", "as@var.example", "Advi\x08seur"]]

    result = run_import(actor=None, file=csv_bytes(rows), file_name="lijst.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert stored() == {("Anna", "", "Smit", "as@var.example", "Adviseur")}


def test_xlsx_control_character_escapes_are_dropped_or_made_a_space():
    """Excel writes a control character in a cell as `_x0007_`; FileMaker's line break is a vertical tab."""
    sheet = rows_xml([HEADER, ["Anna_x0007_", "", "Smit_x001B_", "as@var.example", "Beleids_x000B_medewerker"]])

    result = run_import(actor=None, file=xlsx([("Lijst", sheet)]), file_name="lijst.xlsx", options=ImportOptions())

    assert result.exit_code == 0
    assert stored() == {("Anna", "", "Smit", "as@var.example", "Beleids medewerker")}


CONTROLS = [chr(code) for code in itertools.chain(range(0x20), range(0x7F, 0xA0))]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda char: f"U+{ord(char):04X}")
def test_normalise_text_drops_a_control_character_or_makes_whitespace_one_space(char):
    assert unicodedata.category(char) == "Cc"
    assert normalise_text(f" Jan{char}{char}Smit ") == ("Jan Smit" if char.isspace() else "JanSmit")


@pytest.mark.parametrize("char", ["\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u00ad", "\ufeff"])
def test_normalise_text_drops_invisible_direction_marks(char):
    assert normalise_text(f"{char}Zoë{char} Smit") == "Zoë Smit"


def test_normalise_text_leaves_plain_text_alone():
    assert normalise_text("  Gemeente Dordrecht ") == "Gemeente Dordrecht"
    assert normalise_text("Coördinator OOV") == "Coördinator OOV"


def test_a_quoted_cell_with_a_line_break_does_not_cut_the_sample():
    text = (
        'Naam;E-mail;Opmerkingen\r\n"Ans";"a@var.example";"eerste\r\ntweede; derde, vierde"\r\nPiet;p@var.example;x\r\n'
    )

    assert detect_delimiter(text) == ";"


def test_split_lines_ends_lines_at_cr_lf_cr_and_lf_only():
    assert split_lines("a\vb\r\nc\fd\re\u2028f\ng\x85h\n") == ["a\vb", "c\fd", "e\u2028f", "g\x85h"]


def test_a_sep_hint_in_a_mac_file_with_cr_line_ends_is_no_row():
    data = b"sep=;\r" + csv_bytes([HEADER, *DUTCH], "mac_roman", "\r")

    book = CsvBook(data, "mac.csv", CellGuard("mac.csv"))

    rows = [cells for _, cells in book.rows()]
    assert rows[0] == HEADER
    assert len(rows) == 5
    assert book.row_hint == 5
