"""AVG and attendance (EVENTS.md): someone known only from attendance is purged two years after their last event;
the inzageverzoek lists their attendance; erasure leaves the attendance as an anonymous count."""

import datetime
import json

from django.core.management import call_command

from network import selectors, services
from network.models import Attendee, Contact, ImportBatch
from tests.factories import ContactFactory

from .conftest import registration_csv


def _attended(actor, date, contact):
    event = services.event_create(actor=actor, title=f"Carrousel {date}", kind="carrousel", date=date)
    services.attendee_set(actor=actor, event=event, contact=contact, status="aanwezig")
    return event


def test_attendance_only_people_are_purged_two_years_after_their_last_event(actor):
    recent = ContactFactory(last_name="Recent")
    old = ContactFactory(last_name="Oud")
    _attended(actor, datetime.date(2021, 10, 28), recent)
    _attended(actor, datetime.date(2019, 3, 1), old)
    on = datetime.date(2023, 6, 1)
    due = set(selectors.contacts_for_retention_review(on=on).values_list("pk", flat=True))
    assert old.pk in due
    assert recent.pk not in due
    later = set(selectors.contacts_for_retention_review(on=datetime.date(2023, 10, 29)).values_list("pk", flat=True))
    assert recent.pk in later


def test_avg_purge_anonymises_attendance_only_people_and_keeps_the_count(actor):
    old = ContactFactory(last_name="Oud")
    event = _attended(actor, datetime.date(2019, 3, 1), old)
    call_command("avg_purge", "--date", "2023-06-01")
    old.refresh_from_db()
    assert old.anonymised_on is not None
    assert selectors.event_counts(selectors.event_get_for_page(slug=event.slug))["attended"] == 1


def test_avg_export_includes_attendance(actor, tmp_path):
    person = ContactFactory(first_name="Ans", last_name="Aanwezig")
    _attended(actor, datetime.date(2021, 3, 11), person)
    call_command("avg_export", str(person.pk), "--output-dir", str(tmp_path))
    data = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert data["evenementen"][0]["status"] == "Aanwezig"
    assert data["historie evenementen"]


def test_avg_erase_removes_the_name_from_attendance_imports(people, event, tmp_path):
    path = tmp_path / "aanwezigheid.csv"
    path.write_bytes(registration_csv())
    call_command("import_attendance", str(path), "--event", event.slug, "--create-missing", "--json")
    petra = Contact.objects.get(email="petra@nieuw.example")
    call_command("avg_erase", str(petra.pk), "--reason", "verzoek")
    attendee = Attendee.objects.get(contact=petra)
    assert attendee.status == "aanwezig"
    assert "Petra" not in json.dumps(selectors.import_batch_results(batch=ImportBatch.objects.get()))
