"""API reads of the domain: contacts per gemeente on a date, coverage and downloads."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from network import services
from tests.factories import ContactFactory, MembershipFactory, OutreachFactory, gemeente, network

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1


# --- gemeente contacts on a date ------------------------------------------------------------------------------------


def _roles(body):
    return [
        (group["theme"]["slug"], net["network"]["slug"], membership["contact"]["full_name"])
        for group in body["themes"]
        for net in group["networks"]
        for membership in net["memberships"]
    ]


def _rows(body):
    return {row["code"]: row for row in body["gemeenten"]}


def test_gemeente_contacts_are_grouped_by_theme_and_network_with_contact_details(reader_client):
    anna = ContactFactory(first_name="Anna", tussenvoegsel="de", last_name="Vries", phone="010 123 4567")
    MembershipFactory(
        contact=anna, network=network("aandachtsfunctionarissen-mensenhandel"), gemeente=gemeente("GM0606")
    )
    MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0606"), role="contactpersoon")
    MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599"))

    body = reader_client.get("/api/v1/gemeenten/GM0606/contacts/?date=2021-03-01").json()

    assert body["gemeente"]["code"] == "GM0606"
    assert body["date"] == "2021-03-01"
    assert [group["theme"]["slug"] for group in body["themes"]] == ["cybercriminaliteit", "mensenhandel"]
    mensenhandel = body["themes"][1]["networks"][0]
    assert mensenhandel["network"]["slug"] == "aandachtsfunctionarissen-mensenhandel"
    contact = mensenhandel["memberships"][0]["contact"]
    assert contact["full_name"] == "Anna de Vries"
    assert contact["tussenvoegsel"] == "de"
    assert contact["phone"] == "010 123 4567"
    assert contact["organisation"]["slug"] == anna.organisation.slug


def test_time_travel_a_role_ended_last_year_shows_on_a_date_last_year_and_not_today(reader_client):
    MembershipFactory(
        contact=ContactFactory(first_name="Vera", last_name="Vorig"),
        gemeente=gemeente("GM0606"),
        start_date=datetime.date(LAST_YEAR - 1, 1, 1),
        end_date=datetime.date(LAST_YEAR, 12, 31),
    )
    MembershipFactory(
        contact=ContactFactory(first_name="Nina", last_name="Nieuw"),
        gemeente=gemeente("GM0606"),
        start_date=datetime.date(LAST_YEAR + 1, 1, 1),
    )
    last_year = reader_client.get(f"/api/v1/gemeenten/GM0606/contacts/?date={LAST_YEAR}-06-01").json()
    today = reader_client.get("/api/v1/gemeenten/GM0606/contacts/").json()

    assert [name for *_, name in _roles(last_year)] == ["Vera Vorig"]
    assert [name for *_, name in _roles(today)] == ["Nina Nieuw"]
    assert today["date"] == timezone.localdate().isoformat()
    # The same on the memberships list.
    on_last_year = reader_client.get(f"/api/v1/memberships/?gemeente=GM0606&active_on={LAST_YEAR}-06-01").json()
    assert [m["contact"]["full_name"] for m in on_last_year["results"]] == ["Vera Vorig"]


def test_gemeente_contacts_refuse_a_date_that_is_not_a_date(reader_client):
    response = reader_client.get("/api/v1/gemeenten/GM0606/contacts/?date=1-3-2021")
    assert response.status_code == 400
    assert list(response.json()) == ["date"]


@pytest.mark.parametrize("url", ["/api/v1/networks/hackshield/coverage/", "/api/v1/gemeenten/GM0606/contacts/"])
def test_a_date_far_outside_the_registry_is_refused_not_a_crash(reader_client, url):
    response = reader_client.get(url, {"date": "0001-01-01"})
    assert response.status_code == 400
    assert response.json() == {"date": ["Kies een datum tussen 1900 en 2999."]}


def test_a_role_dated_outside_the_registry_years_is_refused(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2020, 1, 1))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/handover/",
        {"successor": ContactFactory().pk, "date": "9999-12-31"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"date": ["Kies een datum tussen 1900 en 2999."]}


def test_an_unknown_gemeente_is_404_in_json(reader_client):
    response = reader_client.get("/api/v1/gemeenten/GM9999/contacts/")
    assert response.status_code == 404
    assert "detail" in response.json()
    garbage = reader_client.get("/api/v1/gemeenten/Rotterdam/")
    assert garbage.status_code == 404
    assert garbage["Content-Type"] == "application/json"


# --- coverage ---------------------------------------------------------------------------------------------------------


def test_coverage_per_status(reader_client, actor):
    hackshield = network("hackshield")
    on = datetime.date(2021, 3, 1)
    holder = MembershipFactory(network=hackshield, gemeente=gemeente("GM0606"), start_date=datetime.date(2021, 1, 1))
    for code, status in [
        ("GM0599", "deelnemer"),
        ("GM0505", "afgewezen"),
        ("GM0642", "gestopt"),
        ("GM0613", "benaderd"),
    ]:
        services.participation_set_status(
            actor=actor, gemeente=gemeente(code), network=hackshield, status=status, on=datetime.date(2021, 2, 1)
        )
    outreach = OutreachFactory(
        gemeente=gemeente("GM0489"),
        network=hackshield,
        date=datetime.date(2021, 1, 15),
        user=actor,
        follow_up_date=datetime.date(2021, 3, 15),
        outcome="Interesse, terugbellen",
    )
    OutreachFactory(gemeente=gemeente("GM0622"), network=hackshield, date=datetime.date(2020, 6, 1))  # > 180 days

    body = reader_client.get("/api/v1/networks/hackshield/coverage/?date=2021-03-01").json()
    rows = _rows(body)

    assert list(body) == ["network", "date", "summary", "gemeenten"]
    assert body["network"]["slug"] == "hackshield"
    assert body["date"] == on.isoformat()
    assert list(rows["GM0606"]) == [
        "code",
        "name",
        "region",
        "status",
        "contacts",
        "last_outreach",
        "next_follow_up",
        "leads",
    ]
    assert rows["GM0606"]["status"] == "covered"
    assert rows["GM0606"]["contacts"][0]["contact"] == holder.contact_id
    assert rows["GM0606"]["region"] == "RR"
    assert rows["GM0599"]["status"] == "covered"
    assert rows["GM0505"]["status"] == "declined"
    assert rows["GM0642"]["status"] == "declined"
    assert rows["GM0613"]["status"] == "in_progress"
    assert rows["GM0489"]["status"] == "in_progress"
    assert rows["GM0489"]["last_outreach"]["date"] == "2021-01-15"
    assert rows["GM0489"]["last_outreach"]["by"]["username"] == actor.username
    assert rows["GM0489"]["last_outreach"]["outcome"] == outreach.outcome
    assert rows["GM0489"]["next_follow_up"] == "2021-03-15"
    assert rows["GM0622"]["status"] == "to_approach"
    assert body["summary"] == {"covered": 2, "in_progress": 2, "declined": 2, "to_approach": 19}


def test_coverage_follows_the_2023_merger(reader_client):
    afm = network("aandachtsfunctionarissen-mensenhandel")
    brielle = MembershipFactory(
        contact=ContactFactory(first_name="Bea", last_name="Briels"),
        network=afm,
        gemeente=gemeente("GM0501"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )

    before = reader_client.get(f"/api/v1/networks/{afm.slug}/coverage/?date=2021-03-01").json()
    after = reader_client.get(f"/api/v1/networks/{afm.slug}/coverage/?date=2023-06-01").json()

    assert len(before["gemeenten"]) == 25
    assert _rows(before)["GM0501"]["status"] == "covered"
    assert "GM1992" not in _rows(before)
    assert len(after["gemeenten"]) == 23
    voorne = _rows(after)["GM1992"]
    assert voorne["name"] == "Voorne aan Zee"
    assert voorne["status"] == "to_approach"
    assert [(lead["id"], lead["full_name"], lead["gemeente"]) for lead in voorne["leads"]] == [
        (brielle.pk, "Bea Briels", "GM0501")
    ]
    assert not {"GM0501", "GM0530", "GM0614"} & set(_rows(after))


def test_a_network_without_one_participant_per_gemeente_has_no_coverage(reader_client):
    response = reader_client.get("/api/v1/networks/var-bestuur/coverage/")
    assert response.status_code == 404
    assert "per gemeente" in response.json()["detail"]


def test_coverage_downloads_as_xlsx_and_csv(exporter_client):
    MembershipFactory(
        contact=ContactFactory(first_name="=HYPERLINK(1)", last_name="Smit"),
        network=network("hackshield"),
        gemeente=gemeente("GM0606"),
    )
    xlsx = exporter_client.get("/api/v1/networks/hackshield/coverage/?date=2021-03-01&format=xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "dekking-hackshield-2021-03-01" in xlsx["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("CBS-code", "Gemeente", "Veiligheidsregio", "Status")
    assert len(rows) == 26
    schiedam = next(row for row in rows if row[0] == "GM0606")
    assert schiedam[3] == "Gedekt"
    assert schiedam[4] == "=HYPERLINK(1) Smit"
    assert sheet.cell(row=rows.index(schiedam) + 1, column=5).data_type == "s"

    csv = exporter_client.get("/api/v1/networks/hackshield/coverage/?date=2021-03-01&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "GM0606;Schiedam;RR;Gedekt;'=HYPERLINK(1) Smit" in csv.content.decode("utf-8-sig")


def test_a_failed_download_answers_in_json(exporter_client):
    response = exporter_client.get("/api/v1/networks/hackshield/coverage/?date=gisteren&format=xlsx")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


# --- list downloads -----------------------------------------------------------------------------------------------


def test_contact_list_downloads_filtered_with_formula_escaping(exporter_client):
    MembershipFactory(
        contact=ContactFactory(first_name="Piet", last_name="Plus", job_title="+31 beleid", email="piet@x.example"),
        network=network("hackshield"),
    )
    MembershipFactory(contact=ContactFactory(last_name="Ander"), network=network("var-bestuur"), gemeente=None)

    response = exporter_client.get("/api/v1/contacts/?network=hackshield&format=csv")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Voornaam;Tussenvoegsel;Achternaam;E-mail")
    assert len(lines) == 2
    assert "'+31 beleid" in lines[1]
