"""Parallel writers on PostgreSQL: overlapping imports, handovers and ends of one role, with real threads.

Each thread has its own database connection (Django's are per thread) and closes it at the end; the
threads start together at a barrier. SQLite has one writer at a time by design (its transactions begin
IMMEDIATE), so these races only exist, and are only tested, on PostgreSQL — `.ci/run` runs them there.
"""

import datetime
import io
import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from network import services
from network.exceptions import ConflictError
from network.importing import ImportOptions, run_import
from network.models import Contact, Membership
from tests.factories import ContactFactory, MembershipFactory, gemeente
from tests.helpers import csv_bytes, token_client

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one writer at a time (BEGIN IMMEDIATE): parallel writers only race on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

D = datetime.date
PEOPLE = 600
WITH_EMAIL = 400  # the rest have no e-mail address and are matched by name


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """The networks and gemeenten; a transactional test before this one may have flushed them (the role groups
    come back with post_migrate after a flush)."""
    from django.apps import apps

    from network.reference import load_reference_data

    load_reference_data(apps)


def people_list(*, upper: bool = False, reverse: bool = False) -> bytes:
    rows = []
    for n in range(PEOPLE):
        email = f"persoon{n}@lijst.example" if n < WITH_EMAIL else ""
        rows.append([f"Voornaam{n} Achternaam{n}", email.upper() if upper else email, "Schiedam"])
    if reverse:
        rows.reverse()
    return csv_bytes([["Naam", "E-mail", "Gemeente"], *rows])


def in_parallel(*jobs) -> list:
    """Run each job in its own thread, all released at once; the value or the exception of each, in order."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            outcomes[index] = job()
        except Exception as exc:  # the test asserts on every outcome, exceptions included
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def _by_function(actor, afm, data):
    def job():
        options = ImportOptions(network=afm, as_of=D(2021, 3, 1))
        return run_import(actor=actor, file=data, file_name="lijst.csv", options=options).exit_code

    return job


def _by_command(tmp_path: Path, data: bytes, name: str):
    def job():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            call_command(
                "import_contacts",
                str(path),
                "--network",
                "aandachtsfunctionarissen-mensenhandel",
                "--as-of",
                "2021-03-01",
                "--json",
                stdout=io.StringIO(),
            )
        except SystemExit as exit_:
            return exit_.code
        return 0

    return job


def _by_api(actor, data: bytes):
    client = token_client(actor)

    def job():
        upload = SimpleUploadedFile("lijst-api.csv", data)
        fields = {"file": upload, "network": "aandachtsfunctionarissen-mensenhandel", "as_of": "2021-03-01"}
        return client.post("/api/v1/imports/", fields, format="multipart").status_code

    return job


def _seats():
    return Membership.objects.filter(end_date__isnull=True).count()


def test_parallel_imports_of_the_same_new_people_create_each_person_and_role_once(actor, afm, tmp_path):
    outcomes = in_parallel(
        _by_function(actor, afm, people_list()),
        _by_command(tmp_path, people_list(upper=True, reverse=True), "hoofdletters.csv"),
        _by_api(actor, people_list(reverse=True)),
    )

    assert outcomes == [0, 0, 201]
    assert Contact.objects.count() == PEOPLE
    assert Membership.objects.count() == PEOPLE
    assert _seats() == PEOPLE


def test_parallel_imports_of_known_people_add_no_second_role(actor, afm, tmp_path):
    options = ImportOptions(network=afm, as_of=D(2021, 1, 1))
    run_import(actor=actor, file=people_list(), file_name="eerste.csv", options=options)
    assert Membership.objects.count() == PEOPLE

    outcomes = in_parallel(
        _by_function(actor, afm, people_list(upper=True)),
        _by_function(actor, afm, people_list(reverse=True)),
    )

    assert outcomes == [0, 0]
    assert Contact.objects.count() == PEOPLE
    assert Membership.objects.count() == PEOPLE


def _call(service, **kwargs):
    def job():
        return service(**kwargs)

    return job


def test_four_parallel_handovers_of_one_role_leave_one_successor(actor, afm):
    membership = MembershipFactory(network=afm, gemeente=gemeente("GM0606"), start_date=D(2020, 1, 1))
    successors = [ContactFactory(last_name=f"Opvolger{n}") for n in range(4)]

    outcomes = in_parallel(
        *(
            _call(
                services.membership_handover,
                actor=actor,
                membership=Membership.objects.get(pk=membership.pk),
                successor=successor,
                on=D(2021, 9, 1),
            )
            for successor in successors
        )
    )

    won = [o for o in outcomes if isinstance(o, Membership)]
    lost = [o for o in outcomes if isinstance(o, ConflictError)]
    assert (len(won), len(lost)) == (1, 3), outcomes
    assert all("al beëindigd" in error.messages[0] for error in lost)
    seat = Membership.objects.filter(network=afm, gemeente=gemeente("GM0606"))
    assert seat.filter(end_date__isnull=True).get().contact_id == won[0].contact_id
    assert seat.get(pk=membership.pk).end_date == D(2021, 8, 31)


def test_four_parallel_ends_with_different_dates_end_the_role_once(actor, afm):
    membership = MembershipFactory(network=afm, start_date=D(2020, 1, 1))
    dates = [D(2021, month, 1) for month in (3, 4, 5, 6)]

    outcomes = in_parallel(
        *(
            _call(services.membership_end, actor=actor, membership=Membership.objects.get(pk=membership.pk), end=day)
            for day in dates
        )
    )

    won = [o for o in outcomes if isinstance(o, Membership)]
    assert len(won) == 1 and sum(isinstance(o, ConflictError) for o in outcomes) == 3, outcomes
    membership.refresh_from_db()
    assert membership.end_date == won[0].end_date
    assert membership.history.filter(end_date__isnull=False).count() == 1


def test_four_parallel_handovers_over_the_api_answer_201_once_and_409_in_dutch(actor, afm):
    membership = MembershipFactory(network=afm, gemeente=gemeente("GM0606"), start_date=D(2020, 1, 1))
    successors = [ContactFactory(last_name=f"Opvolger{n}") for n in range(4)]

    def handover(successor, client):
        def job():
            url = f"/api/v1/memberships/{membership.pk}/handover/"
            response = client.post(url, {"successor": successor.pk, "date": "2021-09-01"}, format="json")
            return response.status_code, response.json()

        return job

    # The clients (and the one token) are made before the race; only the handovers run in parallel.
    outcomes = in_parallel(*(handover(successor, token_client(actor)) for successor in successors))

    assert sorted(code for code, _ in outcomes) == [201, 409, 409, 409]
    assert all("al beëindigd" in str(body) for code, body in outcomes if code == 409)
    assert Membership.objects.filter(network=afm, end_date__isnull=True).count() == 1


def test_postgresql_also_refuses_an_overlapping_period_of_the_same_seat(afm):
    seat = {"network": afm, "role": afm.default_role, "gemeente": None}
    first = MembershipFactory(**seat, start_date=D(2020, 1, 1), end_date=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(contact=first.contact, **seat, start_date=D(2019, 1, 1), end_date=D(2020, 6, 30))
    Membership.objects.create(contact=first.contact, **seat, start_date=D(2019, 1, 1), end_date=D(2019, 12, 31))
