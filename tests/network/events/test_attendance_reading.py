"""Each kind of attendance file read right: Teams (English and Dutch, en-US and nl-NL dates), Zoom participants
and webinar reports, registration lists; rejoins collapse into one person with the total minutes."""

import datetime

import pytest

from network.attendance.reading import read_report
from network.attendance.values import duration_seconds, parse_timestamp, to_minutes
from network.importing import ImportFileError
from network.importing.registry import Registry

from .conftest import registration_csv, teams_report, zoom_participants, zoom_webinar


def _people(data: bytes, name: str):
    report = read_report(data, name, Registry(network_ids=set()))
    return report, {p.values["email"] or p.name: p for p in report.people}


@pytest.mark.parametrize(("dutch", "us_dates"), [(False, True), (True, False), (False, False), (True, True)])
def test_teams_report_in_both_languages_and_date_locales(db, dutch, us_dates):
    report, people = _people(teams_report(dutch=dutch, us_dates=us_dates), "meetingAttendanceReport.csv")
    assert report.kind == "teams"
    assert report.started == datetime.datetime(2021, 10, 28, 9, 0)
    assert set(people) == {"jan.jansen@schiedam.example", "kim@var.example", "Fatima El Amrani"}
    assert to_minutes(people["jan.jansen@schiedam.example"].seconds) == 75
    assert people["kim@var.example"].role == "organisator"
    assert people["jan.jansen@schiedam.example"].role == "deelnemer"
    assert to_minutes(people["Fatima El Amrani"].seconds) == 51  # 50 min 40 s rounds up
    assert people["Fatima El Amrani"].values["last_name"] == "El Amrani"  # "(Gast)" dropped


def test_teams_rejoins_in_the_activity_section_collapse_into_one_attendee_with_total_minutes(db):
    data = teams_report(dutch=False, us_dates=True).decode("utf-16")
    only_activities = data.replace(data[data.index("2. Participants") : data.index("3. In-Meeting")], "")
    report, people = _people(only_activities.encode("utf-16"), "report.csv")
    assert to_minutes(people["jan.jansen@schiedam.example"].seconds) == 75
    assert people["jan.jansen@schiedam.example"].sessions == 2
    assert len(report.people) == 2


def test_teams_participants_section_without_activities_still_reads(db):
    _, people = _people(teams_report(dutch=True, us_dates=False, with_activities=False), "rapport.csv")
    assert to_minutes(people["jan.jansen@schiedam.example"].seconds) == 75


def test_teams_a_vertical_tab_or_line_separator_in_a_cell_does_not_cut_the_row(db):
    data = teams_report(dutch=False, us_dates=True).decode("utf-16")
    odd = data.replace("Fatima El Amrani", "Fatima\u2028El\vAmrani")
    assert odd != data
    _, people = _people(odd.encode("utf-16"), "report.csv")
    assert set(people) == {"jan.jansen@schiedam.example", "kim@var.example", "Fatima El Amrani"}
    assert to_minutes(people["Fatima El Amrani"].seconds) == 51


def test_zoom_participants_report_skips_report_lines_and_sums_rejoins(db):
    report, people = _people(zoom_participants(), "participants_12345678901.csv")
    assert report.kind == "zoom"
    assert set(people) == {"jan.jansen@schiedam.example", "Piet de Vries"}
    assert to_minutes(people["jan.jansen@schiedam.example"].seconds) == 109
    assert people["Piet de Vries"].values["tussenvoegsel"] == "de"


def test_zoom_webinar_attendee_report_reads_attended_yes_no_and_sections(db):
    _, people = _people(zoom_webinar(), "webinar_attendee_report.csv")
    assert people["piet@elders.example"].status == "afwezig"
    assert people["jan.jansen@schiedam.example"].status == "aanwezig"
    assert to_minutes(people["jan.jansen@schiedam.example"].seconds) == 70
    assert people["kim@var.example"].role == "organisator"
    assert people["f.elamrani@politie.example"].role == "spreker"


def test_registration_list_uses_the_contact_import_header_detection(db):
    report, people = _people(registration_csv(), "aanmeldingen.csv")
    assert report.kind == "registration"
    assert people["Piet de Vries"].status == "afwezig"
    assert people["jan.jansen@schiedam.example"].gemeente.code == "GM0606"
    assert people["Fatima El Amrani"].organisation == "Politie Rotterdam"
    # Den Haag is no VAR gemeente: a warning, not an error.
    assert report.errors == []
    assert any("Den Haag" in w["value"] for w in report.warnings)


def test_registration_list_without_presence_column_registers(db):
    data = b"Naam,E-mail\nJan Jansen,jan.jansen@schiedam.example\n"
    _, people = _people(data, "lijst.csv")
    assert people["jan.jansen@schiedam.example"].status == "aangemeld"


def test_a_bad_email_is_a_row_error(db):
    report, _ = _people(b"Naam;E-mail\nJan Jansen;jan@\n", "lijst.csv")
    assert report.errors[0]["row"] == 2


def test_a_file_without_people_is_unreadable(db):
    with pytest.raises(ImportFileError):
        _people(b"Titel;Datum\nCarrousel;1-1-2021\n", "leeg.csv")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h 3m 36s", 3816), ("45m 2s", 2702), ("1 u 15 min", 4500), ("01:03:36", 3816), ("59", 3540), ("--", None)],
)
def test_durations(text, seconds):
    assert duration_seconds(text) == seconds


def test_timestamps_in_both_locales():
    assert parse_timestamp("3/11/21, 9:58:34 AM") == datetime.datetime(2021, 3, 11, 9, 58, 34)
    assert parse_timestamp("11-3-2021 13:58:34") == datetime.datetime(2021, 3, 11, 13, 58, 34)
    assert parse_timestamp("3/11/2021 12:05:00 PM") == datetime.datetime(2021, 3, 11, 12, 5)
