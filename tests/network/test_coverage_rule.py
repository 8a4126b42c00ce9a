"""The coverage rule of DOMAIN.md, decided by one function for every coverage path, and the board's export."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from network import services
from network.choices import CoverageStatus, ParticipationStatus
from network.models import Network
from network.selectors import coverage_status
from tests.factories import MembershipFactory, OutreachFactory, UserFactory, gemeente, network

C, D, P, T = CoverageStatus.COVERED, CoverageStatus.DECLINED, CoverageStatus.IN_PROGRESS, CoverageStatus.TO_APPROACH

# participation status in force → (status without recent outreach, status with recent outreach), no active role.
WITHOUT_ROLE = {
    None: (T, P),
    ParticipationStatus.NOT_APPROACHED: (T, P),
    ParticipationStatus.APPROACHED: (P, P),
    ParticipationStatus.IN_TALKS: (P, P),
    ParticipationStatus.PARTICIPANT: (C, C),
    ParticipationStatus.DECLINED: (D, D),
    ParticipationStatus.STOPPED: (D, D),
}


def test_the_table_names_every_participation_status():
    assert set(WITHOUT_ROLE) - {None} == set(ParticipationStatus)


@pytest.mark.parametrize("participation_status", list(WITHOUT_ROLE))
@pytest.mark.parametrize("recent_outreach", [False, True])
@pytest.mark.parametrize("has_active_role", [False, True])
def test_coverage_status_for_every_combination(has_active_role, participation_status, recent_outreach):
    expected = C if has_active_role else WITHOUT_ROLE[participation_status][recent_outreach]
    status = coverage_status(
        has_active_role=has_active_role, participation_status=participation_status, recent_outreach=recent_outreach
    )
    assert status == expected


@pytest.fixture
def exporter_client(client, db):
    user = UserFactory(username="exporteur")
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="network", codename__startswith="view_")
        | Permission.objects.filter(codename="export_lists")
    )
    client.force_login(user)
    return client


def _export(client, django_assert_num_queries, queries):
    url = reverse("network:coverage-export", kwargs={"fmt": "xlsx"})
    with django_assert_num_queries(queries):
        response = client.get(url, {"date": "2021-03-01", "region": "RR"})
    assert response.status_code == 200
    return list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))


def test_coverage_export_costs_the_same_queries_whatever_the_number_of_networks(
    exporter_client, actor, django_assert_num_queries
):
    hackshield = network("hackshield")
    schiedam = gemeente("GM0606")
    holder = MembershipFactory(network=hackshield, gemeente=schiedam, start_date=datetime.date(2020, 1, 1))
    OutreachFactory(
        network=hackshield,
        gemeente=gemeente("GM0599"),
        date=datetime.date(2021, 2, 1),
        follow_up_date=datetime.date(2021, 4, 1),
    )
    services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0622"), network=hackshield, status="afgewezen", on=datetime.date(2021, 1, 5)
    )
    networks_before = Network.objects.filter(per_gemeente=True).count()
    rows = _export(exporter_client, django_assert_num_queries, 13)
    assert len(rows[0]) == 3 + 4 * networks_before
    column = rows[0].index("HackShield – status")
    by_code = {row[1]: row for row in rows[1:]}
    assert by_code["GM0606"][column : column + 2] == ("Gedekt", holder.contact.full_name)
    assert by_code["GM0599"][column] == "In behandeling"
    assert by_code["GM0599"][column + 2].date() == datetime.date(2021, 2, 1)
    assert by_code["GM0599"][column + 3].date() == datetime.date(2021, 4, 1)
    assert by_code["GM0622"][column] == "Afgewezen"

    theme = hackshield.theme
    for number in range(3):
        extra = Network.objects.create(
            name=f"Extra netwerk {number}",
            slug=f"extra-{number}",
            theme=theme,
            level=hackshield.level,
            kind=hackshield.kind,
            per_gemeente=True,
        )
        MembershipFactory(network=extra, gemeente=schiedam)
    rows = _export(exporter_client, django_assert_num_queries, 13)
    assert len(rows[0]) == 3 + 4 * (networks_before + 3)
