"""The command-line contract of IMPORT.md: exit codes, exactly one JSON object, the progress bar."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from network.models import Membership
from tests.helpers import SUMMARY_KEYS, csv_bytes, data_file


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_contacts", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_json_summary_is_exactly_one_object_with_the_contract_keys():
    code, out, err = run(
        str(data_file("afm_titel.xlsx")),
        "--network",
        "aandachtsfunctionarissen-mensenhandel",
        "--as-of",
        "1-3-2021",
        "--json",
    )

    assert code == 0, err
    summary = json.loads(out)
    assert list(summary) == SUMMARY_KEYS
    assert summary["file"] == "afm_titel.xlsx"
    assert summary["contacts"] == {"new": 5, "updated": 0, "unchanged": 0}
    assert summary["memberships"] == {"new": 5, "unchanged": 0, "ended": 0}
    assert isinstance(summary["batch"], int)
    assert Membership.objects.filter(start_date=datetime.date(2021, 3, 1)).count() == 3, "rows without a start date"
    assert err == "", "no progress bar when stderr is not a terminal"


@pytest.mark.django_db
def test_row_errors_exit_1_and_write_nothing(tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(csv_bytes([["Naam", "E-mail", "Gemeente"], ["Ans Kok", "ans@var.example", "Den Haag"]]))

    code, out, _ = run(str(path), "--network", "hackshield", "--json")

    assert code == 1
    summary = json.loads(out)
    assert summary["errors"] == [
        {
            "row": 2,
            "column": "Gemeente",
            "value": "Den Haag",
            "message": "De gemeente 'Den Haag' is niet bekend in het register.",
        }
    ]
    assert summary["batch"] is None
    assert Membership.objects.count() == 0


@pytest.mark.django_db
def test_skip_invalid_and_dry_run_options(tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["Naam", "E-mail", "Gemeente"],
                ["Ans Kok", "ans@var.example", "Den Haag"],
                ["Bo Vos", "bo@x.nl", "Schiedam"],
            ]
        )
    )

    code, out, _ = run(str(path), "--network", "hackshield", "--skip-invalid", "--dry-run", "--json")

    assert code == 0
    summary = json.loads(out)
    assert (summary["dry_run"], summary["skipped"], summary["memberships"]["new"], summary["batch"]) == (
        True,
        1,
        1,
        None,
    )
    assert Membership.objects.count() == 0


@pytest.mark.django_db
def test_unknown_network_and_bad_date_exit_2_with_a_dutch_sentence():
    code, out, err = run(str(data_file("afm_titel.xlsx")), "--network", "bestaat-niet", "--json")
    assert (code, err.strip()) == (2, "Het netwerk 'bestaat-niet' bestaat niet.")
    assert json.loads(out)["error"] == "Het netwerk 'bestaat-niet' bestaat niet."

    code, _, err = run(str(data_file("afm_titel.xlsx")), "--as-of", "gisteren")
    assert code == 2
    assert "geen datum" in err


@pytest.mark.django_db
def test_progress_bar_goes_to_stderr_on_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)

    call_command("import_contacts", str(data_file("hackshield.xls")), "--json")

    captured = capsys.readouterr()
    assert "3/3 rijen" in captured.err
    json.loads(captured.out)


@pytest.mark.django_db
def test_user_option_puts_the_user_in_the_history(actor):
    code, _out, _ = run(str(data_file("hackshield.xls")), "--user", actor.username, "--json")

    assert code == 0
    assert {h.history_user for h in Membership.history.all()} == {actor}
