"""Issue 13 item 4 (first half): every datetime a page shows is in Europe/Amsterdam, not UTC."""

import datetime

from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import ExportLog
from network.models import ImportBatch
from network.templatetags.network_web import nl_date

# 22:30 UTC on 1 July is 00:30 the next day in Amsterdam (summer time); 23:30 UTC on 1 January is 00:30 (winter).
SUMMER = datetime.datetime(2024, 7, 1, 22, 30, tzinfo=datetime.UTC)
WINTER = datetime.datetime(2024, 1, 1, 23, 30, tzinfo=datetime.UTC)


def test_nl_date_shows_aware_datetimes_in_amsterdam_time():
    assert nl_date(SUMMER) == "02-07-2024 00:30"
    assert nl_date(WINTER) == "02-01-2024 00:30"
    assert nl_date(datetime.date(2024, 7, 1)) == "01-07-2024"


def test_import_page_dashboard_and_batch_page_show_local_time(kernteam_client, kernteam, actor):
    kernteam.user_permissions.add(Permission.objects.get(codename="import_lists"))
    batch = ImportBatch.objects.create(
        file_name="lijst.xlsx", sha256="b" * 64, as_of=datetime.date(2024, 7, 1), user=actor
    )
    ImportBatch.objects.filter(pk=batch.pk).update(created=SUMMER)
    for url in (
        reverse("network:import-upload"),
        reverse("network:dashboard"),
        reverse("network:import-batch", kwargs={"pk": batch.pk}),
    ):
        html = kernteam_client.get(url).content.decode()
        assert "02-07-2024 00:30" in html, url
        assert "01-07-2024 22:30" not in html, url


def test_export_log_names_its_time_in_amsterdam(actor):
    log = ExportLog.objects.create(user=actor, list_name="Lijst", rows=1, format="csv")
    ExportLog.objects.filter(pk=log.pk).update(created=WINTER)
    log.refresh_from_db()
    assert str(log).startswith("02-01-2024 00:30 ")
