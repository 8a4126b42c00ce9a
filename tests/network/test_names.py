import pytest

from network.names import name_key, sort_key, split_last_name, split_name


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Jan van der Berg", ("Jan", "van der", "Berg")),
        ("Berg, Kees van den", ("Kees", "van den", "Berg")),
        ("Berg, Jan van der", ("Jan", "van der", "Berg")),
        ("Lotte van 't Hof", ("Lotte", "van 't", "Hof")),
        ("J. van der Berg", ("J.", "van der", "Berg")),
        ("J.P. de Vries", ("J.P.", "de", "Vries")),
        ("J. P. de Vries", ("J. P.", "de", "Vries")),
        ("Anouk de Graaf", ("Anouk", "de", "Graaf")),
        ("Pieter ter Horst", ("Pieter", "ter", "Horst")),
        ("Roos in 't Veld", ("Roos", "in 't", "Veld")),
        ("Sander Van Dijk", ("Sander", "van", "Dijk")),
        ("Mehmet Yilmaz", ("Mehmet", "", "Yilmaz")),
        ("Karim El Amrani", ("Karim", "", "El Amrani")),
        ("Marie-José van den Heuvel-Smit", ("Marie-José", "van den", "Heuvel-Smit")),
        ("Bakker", ("", "", "Bakker")),
        ("  Eva   van   Leeuwen  ", ("Eva", "van", "Leeuwen")),
        ("Vries, de", ("", "de", "Vries")),
        ("de Jong, Willem", ("Willem", "de", "Jong")),
        ("Tessa van der", ("Tessa", "van", "der")),
        ("", ("", "", "")),
    ],
)
def test_split_name_follows_dutch_rules(full_name, expected):
    assert tuple(split_name(full_name)) == expected


def test_sorting_ignores_the_tussenvoegsel():
    people = [
        ("Jan", "van der", "Berg"),
        ("Piet", "", "Aalders"),
        ("Kees", "de", "Zwart"),
        ("Anna", "", "Bakker"),
        ("Lotte", "van 't", "Hof"),
        ("anne", "", "berg"),
    ]
    ordered = [p[2] for p in sorted(people, key=lambda p: sort_key(*p))]
    assert ordered == ["Aalders", "Bakker", "berg", "Berg", "Hof", "Zwart"]


def test_name_key_ignores_case_accents_and_spacing():
    assert name_key("Jàn", "van der", "Berg") == name_key("JAN", "Van  Der", "berg")
    assert name_key("Jan", "van der", "Berg") != name_key("Jan", "van den", "Berg")


@pytest.mark.parametrize(
    ("last_name", "expected"),
    [
        ("van der Berg", ("van der", "Berg")),
        ("Van Der Berg", ("van der", "Berg")),
        ("van 't  Hof", ("van 't", "Hof")),
        ("de la Cruz Pérez", ("de la", "Cruz Pérez")),
        ("Berg", ("", "Berg")),
        ("Van", ("", "Van")),
        ("van de", ("van", "de")),
    ],
)
def test_split_last_name_takes_the_leading_tussenvoegsel_and_keeps_a_last_word(last_name, expected):
    assert split_last_name(last_name) == expected
