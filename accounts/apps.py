from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, using="default", **kwargs):
    """Give the role groups the permissions of models that arrived after the roles migration."""
    from django.contrib.auth.models import Group, Permission

    from .services import sync_role_groups

    if Permission.objects.using(using).exists():
        sync_role_groups(group_model=Group, permission_model=Permission)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Gebruikers en toegang"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import auth  # noqa: F401  (connects the lockout signal receiver)
        from .middleware import remember_second_factor, stamp_activity

        post_migrate.connect(_sync_roles, dispatch_uid="accounts.sync_roles")
        user_logged_in.connect(stamp_activity, dispatch_uid="accounts.stamp_activity")
        user_logged_in.connect(remember_second_factor, dispatch_uid="accounts.remember_second_factor")
