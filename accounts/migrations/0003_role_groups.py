"""Create the four role groups (beheerder, kernteam, netwerkcoördinator, raadpleger) with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_role_groups(apps, schema_editor):
    from accounts.services import sync_role_groups

    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(group_model=apps.get_model("auth", "Group"), permission_model=apps.get_model("auth", "Permission"))


def remove_role_groups(apps, schema_editor):
    from accounts.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_coordinators_exportlog_permissions"),
        ("network", "0002_reference_data"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
