"""Fixtures for events: an event, people in the registry, and small Teams and Zoom reports made here."""

import datetime

import pytest

from network import services
from network.choices import EventFormat, EventKind, EventStatus
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, gemeente, user_with_role

EVENT_DAY = datetime.date(2021, 10, 28)


@pytest.fixture
def raadpleger(db):
    return user_with_role("raadpleger")


@pytest.fixture
def event(actor):
    return services.event_create(
        actor=actor,
        title="Najaarscarrousel 2021",
        kind=EventKind.CAROUSEL,
        date=EVENT_DAY,
        format=EventFormat.DIGITAL,
        status=EventStatus.HELD,
    )


@pytest.fixture
def people(db):
    """Jan (Schiedam, e-mail known), Fatima (Rotterdam; known by name at the Politie), Piet de Vries (no role)."""
    politie = OrganisationFactory(name="Politie Rotterdam", slug="politie-rotterdam")
    jan = ContactFactory(first_name="Jan", last_name="Jansen", email="jan.jansen@schiedam.example")
    fatima = ContactFactory(
        first_name="Fatima", last_name="El Amrani", email="f.elamrani@politie.example", organisation=politie
    )
    piet = ContactFactory(first_name="Piet", tussenvoegsel="de", last_name="Vries", email="piet@elders.example")
    MembershipFactory(contact=jan, gemeente=gemeente("GM0606"), start_date=datetime.date(2020, 1, 1))
    MembershipFactory(contact=fatima, gemeente=gemeente("GM0599"), start_date=datetime.date(2020, 1, 1))
    return {"jan": jan, "fatima": fatima, "piet": piet, "politie": politie}


def teams_report(*, dutch: bool, us_dates: bool, with_activities: bool = True) -> bytes:
    """A Teams attendance report as Teams writes it: UTF-16 with BOM, tabs, numbered sections. Jan rejoined once
    (30 + 45 minutes); an organiser; a guest without e-mail."""

    def stamp(hour, minute):
        if us_dates:
            half = "AM" if hour < 12 else "PM"
            return f"10/28/21, {(hour - 1) % 12 + 1}:{minute:02d}:00 {half}"
        return f"28-10-2021 {hour:02d}:{minute:02d}:00"

    if dutch:
        labels = ("1. Samenvatting", "Titel van vergadering", "Begintijd", "2. Deelnemers",
                  ["Naam", "Eerste deelname", "Laatste vertrek", "Duur in vergadering", "E-mail",
                   "Deelnemer-id (UPN)", "Rol"],
                  "3. Activiteiten tijdens vergadering",
                  ["Naam", "Tijdstip van deelname", "Tijdstip van vertrek", "Duur", "E-mail", "Rol"],
                  "Organisator", "Presentator", ("1 u 15 min", "30 min", "45 min", "2 u", "50 min 40 s"))  # fmt: skip
    else:
        labels = ("1. Summary", "Meeting title", "Start time", "2. Participants",
                  ["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Participant ID (UPN)", "Role"],
                  "3. In-Meeting Activities", ["Name", "Join Time", "Leave Time", "Duration", "Email", "Role"],
                  "Organizer", "Presenter", ("1h 15m", "30m", "45m", "2h", "50m 40s"))  # fmt: skip
    summary, title, start, part, part_head, act, act_head, organiser, presenter, d = labels
    lines = [
        summary,
        f"{title}\tNajaarscarrousel",
        f"{start}\t{stamp(9, 0)}",
        "",
        part,
        "\t".join(part_head),
        f"Jan Jansen\t{stamp(9, 0)}\t{stamp(10, 45)}\t{d[0]}\tJan.Jansen@schiedam.example\t"
        f"jan@schiedam.example\t{presenter}",
        f"Kim Kernteam\t{stamp(8, 55)}\t{stamp(11, 0)}\t{d[3]}\tkim@var.example\tkim@var.example\t{organiser}",
        f"Fatima El Amrani (Gast)\t{stamp(9, 10)}\t{stamp(10, 0)}\t{d[4]}\t\t\t{presenter}",
        "",
    ]
    if with_activities:
        lines += [
            act,
            "\t".join(act_head),
            f"Jan Jansen\t{stamp(9, 0)}\t{stamp(9, 30)}\t{d[1]}\tJan.Jansen@schiedam.example\t{presenter}",
            f"Jan Jansen\t{stamp(10, 0)}\t{stamp(10, 45)}\t{d[2]}\tJan.Jansen@schiedam.example\t{presenter}",
            f"Kim Kernteam\t{stamp(8, 55)}\t{stamp(11, 0)}\t{d[3]}\tkim@var.example\t{organiser}",
        ]
    return "\r\n".join(lines).encode("utf-16")


def zoom_participants(*, rejoin: bool = True) -> bytes:
    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
        "123 4567 8901,Najaarscarrousel 2021,10/28/2021 09:00:00 AM,10/28/2021 12:00:00 PM,kim@var.example,180,3,",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent",
        "Jan Jansen,jan.jansen@schiedam.example,10/28/2021 09:01:00 AM,10/28/2021 10:00:00 AM,59,No,",
        "Piet de Vries (Gemeente X),,10/28/2021 09:05:00 AM,10/28/2021 11:00:00 AM,115,Yes,",
    ]
    if rejoin:
        lines.append("Jan Jansen,jan.jansen@schiedam.example,10/28/2021 10:10:00 AM,10/28/2021 11:00:00 AM,50,No,")
    return "\n".join(lines).encode("utf-8")


def zoom_webinar() -> bytes:
    lines = [
        "Attendee Report,",
        'Report Generated:,"10/29/2021 08:00 AM"',
        "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,",
        "Webinar vastgoedbranche,987 6543 2100,10/28/2021 09:00:00 AM,90,3,0,2,",
        "Host Details,",
        "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,",
        "Yes,Kim Kernteam,kim@var.example,10/28/2021 08:50:00 AM,10/28/2021 10:30:00 AM,100,No,",
        "Panelist Details,",
        "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,",
        "Yes,Fatima El Amrani,f.elamrani@politie.example,10/28/2021 08:55:00 AM,10/28/2021 10:30:00 AM,95,No,",
        "Attendee Details,",
        "Attended,First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,"
        "Time in Session (minutes),Is Guest,Country/Region Name,",
        "Yes,Jan,Jansen,jan.jansen@schiedam.example,10/20/2021 10:00:00 AM,approved,"
        "10/28/2021 09:00:00 AM,10/28/2021 09:40:00 AM,40,Yes,Netherlands,",
        "Yes,Jan,Jansen,jan.jansen@schiedam.example,10/20/2021 10:00:00 AM,approved,"
        "10/28/2021 09:50:00 AM,10/28/2021 10:20:00 AM,30,Yes,Netherlands,",
        "No,Piet,de Vries,piet@elders.example,10/21/2021 10:00:00 AM,approved,--,--,--,Yes,Netherlands,",
    ]
    return "\n".join(lines).encode("utf-8")


def registration_csv() -> bytes:
    lines = [
        "Aanmeldingen Najaarscarrousel 2021;;;;",
        "Naam;E-mail;Organisatie;Gemeente;Aanwezig",
        "Jan Jansen;jan.jansen@schiedam.example;Gemeente Schiedam;Schiedam;ja",
        "Fatima El Amrani;;Politie Rotterdam;Rotterdam;ja",
        "Piet de Vries;;Gemeente Vlaardingen;Vlaardingen;nee",
        "Petra Nieuw;petra@nieuw.example;Bureau Nieuw;Den Haag;ja",
    ]
    return "\n".join(lines).encode("cp1252")
