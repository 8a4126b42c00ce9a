"""A batch's per-row results as rows of their own: written while they are generated, read back as they were given,
shown a page at a time, and what undo asks of them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from network import selectors, services
from network.exceptions import ConflictError
from network.models import Contact, ImportBatchRow
from network.services import imports as imports_service
from network.views import imports as import_views
from tests.factories import ContactFactory
from tests.helpers import csv_bytes

D = datetime.date

# What the contact-list import (RowResult.as_json) and the attendance import (PersonResult.as_json) record.
RESULTS = [
    {"row": 4, "action": "new", "contact": "Anouk Verbeek", "contact_id": 11, "membership_id": 21},
    {
        "row": 5,
        "action": "updated",
        "contact": "Bas de Wit",
        "contact_id": 12,
        "changes": {"job_title": ["oud", "nieuw"]},
        "messages": ["Nieuwe organisatie aangemaakt"],
    },
    {"row": 6, "action": "error", "contact": "", "contact_id": None, "messages": ["Gemeente 'Gotham' bestaat niet"]},
    {"row": 7, "action": "skipped", "contact": "Cor", "contact_id": None},
    {
        "row": 8,
        "action": "unmatched",
        "contact": "Petra Nieuw",
        "contact_id": None,
        "matched_by": "",
        "status": "aanwezig",
        "minutes": 42,
    },
    {"row": 9, "action": "new", "contact": "Dirk", "contact_id": 13, "matched_by": "email", "status": "afwezig"},
    {"row": 10, "action": "unchanged", "contact": "Els", "contact_id": 14, "membership_id": 22},
]


@pytest.fixture
def batch(actor, afm):
    return services.import_batch_create(
        actor=actor, file_name="lijst.csv", sha256="0" * 64, mode="add", network=afm, as_of=D(2021, 3, 1)
    )


def test_recording_a_generator_writes_each_chunk_before_reading_the_next(batch, monkeypatch):
    monkeypatch.setattr(imports_service, "RESULT_CHUNK", 3)
    written_before = []

    def generate():
        for result in RESULTS:
            written_before.append(ImportBatchRow.objects.filter(batch=batch).count())
            yield result

    with CaptureQueriesContext(connection) as queries:
        services.import_batch_record(batch=batch, counts={"rows": len(RESULTS)}, results=generate())

    writes = [q["sql"] for q in queries.captured_queries if "importbatchrow" in q["sql"] and "SELECT" not in q["sql"]]
    assert len(writes) == 3  # 7 rows in chunks of 3: an INSERT (COPY on PostgreSQL) each
    assert written_before == [0, 0, 0, 3, 3, 3, 6]  # never more than one chunk held in memory
    batch.refresh_from_db()
    assert batch.counts == {"rows": len(RESULTS)}


def test_recorded_rows_come_back_in_order_with_every_key_as_given(batch):
    services.import_batch_record(batch=batch, counts={}, results=iter(RESULTS))

    results = selectors.import_batch_results(batch=batch)

    assert results == RESULTS
    # The columns lead, in the order the importers write them (PostgreSQL's jsonb orders the other keys its way).
    assert all(list(result)[:4] == ["row", "action", "contact", "contact_id"] for result in results)
    updated = selectors.import_batch_rows(batch=batch)[1]
    assert (updated.row, updated.action, updated.contact, updated.contact_id) == (5, "updated", "Bas de Wit", 12)
    assert updated.changes == {"job_title": ["oud", "nieuw"]}
    assert updated.messages == ["Nieuwe organisatie aangemaakt"]
    assert updated.details == {
        "changes": {"job_title": ["oud", "nieuw"]},
        "messages": ["Nieuwe organisatie aangemaakt"],
    }
    attendance = selectors.import_batch_rows(batch=batch)[4]
    assert attendance.details == {"matched_by": "", "status": "aanwezig", "minutes": 42}


def test_a_display_name_longer_than_the_column_is_cut(batch):
    services.import_batch_record(batch=batch, counts={}, results=[{"row": 2, "action": "error", "contact": "x" * 400}])

    assert selectors.import_batch_rows(batch=batch).get().contact == "x" * ImportBatchRow.CONTACT_LENGTH


def test_a_real_import_records_a_row_per_spreadsheet_row(do_import, afm):
    data = csv_bytes([["Naam", "E-mail", "Functie"], ["Ans Kok", "ans@var.example", ""], ["Bo Vos", "bo@", ""]])
    result = do_import(data, file_name="a.csv", network=afm, skip_invalid=True)

    rows = list(selectors.import_batch_rows(batch=result.batch))

    ans = Contact.objects.get(email="ans@var.example")
    assert [(r.row, r.action, r.contact, r.contact_id) for r in rows] == [
        (2, "new", "Ans Kok", ans.pk),
        (3, "skipped", "Bo Vos", None),
    ]
    assert rows[0].membership_id == ans.memberships.get().pk
    assert rows[1].messages


def test_the_batch_page_shows_the_rows_a_page_at_a_time(client, actor, batch, monkeypatch):
    monkeypatch.setattr(import_views, "BATCH_ROWS_PER_PAGE", 3)
    contact = ContactFactory(first_name="Bas", last_name="de Wit")
    results = [dict(result) for result in RESULTS]
    results[1]["contact_id"] = contact.pk
    services.import_batch_record(batch=batch, counts={}, results=results)
    client.force_login(actor)
    url = reverse("network:import-batch", kwargs={"pk": batch.pk})

    first = client.get(url).content.decode()
    last = client.get(url, {"page": 3}).content.decode()

    assert "Rij 1–3 van 7 rijen." in first and "Pagina 1 van 3" in first
    assert f'<a href="{reverse("network:contact-detail", args=[contact.pk])}">Bas de Wit</a>' in first
    assert "<del>oud</del> → <ins>nieuw</ins>" in first
    assert "Gemeente &#x27;Gotham&#x27; bestaat niet" in first
    assert "Els" not in first
    assert "Els" in last and "Anouk Verbeek" not in last


def test_the_admin_batch_page_shows_the_first_rows_and_links_to_all(client, superuser, batch, monkeypatch):
    from network.admin import importing as admin_importing

    monkeypatch.setattr(admin_importing, "ADMIN_BATCH_ROWS", 5)
    services.import_batch_record(batch=batch, counts={}, results=RESULTS)
    client.force_login(superuser)

    page = client.get(reverse("admin:network_importbatch_change", args=[batch.pk])).content.decode()

    assert "Anouk Verbeek" in page and "Nieuwe organisatie aangemaakt" in page
    assert "job_title: oud → nieuw" in page
    assert "Dirk" not in page
    assert "Hier de eerste 5 rijen" in page
    assert reverse("network:import-batch", args=[batch.pk]) in page


def test_the_api_batch_detail_lists_the_results_as_before(actor, batch, django_assert_num_queries):
    services.import_batch_record(batch=batch, counts={}, results=RESULTS)
    api = APIClient()
    api.force_authenticate(type(actor).objects.get(pk=actor.pk))  # its permissions are read again

    with django_assert_num_queries(4):  # the batch with its users and network, the rows, the actor's permissions
        response = api.get(f"/api/v1/import-batches/{batch.pk}/")

    assert response.status_code == 200
    assert response.json()["results"] == RESULTS
    assert "results" not in api.get("/api/v1/import-batches/").json()["results"][0]


def test_undo_is_refused_when_a_later_sync_ended_a_role_the_batch_created(do_import, afm):
    ans = csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]])
    first = do_import(ans, file_name="a.csv", network=afm, as_of=D(2021, 1, 1))
    later = do_import(
        csv_bytes([["Naam", "E-mail"], ["Bo Vos", "bo@var.example"]]), file_name="b.csv", network=afm, sync=True
    )
    assert later.summary["memberships"]["ended"] == 1

    with pytest.raises(ConflictError, match=f"de latere import #{later.batch.pk} \\(b.csv\\) bouwt erop voort"):
        services.import_undo(actor=None, batch=first.batch)


def test_undo_goes_ahead_when_later_batches_touched_other_contacts(do_import, afm):
    first = do_import(csv_bytes([["Naam", "E-mail"], ["Ans Kok", "ans@var.example"]]), file_name="a.csv", network=afm)
    do_import(csv_bytes([["Naam", "E-mail"], ["Bo Vos", "bo@var.example"]]), file_name="b.csv", network=afm)

    services.import_undo(actor=None, batch=first.batch)

    assert list(Contact.objects.values_list("email", flat=True)) == ["bo@var.example"]
    assert selectors.import_batch_rows(batch=first.batch).count() == 1  # the record of what the import did stays
