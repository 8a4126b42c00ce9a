"""Migration 0010: the batches' JSON results become rows, and back again when the migration is reversed."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("network", "0009_events")]
AFTER = [("network", "0010_importbatchrow")]

OLD_RESULTS = [
    {"row": 4, "action": "new", "contact": "Anouk Verbeek", "contact_id": 11, "membership_id": 21},
    {
        "row": 5,
        "action": "updated",
        "contact": "Bas de Wit",
        "contact_id": 12,
        "changes": {"email": ["", "bas@var.example"]},
        "messages": ["Nieuwe organisatie aangemaakt"],
    },
    {"row": 6, "action": "error", "contact": "", "contact_id": None, "messages": ["Datum '31-02-2021' bestaat niet"]},
    {"row": 7, "action": "new", "contact": "Petra", "contact_id": 13, "matched_by": "email", "minutes": 42},
]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture
def migrator(transactional_db):
    """Runs the test between the two states, and leaves the database fully migrated again."""
    yield _migrate
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_results_become_rows_in_order_and_come_back_when_reversed(migrator, monkeypatch):
    old = migrator(BEFORE)
    batches = old.get_model("network", "ImportBatch")
    stamp = datetime.datetime(2021, 3, 1, 9, 30, tzinfo=datetime.UTC)
    common = {"sha256": "0" * 64, "as_of": datetime.date(2021, 3, 1)}
    full = batches.objects.create(file_name="a.csv", results=OLD_RESULTS, **common)
    batches.objects.filter(pk=full.pk).update(updated=stamp)
    empty = batches.objects.create(file_name="b.csv", results=[], **common)
    monkeypatch.setattr("network.migrations.0010_importbatchrow.CHUNK", 3)

    new = migrator(AFTER)

    rows = new.get_model("network", "ImportBatchRow").objects.order_by("id")
    assert [(r.batch_id, r.row, r.action, r.contact, r.contact_id, r.membership_id) for r in rows] == [
        (full.pk, 4, "new", "Anouk Verbeek", 11, 21),
        (full.pk, 5, "updated", "Bas de Wit", 12, None),
        (full.pk, 6, "error", "", None, None),
        (full.pk, 7, "new", "Petra", 13, None),
    ]
    assert [r.details for r in rows] == [
        {},
        {"changes": {"email": ["", "bas@var.example"]}, "messages": ["Nieuwe organisatie aangemaakt"]},
        {"messages": ["Datum '31-02-2021' bestaat niet"]},
        {"matched_by": "email", "minutes": 42},
    ]
    assert {(r.created, r.updated) for r in rows} == {(stamp, stamp)}
    assert not rows.filter(batch_id=empty.pk).exists()

    old = migrator(BEFORE)

    restored = old.get_model("network", "ImportBatch").objects.order_by("pk")
    assert [b.results for b in restored] == [OLD_RESULTS, []]
