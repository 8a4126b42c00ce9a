"""AVG erasure that always works and leaves nothing: every form of a person's details, everywhere, and a purge
that goes on when one person fails."""

import datetime
import re
import unicodedata

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import ExportLog
from network import services
from network.models import Contact, ImportBatch, Outreach
from network.services import avg as avg_service
from tests.factories import ContactFactory, MembershipFactory, gemeente

D = datetime.date
EMAIL = "Jan.Vleugelhof@Schiedam.example"
PHONE = "010-4567890"
MOBILE = "06-12345678"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64)"

# Lower-case, accent-free forms that must be gone from every column of every table; phones by their digits.
WORDS = ["vleugelhof", "brouwer", "jan.vleugelhof@schiedam.example"]
DIGITS = ["104567890", "612345678"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def traces_left() -> dict[str, list[str]]:
    """Every table cell of the whole database that still holds one of the forms (raw tables, history included)."""
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    text = _fold(str(value))
                    digits = re.sub(r"[\s.()/+-]", "", text)
                    if any(word in text for word in WORDS) or any(d in digits for d in DIGITS):
                        found.setdefault(table, []).append(str(value)[:120])
    return found


def _failed_logins(username: str, *, ip: str = "10.0.0.7") -> None:
    common = {"user_agent": BROWSER, "ip_address": ip, "http_accept": "*/*", "path_info": "/login/"}
    AccessAttempt.objects.create(
        username=username, get_data="", post_data=f"username={username}", failures_since_start=2, **common
    )
    AccessFailureLog.objects.create(username=username, **common)
    AccessLog.objects.create(username=username, **common)


@pytest.fixture
def everywhere(actor, afm, settings):
    """A person with a double-barrelled surname, written in every place and form a registry copies it to."""
    contact = services.contact_create(
        actor=actor, first_name="Jan", tussenvoegsel="van der", last_name="Vleugelhof-Brouwer", email=EMAIL.lower()
    )
    services.contact_update(actor=actor, contact=contact, phone=PHONE, mobile=MOBILE, notes="Belt liever")
    services.membership_start(
        actor=actor,
        contact=contact,
        network=afm,
        gemeente=gemeente("GM0606"),
        start=D(2019, 1, 1),
        end=D(2021, 12, 31),
        notes="Voorgedragen door JAN VAN DER VLEUGELHOF-BROUWER",
    )
    outreach = services.outreach_log(
        actor=actor,
        gemeente=gemeente("GM0606"),
        network=afm,
        date=D(2021, 2, 1),
        channel="telefoon",
        outcome="Gebeld op +31 6 1234 5678; Vléugelhof komt erop terug.",
        contact=contact,
    )
    outreach.outcome = "Teruggebeld via 0031 10 456 78 90 en (010) 456 78 90; Brouwer akkoord."
    outreach.save()
    batch = ImportBatch.objects.create(file_name="lijst Vleugelhof.csv", sha256="0" * 64, as_of=D(2021, 1, 1))
    services.import_batch_record(
        batch=batch,
        counts={"warnings": [{"row": 3, "message": "Mogelijk dubbel: er is al een Vleugelhof"}]},
        results=[
            {"row": 3, "action": "new", "contact": "Jan van der Vleugelhof-Brouwer", "email": EMAIL.upper()},
            {
                "row": 4,
                "action": "updated",
                "contact": "Vleugelhof-Brouwer",
                "contact_id": contact.pk,
                "changes": {"phone": ["", PHONE]},
                "messages": ["Vleugelhof stond al in het register"],
            },
        ],
    )
    ImportBatch.objects.create(file_name="jan_van_der_vleugelhof.xlsx", sha256="1" * 64, as_of=D(2021, 1, 1))
    ExportLog.objects.create(
        user=actor, list_name="Contactpersonen", filters={"search": "brouwer"}, rows=1, format="csv", door="web"
    )
    ExportLog.objects.create(
        user=actor, list_name="Contactpersonen", filters={"q": EMAIL.upper()}, rows=1, format="csv", door="api"
    )
    LogEntry.objects.log_actions(
        user_id=actor.pk, queryset=Contact.objects.filter(pk=contact.pk), action_flag=CHANGE, change_message="[]"
    )
    # Failed logins with the address in two cases, and a row an earlier erasure left for the same browser.
    _failed_logins(EMAIL.lower())
    _failed_logins(EMAIL.upper())
    _failed_logins("[verwijderd]")
    settings.IMPORT_UPLOAD_DIR.mkdir(parents=True)
    (settings.IMPORT_UPLOAD_DIR / ("a" * 64)).write_text(f"Naam;E-mail\nJan van der Vleugelhof-Brouwer;{EMAIL}\n")
    contact.refresh_from_db()
    return contact


def test_erasure_leaves_no_form_of_the_person_anywhere(everywhere, settings):
    seeded = traces_left()
    for table in (
        "network_contact",
        "network_historicalcontact",
        "network_membership",
        "network_outreach",
        "network_historicaloutreach",
        "network_importbatch",
        "network_importbatchrow",
        "accounts_exportlog",
        "django_admin_log",
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
    ):
        assert table in seeded, table

    call_command("avg_erase", EMAIL.upper())

    assert traces_left() == {}
    assert list(settings.IMPORT_UPLOAD_DIR.iterdir()) == []
    assert AccessAttempt.objects.filter(username="[verwijderd]").count() == 1
    everywhere.refresh_from_db()
    assert everywhere.anonymised_on is not None
    assert Outreach.objects.get().outcome.startswith("Teruggebeld via [verwijderd]")


def test_a_namesake_keeps_the_shared_part_of_a_double_barrelled_name(everywhere):
    namesake = ContactFactory(first_name="Els", last_name="Brouwer", email="els@capelle.example")
    MembershipFactory(contact=namesake, start_date=D(2023, 1, 1))

    services.contact_anonymise(actor=None, contact=everywhere)

    namesake.refresh_from_db()
    assert (namesake.last_name, namesake.email) == ("Brouwer", "els@capelle.example")
    assert "vleugelhof" not in str(traces_left())


def _due_people(count: int) -> list[Contact]:
    people = []
    for n in range(count):
        person = ContactFactory(first_name=f"Persoon{n}", last_name=f"Vertrokken{n}", email=f"weg{n}@oud.example")
        MembershipFactory(contact=person, start_date=D(2018, 1, 1), end_date=D(2019, 12, 31))
        people.append(person)
    return people


def test_purge_anonymises_everyone_due_also_after_failed_logins_in_two_cases(db, capsys):
    people = _due_people(9)
    _failed_logins("WEG4@OUD.EXAMPLE")
    _failed_logins("weg4@oud.example")
    _failed_logins("[verwijderd]")

    call_command("avg_purge", "--date", "2024-06-01")

    assert Contact.objects.filter(pk__in=[p.pk for p in people], anonymised_on__isnull=False).count() == 9
    assert "9 contactpersonen geanonimiseerd" in capsys.readouterr().out
    assert not AccessAttempt.objects.filter(username__icontains="weg4").exists()


def test_one_failure_does_not_stop_the_purge_and_is_reported(db, monkeypatch, capsys):
    people = _due_people(9)
    unlucky = people[3]
    real = avg_service._anonymise_one

    def failing(*, actor, contact, reason):
        real(actor=actor, contact=contact, reason=reason)
        if contact.pk == unlucky.pk:
            raise RuntimeError("schijf vol")

    monkeypatch.setattr(avg_service, "_anonymise_one", failing)

    with pytest.raises(CommandError, match="1 contactpersonen niet geanonimiseerd"):
        call_command("avg_purge", "--date", "2024-06-01")

    out = capsys.readouterr()
    assert "8 contactpersonen geanonimiseerd" in out.out
    assert f"#{unlucky.pk} niet geanonimiseerd: RuntimeError: schijf vol" in out.err
    unlucky.refresh_from_db()
    assert (unlucky.anonymised_on, unlucky.email) == (None, "weg3@oud.example")
    others = Contact.objects.filter(pk__in=[p.pk for p in people]).exclude(pk=unlucky.pk)
    assert all(contact.anonymised_on for contact in others)


def test_a_failed_erasure_of_one_person_is_a_dutch_error(everywhere, monkeypatch):
    monkeypatch.setattr(avg_service, "scrub_everywhere", lambda traces: 1 / 0)

    with pytest.raises(CommandError, match=f"Contactpersoon #{everywhere.pk} is niet geanonimiseerd"):
        call_command("avg_erase", str(everywhere.pk))

    everywhere.refresh_from_db()
    assert everywhere.anonymised_on is None
