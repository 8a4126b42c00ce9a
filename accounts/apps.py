from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, using="default", **kwargs):
    """Give the role groups the permissions of models that arrived after the roles migration."""
    from django.contrib.auth.models import Group, Permission

    from .services import sync_role_groups

    if Permission.objects.using(using).exists():
        sync_role_groups(group_model=Group, permission_model=Permission)


# Third-party apps in the admin, with the Dutch names a user reads there: (app label, verbose name) and
# (app label, model name) -> (singular, plural). Their own locales have no Dutch.
DUTCH_APP_NAMES = {
    "axes": "Inlogbeveiliging",
    "otp_totp": "Tweede factor (TOTP)",
    "authtoken": "API-sleutels",
}
DUTCH_MODEL_NAMES = {
    ("axes", "accessattempt"): ("mislukte inlogpoging", "mislukte inlogpogingen"),
    ("axes", "accessfailurelog"): ("mislukte inlog", "mislukte inlogs"),
    ("axes", "accesslog"): ("inlogregistratie", "inlogregistraties"),
    ("axes", "accessattemptexpiration"): ("verloop van een inlogpoging", "verloop van inlogpogingen"),
    ("otp_totp", "totpdevice"): ("authenticator-app", "authenticator-apps"),
    ("authtoken", "token"): ("API-sleutel", "API-sleutels"),
    ("authtoken", "tokenproxy"): ("API-sleutel", "API-sleutels"),
}


def _dutch_third_party_names(apps):
    """Rename the third-party admin sections; only display names, so migrations do not change."""
    for label, name in DUTCH_APP_NAMES.items():
        apps.get_app_config(label).verbose_name = name
    for (label, model_name), (singular, plural) in DUTCH_MODEL_NAMES.items():
        options = apps.get_model(label, model_name)._meta
        options.verbose_name, options.verbose_name_plural = singular, plural


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Gebruikers en toegang"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import auth  # noqa: F401  (connects the lockout signal receiver)
        from .middleware import remember_second_factor, stamp_activity

        _dutch_third_party_names(self.apps)
        post_migrate.connect(_sync_roles, dispatch_uid="accounts.sync_roles")
        user_logged_in.connect(stamp_activity, dispatch_uid="accounts.stamp_activity")
        user_logged_in.connect(remember_second_factor, dispatch_uid="accounts.remember_second_factor")
