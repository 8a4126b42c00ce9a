"""AVG duties: retention review, purge and erasure by one anonymisation, and the inzageverzoek export."""

import datetime
import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import connection
from openpyxl import load_workbook

from accounts.models import ExportLog
from accounts.services import export_logged
from network import services
from network.models import Contact, ImportBatch, Membership
from network.selectors import contacts_for_retention_review, months_before, network_coverage
from tests.factories import ContactFactory, MembershipFactory, gemeente, network, user_with_role

NAME = "Jan van der Kwakkelstein"
EMAIL = "jan.kwakkelstein@schiedam.example"
OLD_EMAIL = "j.kwakkelstein@oud.example"
PRIVATE_EMAIL = "jantje.kwak@prive.example"
PHONE = "010-4567890"
TRACES = [NAME, "Kwakkelstein, Jan van der", "Kwakkelstein", EMAIL, OLD_EMAIL, PRIVATE_EMAIL, PHONE]


def database_traces(needles) -> dict[str, list[str]]:
    """Every table and column value in the whole database that still contains one of the needles.

    Reads the raw tables (history, admin log, sessions, import results, JSON stored with escapes) rather than
    the models, so nothing the anonymisation forgot can hide behind a model it did not know.
    """
    variants = {n.lower() for n in needles} | {json.dumps(n)[1:-1].lower() for n in needles}
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    text = bytes(value).decode("utf-8", "replace") if isinstance(value, memoryview) else str(value)
                    if any(v in text.lower() for v in variants):
                        found.setdefault(table, []).append(text[:120])
    return found


@pytest.fixture
def person(actor, afm):
    """Someone with history, a duplicate merged in, a role in Schiedam 2019–2021, and copies of their details
    in free text: an outreach outcome, role notes, an import's row results, the admin log and the export log."""
    contact = services.contact_create(
        actor=actor, first_name="Jan", tussenvoegsel="van der", last_name="Kwakkelstein", email=OLD_EMAIL
    )
    services.contact_update(actor=actor, contact=contact, email=EMAIL, phone=PHONE, notes="Belt liever dan mailt")
    duplicate = services.contact_create(
        actor=actor, first_name="Jantje", last_name="Kwakkelstein", email=PRIVATE_EMAIL, job_title="AOV"
    )
    services.contact_merge(actor=actor, keep=contact, duplicate=duplicate)
    services.membership_start(
        actor=actor,
        contact=contact,
        network=afm,
        gemeente=gemeente("GM0606"),
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2021, 12, 31),
        notes=f"Voorgedragen door {NAME}",
    )
    services.outreach_log(
        actor=actor,
        gemeente=gemeente("GM0606"),
        network=afm,
        date=datetime.date(2021, 2, 1),
        channel="telefoon",
        outcome=f"Gesproken met {NAME} ({PHONE}); Kwakkelstein komt erop terug.",
        contact=contact,
    )
    batch = ImportBatch.objects.create(file_name="afm.xlsx", sha256="0" * 64, as_of=datetime.date(2021, 1, 1))
    result = {"row": 3, "action": "new", "contact": NAME, "name": NAME, "email": EMAIL.upper()}
    services.import_batch_record(batch=batch, counts={}, results=[{**result, "message": "Nieuw: Kwakkelstein"}])
    LogEntry.objects.log_actions(
        user_id=actor.pk,
        queryset=Contact.objects.filter(pk=contact.pk),
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"fields": ["E-mailadres"]}}]),
    )
    ExportLog.objects.create(
        user=actor, list_name="Contactpersonen", filters={"search": EMAIL}, rows=1, format="csv", door="web"
    )
    contact.refresh_from_db()
    return contact


def _coverage_snapshot(afm):
    return [
        (row.gemeente.code, row.status, [m.pk for m in row.memberships])
        for day in (datetime.date(2019, 6, 1), datetime.date(2021, 6, 1), datetime.date(2022, 6, 1))
        for row in network_coverage(network=afm, on=day).rows
    ]


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert months_before(datetime.date(2024, 6, 15), 24) == datetime.date(2022, 6, 15)
    assert months_before(datetime.date(2024, 3, 31), 1) == datetime.date(2024, 2, 29)
    assert months_before(datetime.date(2024, 1, 10), 13) == datetime.date(2022, 12, 10)


