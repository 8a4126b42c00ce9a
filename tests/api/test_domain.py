"""The domain endpoints: a gemeente's contacts on a date, coverage, ending and handing over roles, statuses."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from network import services
from network.models import Membership, Participation
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


def _rows(body):
    return {row["code"]: row for row in body["gemeenten"]}


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


def test_membership_list_downloads_as_xlsx(exporter_client):
    MembershipFactory(contact=ContactFactory(last_name="@Apenstaart"), network=network("hackshield"))
    MembershipFactory(network=network("aandachtsfunctionarissen-mensenhandel"))

    response = exporter_client.get("/api/v1/memberships/?network=hackshield&format=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-5:] == ("Netwerk", "Rol", "Gemeente", "Startdatum", "Einddatum")
    assert len(rows) == 2
    assert rows[1][2] == "@Apenstaart"
    assert sheet.cell(row=2, column=3).data_type == "s"


# --- ending and handing over roles ----------------------------------------------------------------------------------


def test_ending_a_role_keeps_it_as_history(editor_client):
    membership = MembershipFactory()
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2021-06-30"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2021-06-30"
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2021, 6, 30)


def test_ending_an_ended_role_is_a_conflict(editor_client):
    membership = MembershipFactory(end_date=datetime.date(2021, 6, 30))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2021-07-31"}, format="json"
    )
    assert response.status_code == 409
    assert response.json() == {"detail": "Deze rol is al beëindigd op 30-06-2021."}


def test_ending_before_the_start_is_a_field_error(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/end/", {"end_date": "2020-12-01"}, format="json"
    )
    assert response.status_code == 400
    assert "end_date" in response.json()


def test_an_overlapping_membership_is_a_conflict_and_nothing_is_written(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    body = {
        "contact": membership.contact_id,
        "network": membership.network.slug,
        "role": membership.role,
        "gemeente": membership.gemeente.code,
        "start_date": "2021-06-01",
    }
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 409
    assert "heeft deze rol" in response.json()["detail"]
    assert Membership.objects.count() == 1


def test_creating_a_membership_names_related_objects_by_natural_key(editor_client):
    contact = ContactFactory()
    body = {"contact": contact.pk, "network": "hackshield", "gemeente": "GM0599", "start_date": "2021-03-01"}
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 201
    created = response.json()
    assert created["role"] == "contactpersoon"
    assert created["gemeente"]["code"] == "GM0599"
    assert created["source"] == "Handmatig"
    unknown = editor_client.post("/api/v1/memberships/", {**body, "gemeente": "GM9999"}, format="json")
    assert unknown.status_code == 400
    assert list(unknown.json()) == ["gemeente"]


def test_a_membership_for_a_gemeente_that_no_longer_exists_is_a_field_error(editor_client):
    body = {"contact": ContactFactory().pk, "network": "hackshield", "gemeente": "GM0501", "start_date": "2023-02-01"}
    response = editor_client.post("/api/v1/memberships/", body, format="json")
    assert response.status_code == 400
    assert "Voorne aan Zee" in response.json()["gemeente"][0]


def test_handover_ends_the_role_the_day_before_and_starts_the_successor(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2020, 1, 1))
    successor = ContactFactory(first_name="Sanne", last_name="Opvolger")

    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/handover/",
        {"successor": successor.pk, "date": "2021-09-01"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["ended"]["id"] == membership.pk
    assert body["ended"]["end_date"] == "2021-08-31"
    assert body["started"]["contact"]["full_name"] == "Sanne Opvolger"
    assert body["started"]["start_date"] == "2021-09-01"
    assert body["started"]["role"] == membership.role
    assert body["started"]["gemeente"]["code"] == membership.gemeente.code


def test_handover_to_the_same_person_is_refused_and_changes_nothing(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2020, 1, 1))
    response = editor_client.post(
        f"/api/v1/memberships/{membership.pk}/handover/",
        {"successor": membership.contact_id, "date": "2021-09-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "successor" in response.json()
    membership.refresh_from_db()
    assert membership.end_date is None


def test_correcting_a_membership(editor_client):
    membership = MembershipFactory(start_date=datetime.date(2021, 1, 1))
    response = editor_client.patch(
        f"/api/v1/memberships/{membership.pk}/",
        {"start_date": "2021-02-01", "notes": "Datum gecorrigeerd"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["start_date"] == "2021-02-01"
    assert response.json()["notes"] == "Datum gecorrigeerd"


# --- contacts, participations, outreach -------------------------------------------------------------------------------


def test_a_contact_with_an_email_in_use_is_a_conflict(editor_client):
    ContactFactory(email="dubbel@gemeente.example")
    response = editor_client.post(
        "/api/v1/contacts/", {"last_name": "Tweede", "email": "Dubbel@Gemeente.example"}, format="json"
    )
    assert response.status_code == 409
    assert "email" in response.json()


def test_a_contact_is_created_and_changed_through_the_services(editor_client, editor):
    response = editor_client.post(
        "/api/v1/contacts/",
        {"first_name": "Jan", "tussenvoegsel": "van der", "last_name": "Berg", "organisation": None},
        format="json",
    )
    assert response.status_code == 201
    contact = response.json()
    assert contact["sort_name"] == "Berg, Jan van der"
    changed = editor_client.patch(f"/api/v1/contacts/{contact['id']}/", {"job_title": "AOV'er"}, format="json")
    assert changed.json()["job_title"] == "AOV'er"
    assert changed.json()["last_name"] == "Berg"
    from network.models import Contact

    assert Contact.history.filter(id=contact["id"]).latest("history_date").history_user == editor


def test_a_value_of_the_wrong_json_type_is_refused(editor_client):
    response = editor_client.post("/api/v1/contacts/", {"last_name": 12}, format="json")
    assert response.status_code == 400
    assert response.json() == {"last_name": ["Verwacht tekst."]}


def test_participation_status_changes_are_dated_and_kept(editor_client, editor):
    created = editor_client.post(
        "/api/v1/participations/",
        {"gemeente": "GM0606", "network": "hackshield", "status": "benaderd", "date": "2021-01-10"},
        format="json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    response = editor_client.post(
        f"/api/v1/participations/{pk}/status/",
        {"status": "deelnemer", "date": "2021-04-01", "note": "Convenant getekend"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "deelnemer"
    assert body["status_date"] == "2021-04-01"
    assert [(c["status"], c["date"], c["changed_by"]["username"]) for c in body["changes"]] == [
        ("benaderd", "2021-01-10", editor.username),
        ("deelnemer", "2021-04-01", editor.username),
    ]
    assert Participation.objects.get(pk=pk).status == "deelnemer"


def test_outreach_is_logged_with_the_requesting_user(editor_client, editor):
    response = editor_client.post(
        "/api/v1/outreach/",
        {
            "gemeente": "GM0606",
            "network": "hackshield",
            "date": "2021-02-01",
            "channel": "telefoon",
            "follow_up_date": "2021-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "follow_up_date" in response.json()
    response = editor_client.post(
        "/api/v1/outreach/",
        {"gemeente": "GM0606", "network": "hackshield", "date": "2021-02-01", "channel": "telefoon"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["user"]["username"] == editor.username


def test_outreach_with_a_status_sets_the_participation_in_the_same_request(editor_client, editor):
    response = editor_client.post(
        "/api/v1/outreach/",
        {"gemeente": "GM0606", "network": "hackshield", "date": "2021-02-01", "channel": "overleg", "status": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert "status" in response.json()
    response = editor_client.post(
        "/api/v1/outreach/",
        {
            "gemeente": "GM0606",
            "network": "hackshield",
            "date": "2021-02-01",
            "channel": "overleg",
            "outcome": "Doet mee",
            "status": "deelnemer",
        },
        format="json",
    )
    assert response.status_code == 201
    participation = Participation.objects.get(gemeente__code="GM0606", network__slug="hackshield")
    assert (participation.status, str(participation.status_date)) == ("deelnemer", "2021-02-01")
    assert participation.changes.get().changed_by == editor


def test_an_existing_organisation_is_a_conflict(editor_client):
    response = editor_client.post("/api/v1/organisations/", {"name": "Politie Eenheid Rotterdam"}, format="json")
    assert response.status_code == 409
