"""The admin is set up with SimpleAdminConfig (no autodiscovery at start-up, so management commands start sooner);
its ModelAdmins are still registered for every request and still checked by `manage.py check`."""

from django.contrib import admin
from django.core.management import call_command

from network.apps import check_admin_after_autodiscover
from network.models import Contact, ImportBatch


def test_the_admin_check_imports_the_admin_modules_and_finds_no_errors():
    assert check_admin_after_autodiscover(None) == []
    assert admin.site.is_registered(Contact) and admin.site.is_registered(ImportBatch)


def test_manage_py_check_passes():
    call_command("check", fail_level="WARNING")


def test_the_admin_answers_through_the_urlconf(admin_client):
    assert admin_client.get("/admin/network/contact/").status_code == 200
