import sqlite3

from django.apps import AppConfig
from django.core import checks
from django.db.backends.signals import connection_created


def use_sqlite_parameter_limit(sender, connection, **kwargs) -> None:
    """Let Django use the SQLite library's real parameter limit instead of its default guess of 999.

    Without it the importer's batched writes split into many more statements on SQLite than on
    PostgreSQL, so an import's query count would depend on the database.
    """
    if connection.vendor == "sqlite":
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        connection.features.max_query_params = max(999, limit)


def check_admin_after_autodiscover(app_configs, **kwargs) -> list:
    """Django's admin checks over every ModelAdmin: the admin modules are imported first (the project uses
    SimpleAdminConfig, which imports them only with the URLconf, and checks run in no fixed order)."""
    from django.contrib import admin
    from django.contrib.admin.checks import check_admin_app

    admin.autodiscover()
    return check_admin_app(app_configs)


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Netwerkregister"

    def ready(self) -> None:
        connection_created.connect(use_sqlite_parameter_limit, dispatch_uid="network.sqlite_parameter_limit")
        checks.register(check_admin_after_autodiscover, checks.Tags.admin)
