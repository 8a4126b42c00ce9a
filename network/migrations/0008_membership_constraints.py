"""One open role per seat on every database; on PostgreSQL also no overlapping periods for the same seat."""

import django.db.models.functions.comparison
from django.db import migrations, models

EXCLUSION = "membership_no_overlapping_periods"


class PostgreSQLOnly(migrations.RunSQL):
    """Raw SQL that only PostgreSQL understands; a no-op on SQLite, which keeps the unique constraint only."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0007_titles_aliases_column_mappings"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                models.F("contact"),
                models.F("network"),
                models.F("role"),
                django.db.models.functions.comparison.Coalesce(
                    models.F("gemeente"), models.Value(0), output_field=models.BigIntegerField()
                ),
                condition=models.Q(("end_date__isnull", True)),
                name="membership_one_open_per_seat",
                violation_error_message="Deze persoon heeft deze rol in dit netwerk al zonder einddatum.",
            ),
        ),
        # Both days inclusive ('[]'); no end date is an open upper bound. btree_gist lets a GiST index compare
        # the plain columns with `=` next to the date range's `&&` (overlaps); it is a trusted extension.
        PostgreSQLOnly(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                f"ALTER TABLE network_membership ADD CONSTRAINT {EXCLUSION} EXCLUDE USING gist ("
                "contact_id WITH =, network_id WITH =, role WITH =, (COALESCE(gemeente_id, 0)) WITH =, "
                "daterange(start_date, end_date, '[]') WITH &&)",
            ],
            reverse_sql=[f"ALTER TABLE network_membership DROP CONSTRAINT {EXCLUSION}"],
        ),
    ]
