"""The knowledge events of the annual report 2020 and the plan for 2021 (EVENTS.md), with fictional attendees.

Dates, kinds, formats, statuses and the webinars' anonymous audiences are the report's; where the report names
only a month or quarter the day is a stand-in (noted on the event). The attendees are the fictional demo
contacts plus a few attendance-only demo people. Loading twice changes nothing.
"""

import datetime

from . import services
from .choices import AttendeeRole, AttendeeStatus, EventFormat, EventKind, EventStatus
from .models import Contact, Event, Gemeente, Organisation, Theme

D = datetime.date
APPROXIMATE = "De dag is een benadering; het jaarverslag noemt alleen de maand of het kwartaal."

# slug, title, kind, date, end_date, format, status, location, themes, co-organisers, audience, present, notes
EVENTS = [
    ("introductiebijeenkomst-polarisatie-2020", "Introductiebijeenkomst polarisatie", EventKind.MEETING,
     D(2020, 2, 13), None, EventFormat.PHYSICAL, EventStatus.HELD, "", ["radicalisering-en-polarisatie"], [],
     None, 40, "Druk bezocht; daarna volgde een eerste groep een verdiepingstraining. " + APPROXIMATE),
    ("voorjaarscarrousel-2020", "Voorjaarscarrousel 2020", EventKind.CAROUSEL, D(2020, 3, 5), None,
     EventFormat.PHYSICAL, EventStatus.HELD, "", ["jeugd-en-veiligheid", "mensenhandel"], [], None, 104,
     "Ruim 100 deelnemers. Thema's: steekincidenten en drill, jeugdaanpak naar IJslands model, mensenhandel. "
     + APPROXIMATE),
    ("fataal-pathe-rotterdam-2020", "Fataal (film en Halt-les)", EventKind.MEETING, D(2020, 5, 14), None,
     EventFormat.PHYSICAL, EventStatus.CANCELLED, "Pathé Rotterdam", ["jeugd-en-veiligheid"], ["halt"], None, 0,
     "Geannuleerd vanwege de coronamaatregelen. " + APPROXIMATE),
    ("webinar-cyberveiligheid-ondernemers-2020", "Webinar cyberveiligheid voor ondernemers", EventKind.WEBINAR,
     D(2020, 6, 18), None, EventFormat.DIGITAL, EventStatus.HELD, "", ["cybercriminaliteit", "veilig-ondernemen"],
     ["ccv"], 750, 0, "Door 750 ondernemers bekeken. " + APPROXIMATE),
    ("leerhuis-personen-met-verward-gedrag-2020", "Leerhuis Personen met verward gedrag", EventKind.LEARNING_HOUSE,
     D(2020, 9, 3), None, EventFormat.PHYSICAL, EventStatus.HELD, "Alblasserdam", ["personen-met-verward-gedrag"],
     [], None, 25, "Anderhalvemeter-bijeenkomst; de andere Leerhuizen van 2020 vervielen."),
    ("webinar-vastgoedbranche-2020", "Webinar vastgoedbranche", EventKind.WEBINAR, D(2020, 10, 15), None,
     EventFormat.DIGITAL, EventStatus.HELD, "", ["veilig-ondernemen"], ["politie-eenheid-rotterdam"], 900, 0,
     "Met de politie en drie brancheverenigingen; door meer dan 900 personen bekeken. " + APPROXIMATE),
    ("najaarscarrousel-2020", "Najaarscarrousel 2020", EventKind.CAROUSEL, D(2020, 10, 29), None,
     EventFormat.DIGITAL, EventStatus.HELD, "", ["huiselijk-geweld", "jeugd-en-veiligheid"], [], None, 60,
     "Digitaal platform, netwerken in groepen van hoogstens zes. Thema's: stalking, maatschappelijke onrust."),
    ("basistraining-radicalisering-2020", "Basistraining Radicalisering en Multicultureel Vakmanschap",
     EventKind.TRAINING, D(2020, 11, 10), D(2020, 11, 12), EventFormat.PHYSICAL, EventStatus.HELD, "",
     ["radicalisering-en-polarisatie"], ["behr-groep"], None, 15, "Meerdaagse training. " + APPROXIMATE),
    ("voorjaarscarrousel-2021", "Voorjaarscarrousel 2021", EventKind.CAROUSEL, D(2021, 3, 11), None,
     EventFormat.DIGITAL, EventStatus.PLANNED, "", ["radicalisering-en-polarisatie"], [], None, 0,
     "Thema: Spanningen in de samenleving."),
    ("leerhuis-hoorplicht-wvgz-2021", "Leerhuis hoorplicht WVGZ", EventKind.LEARNING_HOUSE, D(2021, 4, 12), None,
     EventFormat.DIGITAL, EventStatus.PLANNED, "", ["personen-met-verward-gedrag"], ["erasmus-universiteit-rotterdam"],
     None, 0, "Uitkomsten van de evaluatie door de Erasmus Universiteit."),
    ("najaarscarrousel-2021", "Najaarscarrousel 2021", EventKind.CAROUSEL, D(2021, 10, 28), None,
     EventFormat.PHYSICAL, EventStatus.PLANNED, "", [], [], None, 0, "De vorm hangt af van de coronamaatregelen."),
    ("veiligheidsconferentie-2021", "Veiligheidsconferentie", EventKind.CONFERENCE, D(2021, 11, 18), None,
     EventFormat.PHYSICAL, EventStatus.PLANNED, "", [], ["riec-rotterdam", "zorg-en-veiligheidshuis-rotterdam-rijnmond",
     "zorg-en-veiligheidshuis-zuid-holland-zuid"], None, 0,
     "Tweejaarlijks; verplaatst naar 2022 als de conferentie niet fysiek kan. " + APPROXIMATE),
]  # fmt: skip

