"""The demo data reproduces the report's 2020 events and the 2021 plan; counts, reach and year figures on it."""

import pytest
from django.core.management import call_command

from network import selectors
from network.models import Attendee, Event


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def test_seed_demo_adds_the_reports_events_once(demo):
    first = (Event.objects.count(), Attendee.objects.count(), Attendee.history.count())
    call_command("seed_demo")
    assert (Event.objects.count(), Attendee.objects.count(), Attendee.history.count()) == first
    assert first[0] == 12


def test_year_2020_shows_what_the_report_says(demo):
    report = selectors.year_report(year=2020)
    events = report["events"]
    assert events["total"] == 8
    assert events["by_status"]["geannuleerd"] == 1
    pathe = next(e for e in events["list"] if e["slug"] == "fataal-pathe-rotterdam-2020")
    assert pathe["status"] == "geannuleerd"
    webinars = next(row for row in events["by_kind"] if row["kind"] == "webinar")
    assert webinars["anonymous_audience"] == 750 + 900
    voorjaar = next(e for e in events["list"] if e["slug"] == "voorjaarscarrousel-2020")
    assert voorjaar["counts"]["attended"] > 100
    najaar = Event.objects.get(slug="najaarscarrousel-2020")
    assert (najaar.date.isoformat(), najaar.format) == ("2020-10-29", "digitaal")
    training = Event.objects.get(slug="basistraining-radicalisering-2020")
    assert training.end_date > training.date
    assert report["people_reached"] >= 104
    assert report["gemeenten"]["reached_count"] > 0
    assert report["gemeenten"]["reached_count"] + report["gemeenten"]["not_reached_count"] >= 25
    hackshield = next(p for p in report["programmes"] if p["slug"] == "hackshield")
    assert (hackshield["participating_start"], hackshield["participating_end"]) == (0, 10)


def test_the_2021_plan_is_planned(demo):
    plan = selectors.year_report(year=2021)["events"]
    assert plan["by_status"]["gepland"] == 4
    assert {e["date"] for e in plan["list"]} >= {"2021-03-11", "2021-04-12", "2021-10-28"}


def test_event_counts_and_gemeenten_present(demo):
    event = selectors.event_get_for_page(slug="leerhuis-personen-met-verward-gedrag-2020")
    assert selectors.event_counts(event)["attended"] == 25
    codes = selectors.event_gemeente_codes(event=event)
    assert codes and all(code.startswith("GM") for code in codes)
    reach = selectors.reach(first=event.date, last=event.date, event=event)
    assert sorted(g.code for g in reach.reached) == codes
