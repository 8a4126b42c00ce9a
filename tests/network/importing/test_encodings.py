"""CSV encodings as offices save them: detected (charset-normalizer), read right or refused — never stored garbled."""

import itertools

import pytest

from network.importing import ImportFileError, ImportOptions, run_import
from network.models import Contact

pytestmark = pytest.mark.django_db

PEOPLE = [
    [("José", "Dijk"), ("Anneke", "Köster"), ("Cees", "Brûlé"), ("Noël", "Hoëvenaars")],
    [("Zoë", "Smit")],
    [("Désirée", "Çelik"), ("Renée", "Müller"), ("Chloë", "Peña")],
]
ENCODINGS = ["cp1252", "mac_roman", "cp850", "latin-1", "utf-8", "utf-8-sig", "utf-16"]
LINE_ENDS = ["\r\n", "\r", "\n"]


def csv_text(people, delimiter=";", line_end="\r\n") -> str:
    lines = [delimiter.join(["Voornaam", "Achternaam", "E-mail"])]
    lines += [delimiter.join([first, last, f"p{n}@var.example"]) for n, (first, last) in enumerate(people)]
    return line_end.join(lines) + line_end


def stored_names() -> set[tuple[str, str]]:
    return set(Contact.objects.values_list("first_name", "last_name"))


@pytest.mark.parametrize(
    ("people", "encoding", "line_end"),
    list(itertools.product(PEOPLE, ENCODINGS, LINE_ENDS)),
    ids=lambda value: repr(value)[:12],
)
def test_a_list_is_read_right_or_refused_never_stored_garbled(people, encoding, line_end):
    data = csv_text(people, line_end=line_end).encode(encoding)

    try:
        result = run_import(actor=None, file=data, file_name="lijst.csv", options=ImportOptions())
    except ImportFileError as refusal:
        assert "tekenset" in str(refusal) and "CSV UTF-8" in str(refusal)
        assert not Contact.objects.exists()
    else:
        assert result.exit_code == 0
        assert stored_names() == set(people)


@pytest.mark.parametrize(
    ("encoding", "delimiter", "line_end"),
    [("cp1252", ";", "\r\n"), ("utf-8-sig", ";", "\r\n"), ("utf-8", ",", "\n"), ("utf-16", "\t", "\r\n")],
    ids=["dutch-excel", "csv-utf8-bom", "comma-utf8", "unicode-text"],
)
def test_what_office_software_writes_is_read_right(encoding, delimiter, line_end):
    people = PEOPLE[0] + PEOPLE[2]
    data = csv_text(people, delimiter=delimiter, line_end=line_end).encode(encoding)

    result = run_import(actor=None, file=data, file_name="lijst.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert stored_names() == set(people)


def test_an_old_mac_file_with_cr_line_ends_is_read_as_mac_roman():
    people = PEOPLE[0]
    data = csv_text(people, line_end="\r").encode("mac_roman")

    result = run_import(actor=None, file=data, file_name="mac.csv", options=ImportOptions())

    assert result.exit_code == 0
    assert stored_names() == set(people)


def test_a_file_too_short_to_tell_mac_roman_from_dos_is_refused_with_a_dutch_sentence():
    """One "ë" is "Zoë" in Mac Roman and "Zoâ" in DOS 850, both plausible: refused, not guessed."""
    data = csv_text([("Zoë", "Smit")], line_end="\r").encode("mac_roman")

    with pytest.raises(ImportFileError) as refusal:
        run_import(actor=None, file=data, file_name="kort.csv", options=ImportOptions())

    assert str(refusal.value) == (
        "De tekenset van kort.csv is niet met zekerheid te bepalen (letters als é en ë zouden verminkt worden "
        "opgeslagen). Sla de lijst op als 'CSV UTF-8' en probeer het opnieuw."
    )
    assert not Contact.objects.exists()