# Attendance-only demo people (no role), so the carrousel reaches the report's "ruim 100".
GUEST_COUNT = 50


def _guests(actor) -> list[Contact]:
    guests = []
    gemeenten = list(Gemeente.objects.order_by("code"))
    for index in range(GUEST_COUNT):
        email = f"deelnemer.{index}@demo.example"
        contact = Contact.objects.filter(email=email).first()
        if contact is None:
            gemeente = gemeenten[(index * 3) % len(gemeenten)]
            contact = services.contact_create(
                actor=actor,
                first_name="Deelnemer",
                last_name=f"Demo {index + 1}",
                email=email,
                organisation=Organisation.objects.filter(gemeente=gemeente, kind="gemeente").first(),
                notes="Fictieve deelnemer zonder rol (alleen aanwezigheid).",
                is_demo=True,
            )
        guests.append(contact)
    return guests


def load_demo_events(*, actor) -> int:
    """Add the report's events of 2020 and 2021 and their fictional attendees; returns how many events were new."""
    people = list(
        Contact.objects.filter(is_demo=True, anonymised_on__isnull=True).exclude(email__startswith="deelnemer.")
    )
    people += _guests(actor)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    organisations = {org.slug: org for org in Organisation.objects.all()}
    created = 0
    for offset, row in enumerate(EVENTS):
        slug, title, kind, date, end_date, fmt, status, location, theme_slugs, orgs, audience, present, notes = row
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            created += 1
            event = services.event_create(
                actor=actor, slug=slug, title=title, kind=kind, date=date, end_date=end_date, format=fmt,
                status=status, location=location, anonymous_audience=audience, notes=notes,
                themes=[themes[s] for s in theme_slugs], co_organisers=[organisations[s] for s in orgs],
            )  # fmt: skip
        chosen = [people[(offset * 11 + index) % len(people)] for index in range(min(present, len(people)))]
        for index, contact in enumerate(chosen):
            role = AttendeeRole.SPEAKER if index == 0 else AttendeeRole.PARTICIPANT
            services.attendee_set(actor=actor, event=event, contact=contact, status=AttendeeStatus.PRESENT, role=role)
        if status == EventStatus.CANCELLED:
            for contact in people[:5]:
                services.attendee_set(actor=actor, event=event, contact=contact, status=AttendeeStatus.INVITED)
    return created
