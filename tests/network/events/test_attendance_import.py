"""The attendance import's contract (EVENTS.md): the command's JSON and exit codes, matching by e-mail then name +
organisation with suggestions, --create-missing, all-or-nothing, re-import adds nothing, undo, permissions."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from network import services
from network.attendance import AttendanceOptions, run_attendance_import
from network.models import Attendee, Contact, ImportBatch

from .conftest import registration_csv, teams_report, zoom_participants


def run_command(path, *args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_attendance", str(path), *args, stdout=out, stderr=err)
        raise SystemExit(0)
    return exit_info.value.code, out.getvalue(), err.getvalue()


@pytest.fixture
def registration(tmp_path):
    path = tmp_path / "aanwezigheid.csv"
    path.write_bytes(registration_csv())
    return path


def test_command_json_has_exactly_the_contract_shape(people, event, registration):
    code, out, _ = run_command(registration, "--event", event.slug, "--json")
    summary = json.loads(out)
    assert code == 0
    assert list(summary) == [
        "file", "event", "dry_run", "rows", "attendees", "contacts", "unmatched", "warnings", "errors", "batch"
    ]  # fmt: skip
    assert summary["file"] == "aanwezigheid.csv"
    assert summary["event"] == event.slug
    assert summary["rows"] == 4
    assert summary["attendees"] == {"new": 2, "updated": 0, "unchanged": 0}
    assert summary["contacts"] == {"matched": 2, "new": 0}
    assert ImportBatch.objects.get(pk=summary["batch"])
    unmatched = {row["name"]: row for row in summary["unmatched"]}
    assert set(unmatched) == {"Piet de Vries", "Petra Nieuw"}
    assert unmatched["Piet de Vries"]["row"] == 5
    assert unmatched["Piet de Vries"]["suggestions"] == [people["piet"].pk]
    assert unmatched["Petra Nieuw"]["email"] == "petra@nieuw.example"


def test_matching_by_email_first_then_name_and_organisation(people, event, registration):
    result = run_attendance_import(actor=None, file=registration, file_name="a.csv", event=event)
    by_name = {p.name: p for p in result.people}
    assert by_name["Jan Jansen"].matched_by == "email"
    assert by_name["Fatima El Amrani"].matched_by == "name_org"
    present = Attendee.objects.get(event=event, contact=people["fatima"])
    assert present.status == "aanwezig"
    assert present.gemeente.code == "GM0599"
    assert present.organisation == people["politie"]


def test_create_missing_creates_unknown_people_and_undo_removes_them(people, event, registration):
    _, out, _ = run_command(registration, "--event", event.slug, "--json", "--create-missing")
    summary = json.loads(out)
    assert summary["contacts"] == {"matched": 2, "new": 2}
    assert summary["unmatched"] == []
    petra = Contact.objects.get(email="petra@nieuw.example")
    assert Attendee.objects.get(event=event, contact=petra).status == "aanwezig"
    services.import_undo(actor=None, batch=ImportBatch.objects.get(pk=summary["batch"]))
    assert not Contact.objects.filter(email="petra@nieuw.example").exists()
    assert not Attendee.objects.filter(event=event).exists()


def test_reimport_adds_nothing(people, event, registration):
    run_command(registration, "--event", event.slug, "--json")
    _, out, _ = run_command(registration, "--event", event.slug, "--json")
    summary = json.loads(out)
    assert summary["attendees"] == {"new": 0, "updated": 0, "unchanged": 2}
    assert Attendee.objects.filter(event=event).count() == 2
    assert "eerder geïmporteerd" in summary["warnings"][-1]["message"]


def test_dry_run_writes_nothing(people, event, registration):
    code, out, _ = run_command(registration, "--event", event.slug, "--json", "--dry-run", "--create-missing")
    summary = json.loads(out)
    assert code == 0
    assert summary["dry_run"] is True and summary["batch"] is None
    assert summary["attendees"]["new"] == 4
    assert not Attendee.objects.exists()
    assert not Contact.objects.filter(email="petra@nieuw.example").exists()


def test_row_errors_write_nothing_and_exit_1(people, event, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(b"Naam;E-mail\nJan Jansen;jan.jansen@schiedam.example\nPiet;piet@\n")
    code, out, _ = run_command(path, "--event", event.slug, "--json")
    summary = json.loads(out)
    assert code == 1
    assert summary["errors"][0]["row"] == 3
    assert summary["batch"] is None
    assert not Attendee.objects.exists()


def test_unreadable_file_exits_2(event, tmp_path):
    path = tmp_path / "plaatje.png"
    path.write_bytes(b"\x89PNG")
    code, out, _ = run_command(path, "--event", event.slug, "--json")
    assert code == 2
    assert json.loads(out)["error"]


def test_teams_import_updates_invitees_and_rejoins_count_once(people, event, tmp_path, actor):
    services.invitations_add(actor=actor, event=event, contacts=[people["jan"]])
    path = tmp_path / "meetingAttendanceReport.csv"
    path.write_bytes(teams_report(dutch=True, us_dates=False))
    _, out, _ = run_command(path, "--event", event.slug, "--json", "--skip-organisers")
    summary = json.loads(out)
    assert summary["rows"] == 2
    assert summary["attendees"] == {"new": 0, "updated": 1, "unchanged": 0}
    jan = Attendee.objects.get(event=event, contact=people["jan"])
    assert (jan.status, jan.minutes) == ("aanwezig", 75)
    assert [h.status for h in jan.history.order_by("history_date")] == ["uitgenodigd", "aanwezig"]
    assert summary["unmatched"][0]["suggestions"] == [people["fatima"].pk]
    services.import_undo(actor=None, batch=ImportBatch.objects.get(pk=summary["batch"]))
    jan.refresh_from_db()
    assert (jan.status, jan.minutes) == ("uitgenodigd", None)


def test_zoom_import_matches_by_email(people, event, tmp_path):
    path = tmp_path / "participants.csv"
    path.write_bytes(zoom_participants())
    result = run_attendance_import(actor=None, file=path, file_name=path.name, event=event)
    assert result.summary["attendees"]["new"] == 1
    assert Attendee.objects.get(contact=people["jan"]).minutes == 109


def test_a_raadpleger_may_not_import(people, event, registration, raadpleger):
    with pytest.raises(PermissionDenied):
        run_attendance_import(
            actor=raadpleger, file=registration, file_name="a.csv", event=event, options=AttendanceOptions()
        )


def test_web_preview_creates_only_the_rows_asked(people, event, registration, actor):
    options = AttendanceOptions(create_rows={6})
    result = run_attendance_import(actor=actor, file=registration, file_name="a.csv", event=event, options=options)
    assert result.summary["contacts"]["new"] == 1
    assert [row["name"] for row in result.summary["unmatched"]] == ["Piet de Vries"]


def test_a_last_name_spelled_another_way_is_suggested_not_matched(people, event, tmp_path):
    path = tmp_path / "aanmeldingen.csv"
    path.write_bytes("Naam;E-mail;Organisatie\nPiet de Vris;;Onbekend Bureau\n".encode("cp1252"))
    _, out, _ = run_command(path, "--event", event.slug, "--json", "--dry-run")
    summary = json.loads(out)
    assert summary["contacts"] == {"matched": 0, "new": 0}
    assert summary["unmatched"][0]["name"] == "Piet de Vris"
    assert summary["unmatched"][0]["suggestions"] == [people["piet"].pk]
