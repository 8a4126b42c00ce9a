"""Issue 13 item 2: the contact list sorts, exports what it shows, shows roles on its date and hints at duplicates."""

import csv
import datetime
import io
import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import ExportLog
from network import services
from tests.factories import ContactFactory, OrganisationFactory, gemeente, network

LIST = "/contactpersonen/"


@pytest.fixture
def exporter_client(client, kernteam):
    kernteam.user_permissions.add(Permission.objects.get(codename="export_lists"))
    client.force_login(kernteam)
    return client


def names(html: str) -> list[str]:
    """The names in the list's rows as a person reads them (Faker's Dutch surnames include "van 't Riet")."""
    return [unescape(name) for name in re.findall(r'<th scope="row"><a href="/contactpersonen/\d+/">([^<]+)</a>', html)]


def test_columns_sort_both_ways(kernteam_client, registry):
    ContactFactory(first_name="Aart", last_name="Zwart", organisation=OrganisationFactory(name="Aaa Gemeente"))
    ContactFactory(first_name="Zeno", last_name="Aalders", organisation=OrganisationFactory(name="Zzz Politie"))
    by_org = names(kernteam_client.get(LIST, {"sort": "organisatie"}).content.decode())
    assert by_org.index("Zwart, Aart") < by_org.index("Aalders, Zeno")
    html = kernteam_client.get(LIST, {"sort": "-naam"}).content.decode()
    assert names(html).index("Zwart, Aart") < names(html).index("Aalders, Zeno")
    assert 'aria-sort="descending"><a href="?sort=naam">Naam' in html


def test_roles_are_the_ones_held_on_the_chosen_date(kernteam_client, registry, django_assert_num_queries):
    today = kernteam_client.get(LIST, {"search": "Functionaris"}).content.decode()
    old_row = today.split("Functionaris, Oud")[1].split("</tr>")[0]
    assert "Aandachtsfunctionaris" not in old_row  # the role ended in 2022
    with django_assert_num_queries(9):
        past = kernteam_client.get(LIST, {"search": "Functionaris", "active_on": "2021-03-01"}).content.decode()
    old_row = past.split("Functionaris, Oud")[1].split("</tr>")[0]
    assert "Aandachtsfunctionarissen mensenhandel (Schiedam)" in old_row
    assert "Rollen op 01-03-2021" in past


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_downloads_what_is_shown_and_is_logged(exporter_client, registry, fmt, django_assert_num_queries):
    url = reverse("network:contact-list-export", kwargs={"fmt": fmt})
    query = {"search": "Functionaris", "active_on": "2021-03-01", "sort": "-naam"}
    with django_assert_num_queries(9):
        response = exporter_client.get(url, query)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="contactpersonen-2021-03-01.{fmt}"'
    log = ExportLog.objects.get()
    assert (log.list_name, log.format) == ("Contactpersonen", fmt)
    assert log.filters["active_on"] == "2021-03-01"
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    else:
        from openpyxl import load_workbook

        rows = [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    assert rows[0][-1] == "Rollen op 01-03-2021"
    shown = names(exporter_client.get(LIST, query).content.decode())
    # The same people in the same order as the page, each with the roles held on the date.
    assert [f"{row[2]}, {row[0]}" for row in rows[1:]] == shown and log.rows == len(shown)
    old = next(row for row in rows[1:] if row[0] == "Oud")
    assert "Aandachtsfunctionarissen mensenhandel (Schiedam)" in old[-1]
    assert not any(row[0] == "Nieuw" for row in rows[1:])  # no role yet on 01-03-2021


def test_export_needs_the_export_right(kernteam_client, registry):
    response = kernteam_client.get(reverse("network:contact-list-export", kwargs={"fmt": "csv"}))
    assert response.status_code == 403
    assert not ExportLog.objects.exists()
    assert "contact-list-export" not in kernteam_client.get(LIST).content.decode()


def test_likely_duplicates_link_to_merging(kernteam_client, registry, actor):
    first = ContactFactory(first_name="Piet", last_name="Dubbel", email="p.dubbel@a.example")
    second = ContactFactory(first_name="P.", last_name="Dubbel", email="")
    services.membership_start(
        actor=actor, contact=first, network=network("hackshield"), gemeente=gemeente("GM0606"),
        start=datetime.date(2024, 1, 1),
    )  # fmt: skip
    html = kernteam_client.get(LIST, {"search": "Dubbel"}).content.decode()
    assert f'href="/contactpersonen/{first.pk}/samenvoegen/?duplicate={second.pk}"' in html
    assert f'href="/contactpersonen/{second.pk}/samenvoegen/?duplicate={first.pk}"' in html
    assert "Mogelijk dubbel met" in html
