"""Every filter of the API, each with several objects, asserting exactly which come back."""

import datetime

import pytest

from network.models import Gemeente
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, OutreachFactory, gemeente, network

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    """Four people in four networks, three gemeenten, two regions; Cor's role ended at the end of 2020."""
    schiedam_org = OrganisationFactory(name="Gemeente Schiedam", slug="gemeente-schiedam", gemeente=gemeente("GM0606"))
    politie = OrganisationFactory(name="Politie Eenheid Rotterdam", slug="politie-eenheid-rotterdam")
    dordrecht_org = OrganisationFactory(name="Gemeente Dordrecht", slug="gemeente-dordrecht")
    om = OrganisationFactory(name="Openbaar Ministerie", slug="openbaar-ministerie")
    anna = ContactFactory(
        first_name="Anna",
        tussenvoegsel="de",
        last_name="Vries",
        email="anna@schiedam.example",
        organisation=schiedam_org,
    )
    bram = ContactFactory(first_name="Bram", last_name="Bakker", email="bram@politie.example", organisation=politie)
    cor = ContactFactory(first_name="Cor", last_name="Smit", email="cor@dordrecht.example", organisation=dordrecht_org)
    dirk = ContactFactory(first_name="Dirk", last_name="Visser", email="dirk@om.example", organisation=om)
    memberships = {
        "anna": MembershipFactory(
            contact=anna,
            network=network("aandachtsfunctionarissen-mensenhandel"),
            gemeente=gemeente("GM0606"),
            start_date=datetime.date(2020, 1, 1),
        ),
        "bram": MembershipFactory(
            contact=bram,
            network=network("hackshield"),
            gemeente=gemeente("GM0599"),
            start_date=datetime.date(2021, 1, 1),
        ),
        "cor": MembershipFactory(
            contact=cor,
            network=network("accounthouders-ondermijning"),
            gemeente=gemeente("GM0505"),
            start_date=datetime.date(2019, 1, 1),
            end_date=datetime.date(2020, 12, 31),
        ),
        "dirk": MembershipFactory(
            contact=dirk,
            network=network("var-bestuur"),
            role="voorzitter",
            gemeente=None,
            start_date=datetime.date(2021, 1, 1),
        ),
    }
    return {"anna": anna, "bram": bram, "cor": cor, "dirk": dirk, "memberships": memberships}


SCOPE_FILTERS = [
    ("gemeente=GM0606", {"anna"}),
    ("gemeente=gm0599", {"bram"}),
    ("network=hackshield", {"bram"}),
    ("theme=ondermijning", {"cor"}),
    ("level=bestuurlijk", {"dirk"}),
    ("level=ambtelijk", {"anna", "cor"}),
    ("role=aandachtsfunctionaris", {"anna"}),
    ("region=ZHZ", {"cor"}),
    ("region=rr", {"anna", "bram"}),
    ("active_on=2020-06-01", {"anna", "cor"}),
    ("active_on=2021-06-01", {"anna", "bram", "dirk"}),
    # All scope filters hold for one and the same role: Cor's role had ended by mid 2021.
    ("network=accounthouders-ondermijning&active_on=2021-06-01", set()),
    ("organisation=politie-eenheid-rotterdam", {"bram"}),
]


def _names(response, key):
    assert response.status_code == 200, response.content
    return {key(row) for row in response.json()["results"]}


@pytest.mark.parametrize(("query", "expected"), [*SCOPE_FILTERS, ("email=BRAM@Politie.example", {"bram"})])
def test_contact_filters(reader_client, people, query, expected):
    response = reader_client.get(f"/api/v1/contacts/?{query}")
    ids = {people[name].pk: name for name in ("anna", "bram", "cor", "dirk")}
    assert _names(response, lambda row: ids[row["id"]]) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [("vries", {"anna"}), ("politie", {"bram"}), ("dordrecht.example", {"cor"}), ("anna vries", {"anna"})],
)
def test_contact_search_looks_in_name_email_and_organisation(reader_client, people, term, expected):
    ids = {people[name].pk: name for name in ("anna", "bram", "cor", "dirk")}
    response = reader_client.get("/api/v1/contacts/", {"search": term})
    assert _names(response, lambda row: ids[row["id"]]) == expected


def test_contact_filter_by_gemeente_and_network_ids(reader_client, people):
    ids = {people[name].pk: name for name in ("anna", "bram", "cor", "dirk")}
    hackshield = network("hackshield")
    response = reader_client.get(f"/api/v1/contacts/?network_id={hackshield.pk}")
    assert _names(response, lambda row: ids[row["id"]]) == {"bram"}
    response = reader_client.get(f"/api/v1/contacts/?gemeente_id={gemeente('GM0606').pk}")
    assert _names(response, lambda row: ids[row["id"]]) == {"anna"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [*SCOPE_FILTERS, ("search=bakker", {"bram"}), ("search=dordrecht", {"cor"})],
)
def test_membership_filters(reader_client, people, query, expected):
    ids = {membership.pk: name for name, membership in people["memberships"].items()}
    response = reader_client.get(f"/api/v1/memberships/?{query}")
    assert _names(response, lambda row: ids[row["id"]]) == expected


def test_membership_filter_by_contact(reader_client, people):
    ids = {membership.pk: name for name, membership in people["memberships"].items()}
    response = reader_client.get(f"/api/v1/memberships/?contact_id={people['cor'].pk}")
    assert _names(response, lambda row: ids[row["id"]]) == {"cor"}


