"""The AVG retention review list moves from the accounts app to the network app (the proxy of Contact).

Its content type is renamed instead of recreated, so its permissions, and any group or user holding them,
come along; on a fresh database there is nothing to rename.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    if content_types.filter(app_label="network", model="retentionreviewcontact").exists():
        return
    content_types.filter(app_label="accounts", model="retentionreviewcontact").update(app_label="network")


def move_content_type_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    if content_types.filter(app_label="accounts", model="retentionreviewcontact").exists():
        return
    content_types.filter(app_label="network", model="retentionreviewcontact").update(app_label="accounts")


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0004_avg_purpose_lawful_basis_anonymised'),
        ('accounts', '0005_delete_retentionreviewcontact'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='RetentionReviewContact',
            fields=[
            ],
            options={
                'verbose_name': 'contactpersoon voorbij de bewaartermijn',
                'verbose_name_plural': 'AVG: voorbij de bewaartermijn',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('network.contact',),
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
