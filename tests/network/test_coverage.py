import datetime

import pytest

from network import services
from network.demo import load_demo
from network.selectors import contacts_for_gemeente, group_by_theme, network_coverage
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory, gemeente, network

D = datetime.date
ON = D(2021, 3, 1)


def row_for(coverage, code):
    return next(row for row in coverage.rows if row.gemeente.code == code)


def test_every_member_is_to_approach_without_any_data(hackshield):
    coverage = network_coverage(network=hackshield, on=ON)
    assert len(coverage.rows) == 25
    assert coverage.summary == {"covered": 0, "in_progress": 0, "declined": 0, "to_approach": 25}


def test_an_active_membership_covers_the_gemeente_it_represents(afm, schiedam):
    membership = MembershipFactory(network=afm, gemeente=schiedam, start_date=D(2020, 9, 1))
    row = row_for(network_coverage(network=afm, on=ON), "GM0606")
    assert row.status == "covered"
    assert row.memberships == [membership]


def test_an_ended_membership_no_longer_covers(afm, schiedam):
    MembershipFactory(network=afm, gemeente=schiedam, start_date=D(2020, 1, 1), end_date=D(2021, 2, 28))
    assert row_for(network_coverage(network=afm, on=ON), "GM0606").status == "to_approach"
    assert row_for(network_coverage(network=afm, on=D(2021, 2, 28)), "GM0606").status == "covered"


def test_a_membership_in_another_network_does_not_cover(hackshield, schiedam, afm):
    MembershipFactory(network=afm, gemeente=schiedam, start_date=D(2020, 1, 1))
    assert row_for(network_coverage(network=hackshield, on=ON), "GM0606").status == "to_approach"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("deelnemer", "covered"),
        ("afgewezen", "declined"),
        ("gestopt", "declined"),
        ("benaderd", "in_progress"),
        ("in_gesprek", "in_progress"),
        ("niet_benaderd", "to_approach"),
    ],
)
def test_participation_status_on_the_date_decides(actor, hackshield, schiedam, status, expected):
    services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status=status, on=D(2021, 1, 5)
    )
    assert row_for(network_coverage(network=hackshield, on=ON), "GM0606").status == expected
    # The day before the status was set, it did not count yet.
    assert row_for(network_coverage(network=hackshield, on=D(2021, 1, 4)), "GM0606").status == "to_approach"


def test_a_membership_wins_over_a_declined_status(actor, hackshield, schiedam):
    services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status="afgewezen", on=D(2021, 1, 5)
    )
    MembershipFactory(network=hackshield, gemeente=schiedam, start_date=D(2021, 2, 1))
    assert row_for(network_coverage(network=hackshield, on=ON), "GM0606").status == "covered"


def test_declined_wins_over_recent_outreach(actor, hackshield, schiedam):
    services.participation_set_status(
        actor=actor, gemeente=schiedam, network=hackshield, status="gestopt", on=D(2021, 1, 5)
    )
    OutreachFactory(network=hackshield, gemeente=schiedam, date=D(2021, 2, 1))
    assert row_for(network_coverage(network=hackshield, on=ON), "GM0606").status == "declined"


def test_outreach_counts_as_in_progress_for_180_days(hackshield, schiedam):
    outreach = OutreachFactory(network=hackshield, gemeente=schiedam, date=D(2021, 1, 1), follow_up_date=D(2021, 3, 15))
    in_window = D(2021, 1, 1) + datetime.timedelta(days=180)
    row = row_for(network_coverage(network=hackshield, on=in_window), "GM0606")
    assert row.status == "in_progress"
    assert row.last_outreach == outreach
    assert row.next_follow_up == D(2021, 3, 15)
    after = row_for(network_coverage(network=hackshield, on=in_window + datetime.timedelta(days=1)), "GM0606")
    assert after.status == "to_approach"
    assert after.last_outreach == outreach  # still shown, just no longer recent


def test_outreach_after_the_date_is_not_known_on_it(hackshield, schiedam):
    OutreachFactory(network=hackshield, gemeente=schiedam, date=D(2021, 3, 2))
    row = row_for(network_coverage(network=hackshield, on=ON), "GM0606")
    assert (row.status, row.last_outreach) == ("to_approach", None)