def test_gemeente_filters_follow_the_merger(reader_client):
    def codes(query):
        return _names(reader_client.get(f"/api/v1/gemeenten/?page_size=100&{query}"), lambda row: row["code"])

    assert len(codes("active_on=2021-03-01")) == 25
    on_2023 = codes("active_on=2023-06-01")
    assert len(on_2023) == 23
    assert "GM1992" in on_2023
    assert not {"GM0501", "GM0530", "GM0614"} & on_2023
    assert len(codes("region=ZHZ")) == 10
    assert codes("search=capelle") == {"GM0502"}
    assert codes("search=GM059") == {"GM0590", "GM0597", "GM0599"}


def test_network_filters(reader_client):
    def slugs(query):
        return _names(reader_client.get(f"/api/v1/networks/?{query}"), lambda row: row["slug"])

    assert slugs("per_gemeente=true") == {
        "aandachtsfunctionarissen-mensenhandel",
        "accounthouders-ondermijning",
        "hackshield",
    }
    assert slugs("theme=mensenhandel") == {
        "aandachtsfunctionarissen-mensenhandel",
        "ambtelijke-werkgroepen-mensenhandel",
        "regionale-tafel-mensenhandel",
    }
    assert slugs("level=publiek_privaat&kind=programma") == {"hackshield", "keurmerk-veilig-ondernemen"}
    assert slugs("search=cyber") >= {"regionale-werkgroep-cybercrime", "cybernetwerk-zhe"}


def test_a_boolean_filter_refuses_a_value_that_is_not_a_boolean(reader_client):
    response = reader_client.get("/api/v1/networks/?per_gemeente=misschien")
    assert response.status_code == 400
    assert response.json() == {"per_gemeente": ["Kies true of false."]}


def test_organisation_filters(reader_client, people):
    def slugs(query):
        return _names(reader_client.get(f"/api/v1/organisations/?page_size=500&{query}"), lambda row: row["slug"])

    assert "gemeente-schiedam" in slugs("gemeente=GM0606")
    assert "gemeente-dordrecht" not in slugs("gemeente=GM0606")
    assert "openbaar-ministerie" in slugs("search=ministerie")
    assert "politie-eenheid-rotterdam" not in slugs("search=ministerie")
    assert slugs("kind=politie") == {"politie-eenheid-rotterdam"}
    assert "openbaar-ministerie" in slugs("kind=justitie")


def test_participation_filters(editor_client, actor):
    from network import services

    hackshield = network("hackshield")
    for code, status in [("GM0606", "deelnemer"), ("GM0599", "benaderd"), ("GM0505", "afgewezen")]:
        services.participation_set_status(
            actor=actor, gemeente=gemeente(code), network=hackshield, status=status, on=datetime.date(2021, 2, 1)
        )

    def codes(query):
        return _names(editor_client.get(f"/api/v1/participations/?{query}"), lambda row: row["gemeente"]["code"])

    assert codes("status=deelnemer") == {"GM0606"}
    assert codes("region=ZHZ") == {"GM0505"}
    assert codes("gemeente=GM0599&network=hackshield") == {"GM0599"}


def test_outreach_filters(reader_client):
    OutreachFactory(gemeente=gemeente("GM0606"), date=datetime.date(2021, 1, 10), channel="email")
    OutreachFactory(gemeente=gemeente("GM0599"), date=datetime.date(2021, 2, 10), channel="telefoon")
    OutreachFactory(
        gemeente=gemeente("GM0505"),
        network=network("accounthouders-ondermijning"),
        date=datetime.date(2021, 3, 10),
        channel="overleg",
    )

    def codes(query):
        return _names(reader_client.get(f"/api/v1/outreach/?{query}"), lambda row: row["gemeente"]["code"])

    assert codes("channel=telefoon") == {"GM0599"}
    assert codes("date_from=2021-02-01&date_to=2021-02-28") == {"GM0599"}
    assert codes("network=hackshield") == {"GM0606", "GM0599"}
    assert codes("region=ZHZ") == {"GM0505"}


def test_the_page_size_is_chosen_by_the_client_up_to_500(reader_client):
    response = reader_client.get("/api/v1/gemeenten/?page_size=5")
    body = response.json()
    assert body["count"] == Gemeente.objects.count()
    assert len(body["results"]) == 5
    assert "page=2" in body["next"]
    assert body["previous"] is None
    assert reader_client.get("/api/v1/gemeenten/?page_size=500").status_code == 200
    too_big = reader_client.get("/api/v1/gemeenten/?page_size=501")
    assert too_big.status_code == 400
    assert too_big.json() == {"page_size": ["Geef een geheel getal van 1 tot en met 500."]}


def test_an_unknown_page_is_404(reader_client):
    assert reader_client.get("/api/v1/gemeenten/?page=99").status_code == 404


def test_region_and_theme_filters(reader_client):
    assert _names(reader_client.get("/api/v1/regions/?code=rr"), lambda row: row["code"]) == {"RR"}
    themes = _names(reader_client.get("/api/v1/themes/?cluster=integriteit_en_veiligheid"), lambda row: row["slug"])
    assert themes == {"cybercriminaliteit", "ondermijning", "mensenhandel"}
