"""Kinds of values QA found stored wrong or refused: titles written together, a roepnaam in brackets, a cell of
titles alone, a tussenvoegsel repeated in the last name, e-mail cells in any separator or bracket, foreign phone
numbers, and headers that name a known field in other words."""

import datetime
import io

import pytest
from openpyxl import Workbook

from network.importing import ImportOptions, run_import
from network.models import Contact
from network.names import name_key, normalise_initials, split_filing_last_name, split_name, split_titles

pytestmark = pytest.mark.django_db


def xlsx_bytes(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def do_run(actor, data: bytes, file_name: str):
    options = ImportOptions(as_of=datetime.date(2021, 6, 1))
    return run_import(actor=actor, file=data, file_name=file_name, options=options)


# --- names


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("mr.drs. C.J. de Wit", ("mr. drs.", "C.J. de Wit")),
        ("Prof.dr. K. van der Berg", ("Prof. dr.", "K. van der Berg")),
        ("dr.ir. A. Smit", ("dr. ir.", "A. Smit")),
        ("Mr.dr.J.P. de Vries", ("Mr. dr.", "J.P. de Vries")),
        ("P. van Dam ing.MSc", ("ing. MSc", "P. van Dam")),
        ("Dhr. drs.ing. Jan Smit", ("Dhr. drs. ing.", "Jan Smit")),
    ],
)
def test_titles_written_together_are_taken_apart(cell, expected):
    assert split_titles(cell) == expected


@pytest.mark.parametrize(
    ("cell", "titles"),
    [
        ("Wethouder", "Wethouder"),
        ("Burgemeester", "Burgemeester"),
        ("Dhr. Mr.", "Dhr. Mr."),
        ("Mevrouw", "Mevrouw"),
        ("Wethouder MBA", "Wethouder MBA"),
        ("mr.drs.", "mr. drs."),
    ],
)
def test_a_cell_of_titles_alone_has_no_name(cell, titles):
    assert split_titles(cell) == (titles, "")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Heer", ("", "Heer")),
        ("de Heer", ("", "de Heer")),
        ("Mr", ("", "Mr")),
        ("Mr. J. Mr", ("Mr.", "J. Mr")),
        ("Ing", ("", "Ing")),
        ("Bas Ing", ("", "Bas Ing")),
        ("Ma", ("", "Ma")),
        ("Li Ma", ("", "Li Ma")),
        ("Dr.Ma", ("Dr.", "Ma")),
    ],
)
def test_surnames_that_look_like_titles_stay_the_name(cell, expected):
    assert split_titles(cell) == expected


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("T. (Tom) Hendriks", ("Tom", "", "Hendriks")),
        ("J.W. (Hans-Peter) de Vries", ("Hans-Peter", "de", "Vries")),
        ("Hendriks, T. (Tom)", ("Tom", "", "Hendriks")),
        ("(Tom) Hendriks", ("Tom", "", "Hendriks")),
        ("Jan Jansen (Noord)", ("Jan", "", "Jansen")),
        ("Jan Jansen (AOV)", ("Jan", "", "Jansen")),
        ("Jan (secr.) Jansen", ("Jan", "", "Jansen")),
    ],
)
def test_a_bracketed_part_is_never_the_last_name_and_a_roepnaam_is_the_first_name(full_name, expected):
    assert tuple(split_name(full_name)) == expected


def test_a_roepnaam_in_a_first_name_cell_is_the_first_name_and_matches_it():
    assert normalise_initials("T. (Tom)") == "Tom"
    assert name_key("T. (Tom)", "", "Hendriks") == name_key("Tom", "", "Hendriks")


@pytest.mark.parametrize(
    ("last_name", "tussenvoegsel", "expected"),
    [
        ("Vries de", "de", ("de", "Vries")),
        ("Vries, de", "de", ("de", "Vries")),
        ("Berg, van der", "van der", ("van der", "Berg")),
        ("Berg,van der", "van der", ("van der", "Berg")),
        ("Berg, Van Der", "van der", ("van der", "Berg")),
        ("Hoek, van ’t", "van 't", ("van 't", "Hoek")),
        ("de Vries", "de", ("de", "Vries")),
        ("Vries", "de", ("de", "Vries")),
        ("Berg, van den", "van der", ("van der", "Berg, van den")),  # another particle: left for the user to see
        ("Groot-van Dam", "de", ("de", "Groot-van Dam")),
    ],
)
def test_a_last_name_that_repeats_its_tussenvoegsel_column_loses_the_repetition(last_name, tussenvoegsel, expected):
    assert split_filing_last_name(last_name, tussenvoegsel) == expected


def test_names_with_titles_together_a_roepnaam_and_a_vacancy_are_stored_apart(actor):
    rows = [
        ["Naam", "E-mail"],
        ["mr.drs. C.J. de Wit", "wit@example.nl"],
        ["Dhr. Mr. T. (Tom) Hendriks RA", "tom@example.nl"],
        ["Wethouder", "vacature@example.nl"],
        ["Mr. J. Mr", "mr@example.nl"],
        ["Kees de Heer", "heer@example.nl"],
    ]

    result = do_run(actor, xlsx_bytes(rows), "namen.xlsx")

    assert result.exit_code == 0, result.summary
    stored = {
        c.email: (c.titles, c.first_name, c.tussenvoegsel, c.last_name)
        for c in Contact.objects.filter(email__endswith="@example.nl")
    }
    assert stored == {
        "wit@example.nl": ("mr. drs.", "C.J.", "de", "Wit"),
        "tom@example.nl": ("Dhr. Mr. RA", "Tom", "", "Hendriks"),
        "vacature@example.nl": ("Wethouder", "", "", ""),
        "mr@example.nl": ("Mr.", "J.", "", "Mr"),
        "heer@example.nl": ("", "Kees", "de", "Heer"),
    }