class TestRetentionReview:
    def test_lists_contacts_whose_last_role_ended_longer_ago_than_the_retention_period(self, db):
        long_gone = MembershipFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2021, 12, 31))
        recently_ended = MembershipFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2023, 1, 31))
        active = MembershipFactory(start_date=datetime.date(2018, 1, 1))
        on = datetime.date(2024, 6, 1)
        review = list(contacts_for_retention_review(on=on))
        assert review == [long_gone.contact]
        assert recently_ended.contact not in review
        assert active.contact not in review

    def test_an_old_ended_role_does_not_list_someone_who_still_has_another_role(self, db):
        old = MembershipFactory(start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 1, 1))
        MembershipFactory(contact=old.contact, network=network("hackshield"), start_date=datetime.date(2016, 1, 2))
        assert not contacts_for_retention_review(on=datetime.date(2024, 6, 1)).exists()

    def test_a_contact_that_never_had_a_role_counts_from_when_it_was_entered(self, db):
        contact = ContactFactory()
        assert not contacts_for_retention_review(on=datetime.date.today()).exists()
        later = datetime.date.today() + datetime.timedelta(days=365 * 3)
        assert list(contacts_for_retention_review(on=later)) == [contact]

    def test_the_retention_period_comes_from_the_setting(self, db, settings):
        ended = MembershipFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2023, 1, 31))
        on = datetime.date(2024, 6, 1)
        settings.AVG_RETENTION_MONTHS = 12
        assert list(contacts_for_retention_review(on=on)) == [ended.contact]
        settings.AVG_RETENTION_MONTHS = 24
        assert not contacts_for_retention_review(on=on).exists()


class TestPurge:
    def test_purge_leaves_no_trace_of_name_or_email_anywhere_and_keeps_coverage(self, person, afm, capsys):
        assert database_traces(TRACES), "the fixture must put the person's details in the database"
        coverage_before = _coverage_snapshot(afm)
        memberships_before = list(Membership.objects.values_list("pk", "network_id", "gemeente_id", "start_date"))

        call_command("avg_purge", "--date", "2024-06-01")

        assert database_traces(TRACES) == {}
        assert _coverage_snapshot(afm) == coverage_before
        assert list(Membership.objects.values_list("pk", "network_id", "gemeente_id", "start_date")) == (
            memberships_before
        )
        person.refresh_from_db()
        assert person.last_name == f"Geanonimiseerd #{person.pk}"
        assert person.anonymised_on is not None
        assert "1 contactpersonen geanonimiseerd" in capsys.readouterr().out

    def test_dry_run_lists_without_changing_anything(self, person, capsys):
        call_command("avg_purge", "--dry-run", "--date", "2024-06-01")
        out = capsys.readouterr().out
        assert "Kwakkelstein, Jan van der" in out
        assert "Proefdraai: 1 contactpersonen" in out
        person.refresh_from_db()
        assert person.email == EMAIL

    def test_purge_keeps_people_with_a_recent_role(self, person):
        call_command("avg_purge", "--date", "2023-06-01")
        person.refresh_from_db()
        assert person.email == EMAIL

    def test_purge_does_not_touch_another_person_with_the_same_last_name(self, person):
        namesake = ContactFactory(first_name="Els", last_name="Kwakkelstein", email="els@capelle.example")
        MembershipFactory(contact=namesake, start_date=datetime.date(2023, 1, 1))
        call_command("avg_purge", "--date", "2024-06-01")
        namesake.refresh_from_db()
        assert (namesake.first_name, namesake.last_name, namesake.email) == (
            "Els",
            "Kwakkelstein",
            "els@capelle.example",
        )
        person.refresh_from_db()
        assert database_traces([NAME, EMAIL, OLD_EMAIL, PRIVATE_EMAIL, PHONE]) == {}

    def test_bad_date_is_a_dutch_error(self, db):
        with pytest.raises(CommandError, match="geen datum"):
            call_command("avg_purge", "--date", "1-6-2024")


class TestErase:
    def test_erase_by_email_anonymises_the_person_everywhere(self, person, afm):
        coverage_before = _coverage_snapshot(afm)
        call_command("avg_erase", EMAIL.upper())
        assert database_traces(TRACES) == {}
        assert _coverage_snapshot(afm) == coverage_before

    def test_erase_by_id(self, person):
        call_command("avg_erase", str(person.pk))
        person.refresh_from_db()
        assert person.anonymised_on is not None

    def test_erase_of_unknown_person_names_what_was_not_found(self, db):
        with pytest.raises(CommandError, match=r"niemand@nergens\.example"):
            call_command("avg_erase", "niemand@nergens.example")

    def test_erasing_twice_is_refused_clearly(self, person):
        call_command("avg_erase", str(person.pk))
        with pytest.raises(CommandError, match="al geanonimiseerd"):
            call_command("avg_erase", str(person.pk))

    def test_history_keeps_who_anonymised_but_not_the_old_values(self, person, beheerder_user):
        services.contact_anonymise(actor=beheerder_user, contact=person)
        records = list(Contact.history.filter(id=person.pk))
        assert records[0].history_user == beheerder_user
        assert {r.email for r in records} == {""}
        assert {r.last_name for r in records} == {f"Geanonimiseerd #{person.pk}"}

    @pytest.mark.parametrize("role", ["kernteam", "netwerkcoördinator", "raadpleger"])
    def test_only_a_beheerder_may_erase(self, person, role):
        with pytest.raises(PermissionDenied):
            services.contact_anonymise(actor=user_with_role(role), contact=person)
        person.refresh_from_db()
        assert person.email == EMAIL


