"""A batch's per-row results move from one JSON value (`ImportBatch.results`) to rows of `ImportBatchRow`.

The copy reads one batch's results at a time and writes its rows in chunks; it keeps the rows' order (by id) and
stamps them with the batch's own time. Backwards, each batch's rows become its results list again. The mapping is
written out here, not imported from the model, so this migration keeps working when the model moves on.
"""

import django.core.serializers.json
import django.db.models.deletion
from django.db import migrations, models

CHUNK = 2000
COLUMNS = ("row", "action", "contact", "contact_id", "membership_id")
CONTACT_LENGTH = 300


def _chunks(items: list):
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def copy_results_to_rows(apps, schema_editor):
    ImportBatch = apps.get_model("network", "ImportBatch")
    ImportBatchRow = apps.get_model("network", "ImportBatchRow")
    batches = ImportBatch.objects.using(schema_editor.connection.alias)
    rows = ImportBatchRow.objects.using(schema_editor.connection.alias)
    for pk in list(batches.order_by("pk").values_list("pk", flat=True)):
        results, stamp = batches.filter(pk=pk).values_list("results", "updated").get()
        if not results:
            continue
        for chunk in _chunks(results):
            rows.bulk_create(
                ImportBatchRow(
                    batch_id=pk,
                    row=result.get("row"),
                    action=result.get("action") or "",
                    contact=(result.get("contact") or "")[:CONTACT_LENGTH],
                    contact_id=result.get("contact_id"),
                    membership_id=result.get("membership_id"),
                    details={key: value for key, value in result.items() if key not in COLUMNS},
                )
                for result in chunk
            )
        # bulk_create stamps today's date (auto_now); the rows were recorded with their batch.
        rows.filter(batch_id=pk).update(created=stamp, updated=stamp)


def copy_rows_to_results(apps, schema_editor):
    ImportBatch = apps.get_model("network", "ImportBatch")
    ImportBatchRow = apps.get_model("network", "ImportBatchRow")
    batches = ImportBatch.objects.using(schema_editor.connection.alias)
    rows = ImportBatchRow.objects.using(schema_editor.connection.alias)
    for pk in list(rows.order_by("batch_id").values_list("batch_id", flat=True).distinct()):
        results = []
        for row, action, contact, contact_id, membership_id, details in (
            rows.filter(batch_id=pk).order_by("id").values_list(*COLUMNS, "details").iterator(chunk_size=CHUNK)
        ):
            result = {"row": row, "action": action, "contact": contact, "contact_id": contact_id}
            if membership_id is not None:
                result["membership_id"] = membership_id
            result.update(details)
            results.append(result)
        batches.filter(pk=pk).update(results=results)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0009_events"),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportBatchRow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="gewijzigd")),
                (
                    "row",
                    models.PositiveIntegerField(
                        blank=True, help_text="Rijnummer in het bestand", null=True, verbose_name="rij"
                    ),
                ),
                ("action", models.CharField(max_length=20, verbose_name="actie")),
                ("contact", models.CharField(blank=True, max_length=300, verbose_name="contactpersoon")),
                ("contact_id", models.PositiveBigIntegerField(blank=True, null=True, verbose_name="contactpersoon-id")),
                ("membership_id", models.PositiveBigIntegerField(blank=True, null=True, verbose_name="rol-id")),
                (
                    "details",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        help_text="Wijzigingen, meldingen en wat de import verder over de rij vastlegde",
                        verbose_name="details",
                    ),
                ),
                (
                    "batch",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rows",
                        to="network.importbatch",
                        verbose_name="importbatch",
                    ),
                ),
            ],
            options={
                "verbose_name": "importrij",
                "verbose_name_plural": "importrijen",
                "ordering": ["batch_id", "id"],
                "indexes": [models.Index(fields=["batch", "id"], name="network_importrow_batch_id")],
            },
        ),
        migrations.RunPython(copy_results_to_rows, copy_rows_to_results),
        migrations.RemoveField(
            model_name="importbatch",
            name="results",
        ),
    ]
