import csv
import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings

from network.models import Gemeente, Network, Organisation, Region, Theme

MEMBERS_2021 = {
    "RR": {"GM0613", "GM0489", "GM0501", "GM0502", "GM1924", "GM0530", "GM0542", "GM1621", "GM0556", "GM1930",
           "GM0597", "GM0599", "GM0606", "GM0622", "GM0614"},
    "ZHZ": {"GM0482", "GM0505", "GM0512", "GM0523", "GM0531", "GM1963", "GM1978", "GM0590", "GM0610", "GM0642"},
}  # fmt: skip


def test_migration_loads_the_26_gemeenten_with_their_regions(db):
    assert Gemeente.objects.count() == 26
    for region, codes in MEMBERS_2021.items():
        loaded = set(
            Gemeente.objects.filter(region__code=region, valid_from__isnull=True).values_list("code", flat=True)
        )
        loaded |= set(
            Gemeente.objects.filter(region__code=region, valid_from__lt=datetime.date(2021, 1, 1)).values_list(
                "code", flat=True
            )
        )
        assert loaded == codes
    assert set(Region.objects.values_list("code", flat=True)) == {"RR", "ZHZ"}


def test_members_are_25_in_2021_and_23_after_the_merger(db):
    assert Gemeente.objects.valid_on(datetime.date(2021, 3, 1)).count() == 25
    after = Gemeente.objects.valid_on(datetime.date(2023, 6, 1))
    assert after.count() == 23
    assert after.filter(code="GM1992").exists()
    assert not after.filter(code__in=["GM0501", "GM0530", "GM0614"]).exists()


def test_voorne_aan_zee_succeeds_the_three_merged_gemeenten(db):
    voorne = Gemeente.objects.get(code="GM1992")
    assert sorted(voorne.predecessors.values_list("name", flat=True)) == ["Brielle", "Hellevoetsluis", "Westvoorne"]
    assert voorne.valid_from == datetime.date(2023, 1, 1)
    for predecessor in voorne.predecessors.all():
        assert predecessor.valid_to == datetime.date(2022, 12, 31)


def test_reference_gemeenten_agree_with_the_shared_cbs_list(db):
    """The project ships its own copy; the shared CSV (CI lays it beside the clone) is the source to check."""
    source = Path(settings.BASE_DIR).parent / "shared" / "data" / "gemeenten.csv"
    if not source.exists() and os.environ.get("CI") != "true":
        pytest.skip(f"{source} ontbreekt op deze machine (CI legt shared/ naast de clone)")
    assert source.exists(), f"{source} is missing"
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 26
    for row in rows:
        gemeente = Gemeente.objects.select_related("region", "successor").get(code=row["cbs_code"])
        assert gemeente.name == row["name"]
        assert gemeente.region.code == row["region"]
        assert str(gemeente.valid_from or "") == row["valid_from"]
        assert str(gemeente.valid_to or "") == row["valid_to"]
        assert (gemeente.successor.code if gemeente.successor else "") == row["successor"]


def test_networks_of_the_report_are_loaded_with_their_slugs(db):
    slugs = set(Network.objects.values_list("slug", flat=True))
    assert {
        "var-bestuur",
        "regiegroep",
        "kernteam",
        "rvo",
        "db-rvo",
        "regionale-werkgroep-cybercrime",
        "regionale-tafel-mensenhandel",
        "aandachtsfunctionarissen-mensenhandel",
        "accounthouders-ondermijning",
        "hackshield",
        "drivergroep-huiselijk-geweld",
        "ambtelijk-netwerk-wvgzpvg",
        "netwerk-jeugd-en-veiligheid",
        "netwerk-veilig-wonen",
        "privacyplatform-eenheid-rotterdam",
        "platform-veilig-ondernemen",
        "cybernetwerk-zhe",
        "keurmerk-veilig-ondernemen",
    } <= slugs
    assert set(Network.objects.filter(per_gemeente=True).values_list("slug", flat=True)) == {
        "aandachtsfunctionarissen-mensenhandel",
        "accounthouders-ondermijning",
        "hackshield",
    }


def test_themes_are_grouped_in_the_four_clusters(db):
    clusters = set(Theme.objects.values_list("cluster", flat=True))
    assert clusters == {"algemeen", "veilig_ondernemen", "maatschappelijke_veiligheid", "integriteit_en_veiligheid"}
    assert Theme.objects.get(slug="mensenhandel").cluster == "integriteit_en_veiligheid"


def test_partner_organisations_and_one_per_gemeente(db):
    names = set(Organisation.objects.values_list("name", flat=True))
    assert {"Politie Eenheid Rotterdam", "Openbaar Ministerie", "RIEC Rotterdam", "CCV", "HackShield"} <= names
    assert Organisation.objects.filter(kind="gemeente").count() == 26
