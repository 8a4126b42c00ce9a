"""All or nothing, skipping invalid rows, dry runs, sync lists and the recorded batch."""

import datetime

from network.choices import ImportMode
from network.models import Contact, ImportBatch, Membership
from tests.factories import ContactFactory, MembershipFactory, gemeente
from tests.helpers import csv_bytes

D = datetime.date
HEADER = ["Naam", "E-mail", "Gemeente", "Rol", "Startdatum"]


def good_rows(count: int) -> list[list]:
    return [[f"Persoon {n} Achternaam{n}", f"persoon{n}@var.example", "Schiedam", "", ""] for n in range(count)]


def test_one_bad_row_among_many_writes_nothing_and_names_each_bad_row(do_import, afm, registry_dump):
    before = registry_dump()
    rows = good_rows(20)
    rows[4] = ["Piet Bos", "piet@var.example", "Den Haag", "", ""]
    rows[9] = ["Mila Kok", "mila@var", "Schiedam", "", ""]
    rows[14] = ["Ruud Dekker", "ruud@var.example", "Schiedam", "baas", "31-02-2021"]
    data = csv_bytes([HEADER, *rows])

    result = do_import(data, file_name="lijst.csv", network=afm)

    assert result.exit_code == 1
    assert result.batch is None
    assert registry_dump() == before
    assert ImportBatch.objects.count() == 0
    errors = [(e["row"], e["column"], e["value"]) for e in result.summary["errors"]]
    assert errors == [
        (6, "Gemeente", "Den Haag"),
        (11, "E-mail", "mila@var"),
        (16, "Rol", "baas"),
        (16, "Startdatum", "31-02-2021"),
    ]
    assert all(e["message"] for e in result.summary["errors"])
    assert result.summary["contacts"] == {"new": 0, "updated": 0, "unchanged": 0}
    assert [row.action for row in result.rows].count("error") == 3


def test_skip_invalid_applies_the_good_rows_and_counts_the_skipped(do_import, afm):
    rows = good_rows(5)
    rows[2] = ["Piet Bos", "piet@var.example", "Den Haag", "", ""]
    data = csv_bytes([HEADER, *rows])

    result = do_import(data, file_name="lijst.csv", network=afm, skip_invalid=True)

    assert result.exit_code == 0
    assert result.summary["skipped"] == 1
    assert result.summary["contacts"]["new"] == 4
    assert result.summary["errors"][0]["row"] == 4
    assert not Contact.objects.filter(email="piet@var.example").exists()
    assert Membership.objects.count() == 4
    assert result.batch is not None


def test_dry_run_reports_what_would_change_and_writes_nothing(do_import, afm, registry_dump):
    before = registry_dump()

    result = do_import("afm_titel.xlsx", network=afm, dry_run=True)

    assert result.summary["dry_run"] is True
    assert result.summary["contacts"]["new"] == 5
    assert result.summary["memberships"]["new"] == 5
    assert result.summary["batch"] is None
    assert registry_dump() == before
    assert ImportBatch.objects.count() == 0


def test_sync_import_ends_exactly_the_missing_memberships_the_day_before_the_list_date(do_import, afm, hackshield):
    schiedam, rotterdam, dordrecht = gemeente("GM0606"), gemeente("GM0599"), gemeente("GM0505")
    stays = MembershipFactory(contact__email="blijft@var.example", network=afm, gemeente=schiedam)
    missing = MembershipFactory(contact__email="weg@var.example", network=afm, gemeente=rotterdam)
    already_ended = MembershipFactory(
        network=afm, gemeente=dordrecht, start_date=D(2020, 1, 1), end_date=D(2020, 6, 30)
    )
    other_network = MembershipFactory(network=hackshield, gemeente=rotterdam)
    future = MembershipFactory(network=afm, gemeente=dordrecht, start_date=D(2021, 6, 1))
    data = csv_bytes(
        [
            HEADER,
            ["Blijft Hier", "blijft@var.example", "Schiedam", "", ""],
            ["Nieuw Mens", "nieuw@var.example", "Dordrecht", "", ""],
        ]
    )

    result = do_import(data, file_name="lijst.csv", network=afm, sync=True, as_of=D(2021, 3, 1))

    assert result.summary["memberships"] == {"new": 1, "unchanged": 1, "ended": 1}
    assert [m.pk for m in result.ending] == [missing.pk]
    missing.refresh_from_db()
    assert (missing.end_date, missing.ended_by_batch) == (D(2021, 2, 28), result.batch)
    for membership in (stays, already_ended, other_network, future):
        before = (membership.end_date, membership.ended_by_batch_id)
        membership.refresh_from_db()
        assert (membership.end_date, membership.ended_by_batch_id) == before
    assert result.batch.mode == ImportMode.SYNC


