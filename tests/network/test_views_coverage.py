"""The quarterly coverage chart applies the same rule as network_coverage, from a fixed number of queries."""

import datetime

import pytest

from network import selectors, services
from network.views.charts import quarter_chart, tile_map
from tests.factories import MembershipFactory, OutreachFactory, gemeente

pytestmark = pytest.mark.django_db


def test_coverage_history_agrees_with_network_coverage_on_every_quarter(
    actor, hackshield, afm, django_assert_num_queries
):
    MembershipFactory(network=hackshield, gemeente=gemeente("GM0599"), start_date=datetime.date(2020, 6, 1))
    MembershipFactory(
        network=hackshield,
        gemeente=gemeente("GM0501"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0622"), network=hackshield, status="benaderd", on=datetime.date(2021, 2, 1)
    )
    services.participation_set_status(
        actor=actor, gemeente=gemeente("GM0622"), network=hackshield, status="afgewezen", on=datetime.date(2022, 5, 1)
    )
    OutreachFactory(gemeente=gemeente("GM0505"), network=hackshield, date=datetime.date(2021, 11, 20))
    dates = selectors.quarter_starts(start=datetime.date(2020, 1, 1), end=datetime.date(2024, 1, 1))
    assert len(dates) == 17
    with django_assert_num_queries(4):
        history = selectors.coverage_history(networks=[hackshield, afm], dates=dates)
    for network in (hackshield, afm):
        for point in history[network.id]:
            expected = selectors.network_coverage(network=network, on=point.date)
            assert point.counts == expected.summary, (network, point.date)
            assert point.counts_by_gemeente == {row.gemeente.id: row.status for row in expected.rows}


def test_quarter_chart_stacks_the_statuses_of_each_quarter(hackshield):
    dates = selectors.quarter_starts(start=datetime.date(2021, 1, 1), end=datetime.date(2021, 12, 31))
    points = selectors.coverage_history(networks=[hackshield], dates=dates)[hackshield.id]
    chart = quarter_chart(points)
    assert [bar.label for bar in chart.bars] == ["K1 2021", "K2 2021", "K3 2021", "K4 2021"]
    assert all(sum(s.count for s in bar.segments) == 25 for bar in chart.bars)


def test_tile_map_places_every_member_gemeente_once(hackshield):
    coverage = selectors.network_coverage(network=hackshield, on=datetime.date(2024, 1, 1))
    tiles, width, height = tile_map(coverage.rows)
    assert len(tiles) == 23
    assert len({(t.x, t.y) for t in tiles}) == 23
    assert width > 0 and height > 0
