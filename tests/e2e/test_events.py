"""The Evenementen pages in a real browser: the list by year, an event page with its map, importing a Teams report
through the preview with an "aanmaken" checkbox, inviting a network, and the jaaroverzicht."""

import pytest

from network.models import Attendee, Contact, Event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def teams_report(people: list[Contact]) -> bytes:
    lines = [
        "1. Summary",
        "Meeting title\tNajaarscarrousel 2021",
        "Start time\t10/28/21, 9:00:00 AM",
        "",
        "2. Participants",
    ]
    lines.append("Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole")
    for contact in people:
        lines.append(
            f"{contact.full_name}\t10/28/21, 9:00:00 AM\t10/28/21, 10:00:00 AM\t1h\t{contact.email}\t\tAttendee"
        )
    lines.append("Nieuwe Deelnemer\t10/28/21, 9:05:00 AM\t10/28/21, 9:50:00 AM\t45m\tnieuw@partner.example\t\tAttendee")
    return "\r\n".join(lines).encode("utf-16")


def test_walk_the_event_pages(page, tmp_path):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Evenementen").click()
    page.goto("/evenementen/?jaar=2020")
    table = page.get_by_role("table")
    assert table.get_by_role("rowheader", name="Fataal (film en Halt-les)").is_visible()
    page.get_by_role("link", name="Najaarscarrousel 2020").click()
    page.wait_for_url("**/evenementen/najaarscarrousel-2020/")
    assert page.get_by_role("heading", name="Najaarscarrousel 2020", level=1).is_visible()
    assert page.get_by_role("heading", name="Deelnemers (60)").is_visible()
    assert page.locator("svg.map a").count() > 10

    event = Event.objects.get(slug="najaarscarrousel-2021")
    people = list(Contact.objects.filter(is_demo=True).exclude(email="").order_by("id")[:2])
    report = tmp_path / "meetingAttendanceReport.csv"
    report.write_bytes(teams_report(people))
    page.goto(f"/evenementen/{event.slug}/")
    page.get_by_role("link", name="Aanwezigheid importeren").click()
    page.get_by_label("Bestand", exact=True).set_input_files(str(report))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    assert page.get_by_role("heading", name="Voorbeeld: meetingAttendanceReport.csv").is_visible()
    assert not Attendee.objects.filter(event=event).exists()
    page.get_by_label("aanmaken").check()
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url(f"**/evenementen/{event.slug}/")
    assert page.get_by_role("heading", name="Deelnemers (3)").is_visible()
    assert Attendee.objects.get(event=event, contact__email="nieuw@partner.example").minutes == 45

    page.get_by_role("link", name="Uitnodigen").click()
    page.get_by_label("Netwerken").select_option(label="Aandachtsfunctionarissen mensenhandel")
    page.get_by_role("button", name="Selectie bekijken").click()
    assert "@demo.example" in page.get_by_label("Adressen voor BCC (kopieer en plak in Outlook)").input_value()
    page.get_by_role("button", name="Toevoegen als uitgenodigd").click()
    page.wait_for_url(f"**/evenementen/{event.slug}/")
    assert Attendee.objects.filter(event=event, status="uitgenodigd").exists()

    page.goto("/jaaroverzicht/2020/")
    assert page.get_by_role("heading", name="Jaaroverzicht 2020", level=1).is_visible()
    assert page.get_by_role("row", name="Webinar").is_visible()