def test_outreach_for_another_network_does_not_count(hackshield, afm, schiedam):
    OutreachFactory(network=afm, gemeente=schiedam, date=D(2021, 2, 1))
    assert row_for(network_coverage(network=hackshield, on=ON), "GM0606").status == "to_approach"


def test_coverage_before_the_merger_lists_the_old_three(afm):
    codes = {row.gemeente.code for row in network_coverage(network=afm, on=D(2022, 12, 31)).rows}
    assert len(codes) == 25
    assert {"GM0501", "GM0530", "GM0614"} <= codes
    assert "GM1992" not in codes


def test_after_the_merger_voorne_aan_zee_needs_its_own_contact_and_gets_leads(afm):
    brielle, hellevoetsluis = gemeente("GM0501"), gemeente("GM0530")
    old_brielle = MembershipFactory(network=afm, gemeente=brielle, start_date=D(2019, 1, 1), end_date=D(2020, 8, 31))
    last_brielle = MembershipFactory(network=afm, gemeente=brielle, start_date=D(2020, 9, 1), end_date=D(2022, 12, 31))
    last_hellevoet = MembershipFactory(network=afm, gemeente=hellevoetsluis, start_date=D(2020, 9, 1))
    coverage = network_coverage(network=afm, on=D(2023, 6, 1))
    assert len(coverage.rows) == 23
    row = row_for(coverage, "GM1992")
    assert row.status == "to_approach"
    assert set(row.leads) == {last_brielle, last_hellevoet}
    assert old_brielle not in row.leads
    MembershipFactory(network=afm, gemeente=gemeente("GM1992"), start_date=D(2023, 2, 1))
    row = row_for(network_coverage(network=afm, on=D(2023, 6, 1)), "GM1992")
    assert (row.status, row.leads) == ("covered", [])


def test_demo_reproduces_the_report_hackshield_state(actor):
    load_demo(today=D(2026, 11, 28))
    assert network_coverage(network=network("hackshield"), on=ON).summary == {
        "covered": 10,
        "in_progress": 0,
        "declined": 0,
        "to_approach": 15,
    }


def test_coverage_takes_a_fixed_number_of_queries(django_assert_num_queries, actor, afm, hackshield):
    load_demo(today=D(2026, 11, 28))
    for index, code in enumerate(["GM0482", "GM0512", "GM1978"]):
        OutreachFactory(network=afm, gemeente=gemeente(code), date=D(2023, 1, 10 + index), user=actor)
    with django_assert_num_queries(6):
        coverage = network_coverage(network=afm, on=D(2023, 6, 1))
        summary = coverage.summary
        seen = []
        for row in coverage.rows:
            seen += [
                (m.contact.full_name, m.contact.organisation and m.contact.organisation.name) for m in row.memberships
            ]
            seen += [lead.contact.full_name for lead in row.leads]
            seen.append(row.last_outreach and (row.last_outreach.user, row.last_outreach.contact))
            seen.append(row.participation and row.participation.changed_by)
            seen.append(row.gemeente.region.code)
    assert sum(summary.values()) == 23


def test_gemeente_contacts_on_a_date_show_who_it_was_then(actor, afm, schiedam):
    old = MembershipFactory(network=afm, gemeente=schiedam, start_date=D(2020, 9, 1))
    new = services.membership_handover(actor=actor, membership=old, successor=ContactFactory(), on=D(2022, 4, 1))
    assert list(contacts_for_gemeente(gemeente=schiedam, on=D(2021, 3, 1))) == [old]
    assert list(contacts_for_gemeente(gemeente=schiedam, on=D(2022, 4, 1))) == [new]


def test_gemeente_contacts_are_grouped_by_theme_and_network(django_assert_num_queries, actor, schiedam):
    load_demo(today=D(2026, 11, 28))
    with django_assert_num_queries(1):
        groups = group_by_theme(contacts_for_gemeente(gemeente=schiedam, on=D(2021, 3, 1)))
        names = [(g.theme.name, [n.network.slug for n in g.networks]) for g in groups]
        [m.contact.organisation.name for g in groups for n in g.networks for m in n.memberships]
    assert names == [
        ("Cybercriminaliteit", ["hackshield"]),
        ("Ondermijning", ["accounthouders-ondermijning"]),
        ("Mensenhandel", ["aandachtsfunctionarissen-mensenhandel"]),
    ]