def test_sync_dry_run_lists_what_would_end_without_ending_it(do_import, afm, rotterdam):
    missing = MembershipFactory(network=afm, gemeente=rotterdam)

    result = do_import(csv_bytes([HEADER, *good_rows(1)]), file_name="l.csv", network=afm, sync=True, dry_run=True)

    assert [m.pk for m in result.ending] == [missing.pk]
    missing.refresh_from_db()
    assert missing.end_date is None


def test_batch_records_file_user_mode_counts_and_rows(do_import, afm, actor):
    result = do_import("afm_titel.xlsx", network=afm)

    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert (batch.file_name, batch.user, batch.mode, batch.network, batch.as_of) == (
        "afm_titel.xlsx",
        actor,
        ImportMode.ADD,
        afm,
        D(2021, 3, 1),
    )
    assert len(batch.sha256) == 64
    assert batch.counts["contacts"] == {"new": 5, "updated": 0, "unchanged": 0}
    rows = list(batch.rows.order_by("id"))
    assert [row.row for row in rows] == [4, 5, 6, 7, 8]
    assert all(row.action == "new" and row.contact_id and row.membership_id for row in rows)
    assert {row.contact_id for row in rows} == set(Contact.objects.values_list("pk", flat=True))
    assert set(Contact.objects.values_list("import_batch", flat=True)) == {batch.pk}
    assert set(Membership.objects.values_list("import_batch", flat=True)) == {batch.pk}
    history = Membership.history.filter(history_type="+")
    assert {(h.history_user_id, h.history_change_reason) for h in history} == {(actor.pk, f"Import #{batch.pk}")}


def test_an_overlapping_role_from_the_file_is_a_row_error(do_import, afm, schiedam):
    MembershipFactory(
        contact=ContactFactory(email="a@var.example"), network=afm, gemeente=schiedam, end_date=D(2021, 1, 31)
    )
    data = csv_bytes([HEADER, ["Anne Smit", "a@var.example", "Schiedam", "", "1-1-2021"]])

    result = do_import(data, file_name="lijst.csv", network=afm, as_of=D(2021, 3, 1))

    [error] = result.summary["errors"]
    assert (error["row"], error["column"]) == (2, "Startdatum")
    assert "al van 01-01-2021 t/m 31-01-2021" in error["message"]


def test_sync_with_skip_invalid_keeps_the_roles_of_people_whose_row_was_skipped(do_import, afm, rotterdam):
    skipped_person = MembershipFactory(contact__email="fout@var.example", network=afm, gemeente=rotterdam)
    data = csv_bytes([HEADER, ["Fout Rij", "fout@var.example", "Den Haag", "", ""], *good_rows(1)])

    result = do_import(data, file_name="l.csv", network=afm, sync=True, skip_invalid=True)

    assert result.summary["skipped"] == 1
    assert result.summary["memberships"]["ended"] == 0
    skipped_person.refresh_from_db()
    assert skipped_person.end_date is None


def test_a_row_without_a_role_confirms_the_current_role_instead_of_adding_the_default(do_import, afm, schiedam):
    chair = MembershipFactory(
        contact__email="voorzitter@var.example", network=afm, gemeente=schiedam, role="voorzitter"
    )
    data = csv_bytes([HEADER, ["Vera Voorzitter", "voorzitter@var.example", "Schiedam", "", ""]])

    result = do_import(data, file_name="l.csv", network=afm, sync=True)

    assert result.summary["memberships"] == {"new": 0, "unchanged": 1, "ended": 0}
    assert list(Membership.objects.values_list("pk", "role", "end_date")) == [(chair.pk, "voorzitter", None)]


def test_a_list_without_gemeenten_confirms_the_roles_held_for_a_gemeente(do_import, afm, schiedam):
    held = MembershipFactory(contact__email="anouk@var.example", network=afm, gemeente=schiedam)
    data = csv_bytes([["Naam", "E-mail"], ["Anouk Verbeek", "anouk@var.example"]])

    result = do_import(data, file_name="l.csv", network=afm, sync=True)

    assert result.summary["memberships"] == {"new": 0, "unchanged": 1, "ended": 0}
    assert list(Membership.objects.values_list("pk", "gemeente", "end_date")) == [(held.pk, schiedam.pk, None)]
