import pytest

from network.matching import gemeente_key, normalise_code
from network.selectors import gemeente_matcher


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Capelle a/d IJssel", "GM0502"),
        ("Capelle aan den IJssel", "GM0502"),
        ("Krimpen a/d IJssel", "GM0542"),
        ("Hendrik Ido Ambacht", "GM0531"),
        ("H.I. Ambacht", "GM0531"),
        ("Hendrik-Ido-Ambacht", "GM0531"),
        ("Gemeente Rotterdam", "GM0599"),
        ("Gem. Dordrecht", "GM0505"),
        ("GM0599", "GM0599"),
        ("0599", "GM0599"),
        ("gm0599", "GM0599"),
        ("ROTTERDAM", "GM0599"),
        ("  schiedam ", "GM0606"),
        ("Goeree Overflakkee", "GM1924"),
        ("Hardinxveld-Giessendam", "GM0523"),
        ("Voorne aan Zee", "GM1992"),
        ("Brielle", "GM0501"),
        ("Hoeksche  Waard", "GM1963"),
    ],
)
def test_typed_gemeente_names_match(db, typed, code):
    assert gemeente_matcher().match(typed).code == code


@pytest.mark.parametrize("typed", ["Den Haag", "Amsterdam", "GM0363", "", "   ", "Rotterdam-Zuid"])
def test_unknown_gemeente_is_not_guessed(db, typed):
    assert gemeente_matcher().match(typed) is None


def test_accents_are_ignored():
    assert gemeente_key("Capellé aan den IJssel") == gemeente_key("capelle aan den ijssel")


def test_code_normalisation():
    assert normalise_code("599") == "GM0599"
    assert normalise_code("GM 1992") == "GM1992"
    assert normalise_code("Rotterdam") is None