@pytest.fixture
def beheerder_user(db):
    return user_with_role("beheerder", username="avg-beheerder")


class TestSubjectAccessExport:
    def test_avg_export_writes_everything_about_the_person_as_json_and_xlsx(self, person, tmp_path):
        call_command("avg_export", EMAIL, "--output-dir", str(tmp_path))
        data = json.loads((tmp_path / f"inzage-contactpersoon-{person.pk}.json").read_text(encoding="utf-8"))
        assert data["contactpersoon"]["e-mailadres"] == EMAIL
        assert data["contactpersoon"]["telefoon"] == PHONE
        assert [r["netwerk"] for r in data["rollen"]] == ["Aandachtsfunctionarissen mensenhandel"]
        assert data["rollen"][0]["einddatum"] == "2021-12-31"
        assert data["rollen"][0]["grondslag"]
        assert data["contactmomenten"][0]["uitkomst"].startswith("Gesproken met")
        history = data["historie contactpersoon"]
        assert [(h["gegevens"]["id"], h["soort"]) for h in history] == [
            (person.pk, "aangemaakt"),
            (person.pk, "gewijzigd"),
            (person.pk + 1, "aangemaakt"),
            (person.pk + 1, "verwijderd"),
        ]
        assert {"veld": "email", "oud": OLD_EMAIL, "nieuw": EMAIL} in history[1]["wijzigingen"]
        assert history[3]["reden"].startswith("Samengevoegd")
        assert history[2]["gegevens"]["email"] == PRIVATE_EMAIL
        assert data["historie rollen"][0]["gegevens"]["start_date"] == "2019-01-01"

        workbook = load_workbook(tmp_path / f"inzage-contactpersoon-{person.pk}.xlsx")
        assert workbook.sheetnames == [
            "Contactpersoon",
            "Rollen",
            "Contactmomenten",
            "Historie contactpersoon",
            "Historie rollen",
            "Evenementen",
            "Historie evenementen",
        ]
        details = {row[0]: row[1] for row in workbook["Contactpersoon"].iter_rows(min_row=2, values_only=True)}
        assert details["e-mailadres"] == EMAIL
        assert details["telefoon"] == PHONE
        assert workbook["Historie contactpersoon"].max_row == 5

    def test_avg_export_is_logged(self, person, tmp_path):
        call_command("avg_export", str(person.pk), "--output-dir", str(tmp_path))
        log = ExportLog.objects.get(list_name="Inzageverzoek contactpersoon")
        assert (log.door, log.user, log.rows) == ("command", None, 3)
        assert log.operator

    def test_avg_export_needs_an_explicit_output_dir_and_writes_nothing_in_the_current_folder(
        self, person, tmp_path, monkeypatch
    ):
        monkeypatch.chdir(tmp_path)
        with pytest.raises(CommandError, match="--output-dir"):
            call_command("avg_export", EMAIL)
        assert list(tmp_path.iterdir()) == []
        assert not ExportLog.objects.filter(list_name="Inzageverzoek contactpersoon").exists()

    def test_avg_export_files_are_for_their_owner_only_and_never_overwritten(self, person, tmp_path):
        folder = tmp_path / "inzage"
        call_command("avg_export", EMAIL, "--output-dir", str(folder))
        written = sorted(folder.iterdir())
        assert [path.suffix for path in written] == [".json", ".xlsx"]
        assert {path.stat().st_mode & 0o777 for path in written} == {0o600}
        before = [path.read_bytes() for path in written]

        with pytest.raises(CommandError, match="Bestaat al, niet overschreven"):
            call_command("avg_export", EMAIL, "--output-dir", str(folder))
        assert [path.read_bytes() for path in written] == before
        assert ExportLog.objects.filter(list_name="Inzageverzoek contactpersoon").count() == 1

    def test_avg_export_help_says_where_the_personal_data_goes(self):
        from network.management.commands.avg_export import Command

        assert "--output-dir" in Command.help and "nooit in de huidige map" in Command.help

    def test_avg_export_of_unknown_email_is_a_dutch_error(self, db, tmp_path):
        with pytest.raises(CommandError, match="Geen contactpersoon gevonden"):
            call_command("avg_export", "onbekend@nergens.example", "--output-dir", str(tmp_path))


def test_export_logged_refuses_a_raadpleger_and_logs_nothing(db):
    with pytest.raises(PermissionDenied):
        export_logged(actor=user_with_role("raadpleger"), list_name="x", rows=1, format="csv", door="web")
    assert not ExportLog.objects.exists()
