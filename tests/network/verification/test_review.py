"""The review queue: accept applies a proposal through the services, reject records why; web page and API."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network import services
from network.choices import ProposalKind, ProposalStatus
from network.exceptions import ConflictError
from network.models import ChangeProposal, Contact, Membership
from tests.factories import ContactFactory, MembershipFactory, user_with_role

from .conftest import LONG_AGO, active_roles

pytestmark = pytest.mark.django_db


def answer_with_everything(person, request):
    """The person stops their AVG role on 31-01-2026 with a successor and corrects their details."""
    afm, hackshield = active_roles(person)
    return services.verification_answer(
        actor=None,
        request=request,
        roles=[
            services.RoleAnswer(
                membership=afm,
                ok=False,
                end_date=datetime.date(2026, 1, 31),
                successor_name="Sanne van der Berg",
                successor_email="sanne@schiedam.example",
            ),
            services.RoleAnswer(membership=hackshield, ok=True),
        ],
        details={"job_title": "Senior adviseur", "organisation": "Gemeente Schiedam", "phone": "", "mobile": ""},
    )


@pytest.fixture
def proposals(verification, person):
    request, _ = verification
    return {p.kind: p for p in answer_with_everything(person, request)}


def test_accept_applies_each_kind_through_the_services_with_the_history(actor, proposals, person, verification):
    request, _ = verification
    afm = proposals[ProposalKind.ROLE_STOPPED].membership
    for kind in (ProposalKind.ROLE_STOPPED, ProposalKind.SUCCESSOR, ProposalKind.DETAIL_CORRECTION):
        services.change_proposal_accept(actor=actor, proposal=proposals[kind])
    afm.refresh_from_db()
    assert afm.end_date == datetime.date(2026, 1, 31)
    successor = Contact.objects.get(email="sanne@schiedam.example")
    assert (successor.first_name, successor.tussenvoegsel, successor.last_name) == ("Sanne", "van der", "Berg")
    started = Membership.objects.get(contact=successor)
    assert (started.network, started.role, started.gemeente) == (afm.network, afm.role, afm.gemeente)
    assert started.start_date == datetime.date(2026, 2, 1)
    person.refresh_from_db()
    assert person.job_title == "Senior adviseur" and person.organisation.name == "Gemeente Schiedam"
    reason = f"({request.source}) overgenomen"
    assert reason in afm.history.first().history_change_reason
    assert afm.history.first().history_user == actor
    assert reason in started.history.first().history_change_reason
    assert reason in person.history.first().history_change_reason
    for proposal in ChangeProposal.objects.all():
        assert (proposal.status, proposal.decided_by) == (ProposalStatus.ACCEPTED, actor)
        assert proposal.history.first().history_user == actor
    with pytest.raises(ConflictError, match="al overgenomen"):
        services.change_proposal_accept(actor=actor, proposal=proposals[ProposalKind.ROLE_STOPPED])


def test_a_successor_with_a_known_address_is_that_contact(actor, proposals):
    known = ContactFactory(email="sanne@schiedam.example")
    services.change_proposal_accept(actor=actor, proposal=proposals[ProposalKind.SUCCESSOR])
    assert Membership.objects.get(contact=known).start_date == datetime.date(2026, 2, 1)


def test_reject_records_why_and_changes_nothing(actor, proposals, person):
    proposal = proposals[ProposalKind.DETAIL_CORRECTION]
    with pytest.raises(Exception, match="Geef een reden"):
        services.change_proposal_reject(actor=actor, proposal=proposal, reason="  ")
    services.change_proposal_reject(actor=actor, proposal=proposal, reason="Functie klopt al volgens de lijst")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED and proposal.reason == "Functie klopt al volgens de lijst"
    assert (
        proposal.history.first().history_change_reason
        == "Wijzigingsvoorstel afgewezen: Functie klopt al volgens de lijst"
    )
    person.refresh_from_db()
    assert person.job_title == "Adviseur"


def test_only_the_kernteam_reviews(proposals, db):
    from django.core.exceptions import PermissionDenied

    reader = user_with_role("raadpleger")
    coordinator = user_with_role("netwerkcoördinator")
    for user in (reader, coordinator):
        with pytest.raises(PermissionDenied, match="wijzigingsvoorstellen"):
            services.change_proposal_accept(actor=user, proposal=proposals[ProposalKind.ROLE_STOPPED])


def many_proposals(count: int):
    for index in range(count):
        contact = ContactFactory(email=f"p{index}@example.org")
        MembershipFactory(contact=contact, start_date=LONG_AGO, verified_on=LONG_AGO)
        request, _ = services.verification_request_create(actor=None, contact=contact)
        answer_with_everything_single(contact, request)


def answer_with_everything_single(contact, request):
    (role,) = active_roles(contact)
    services.verification_answer(
        actor=None,
        request=request,
        roles=[
            services.RoleAnswer(
                membership=role, ok=False, end_date=datetime.date(2026, 1, 31), successor_name="Opvolger Een"
            )
        ],
        details={"job_title": "Nieuw"},
    )


def test_the_review_page_shows_each_proposal_beside_the_current_data_in_fixed_queries(
    client, actor, proposals, django_assert_num_queries
):
    many_proposals(4)
    client.force_login(actor)
    url = reverse("network:proposal-list")
    client.get(url)
    # session, user, user and group permissions, the proposals (with person, organisation, role, network, gemeente)
    with django_assert_num_queries(5):
        response = client.get(url)
    page = response.content.decode()
    assert page.count("<article") == 3 + 4 * 3
    assert "Sanne van der Berg" in page and "Fenna Vlietstra" in page
    assert "31-01-2026" in page and "Senior adviseur" in page and "Adviseur" in page


def test_accept_and_reject_from_the_page(client, actor, proposals):
    client.force_login(actor)
    stop = proposals[ProposalKind.ROLE_STOPPED]
    response = client.post(reverse("network:proposal-accept", args=[stop.pk]), follow=True)
    assert f"Voorstel #{stop.pk} is overgenomen." in response.content.decode()
    stop.membership.refresh_from_db()
    assert stop.membership.end_date == datetime.date(2026, 1, 31)
    successor = proposals[ProposalKind.SUCCESSOR]
    response = client.post(reverse("network:proposal-reject", args=[successor.pk]), {"reason": ""}, follow=True)
    assert "Geef een reden" in response.content.decode()
    client.post(reverse("network:proposal-reject", args=[successor.pk]), {"reason": "Onbekende naam"})
    successor.refresh_from_db()
    assert successor.status == ProposalStatus.REJECTED
    # Accepting twice is a Dutch message, not an error page.
    response = client.post(reverse("network:proposal-accept", args=[stop.pk]), follow=True)
    assert "al overgenomen" in response.content.decode()


def test_the_review_page_is_for_the_kernteam_only(client, db):
    client.force_login(user_with_role("raadpleger"))
    assert client.get(reverse("network:proposal-list")).status_code == 403


def test_api_lists_open_proposals_in_fixed_queries(client, actor, proposals, django_assert_num_queries):
    many_proposals(4)
    client.force_login(actor)
    client.get("/api/v1/change-proposals/")
    # session, user, user and group permissions, the count for the pages, the proposals with all they show
    with django_assert_num_queries(6):
        response = client.get("/api/v1/change-proposals/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 15
    first = body["results"][0]
    assert first["kind"] == "role_stopped" and first["contact"]["full_name"] == "Fenna Vlietstra"
    assert first["comparison"] == [{"field": "Einddatum", "current": "—", "proposed": "31-01-2026"}]
    assert client.get("/api/v1/change-proposals/?status=onzin").status_code == 400


def test_api_accept_and_reject(client, actor, proposals):
    client.force_login(actor)
    stop, details = proposals[ProposalKind.ROLE_STOPPED], proposals[ProposalKind.DETAIL_CORRECTION]
    response = client.post(f"/api/v1/change-proposals/{stop.pk}/accept/")
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    assert client.post(f"/api/v1/change-proposals/{stop.pk}/accept/").status_code == 409
    missing = client.post(f"/api/v1/change-proposals/{details.pk}/reject/", {}, content_type="application/json")
    assert missing.status_code == 400 and "reason" in missing.json()
    response = client.post(
        f"/api/v1/change-proposals/{details.pk}/reject/", {"reason": "Al bekend"}, content_type="application/json"
    )
    assert response.json()["status"] == "rejected" and response.json()["reason"] == "Al bekend"
    listed = client.get("/api/v1/change-proposals/?status=all").json()
    assert {row["status"] for row in listed["results"]} == {"open", "accepted", "rejected"}
    assert client.get("/api/v1/change-proposals/").json()["count"] == 1


def test_api_is_for_the_kernteam_only(client, proposals):
    client.force_login(user_with_role("raadpleger"))
    assert client.get("/api/v1/change-proposals/").status_code == 403
    stop = proposals[ProposalKind.ROLE_STOPPED]
    assert client.post(f"/api/v1/change-proposals/{stop.pk}/accept/").status_code == 403


def test_an_answer_counts_once_in_time_and_only_for_that_persons_roles(verification, person):
    from django.core.exceptions import ValidationError

    request, _ = verification
    stranger = MembershipFactory(start_date=LONG_AGO)
    with pytest.raises(ValidationError, match="hoort niet bij dit controleverzoek"):
        services.verification_answer(
            actor=None, request=request, roles=[services.RoleAnswer(membership=stranger, ok=True)]
        )
    services.verification_answer(actor=None, request=request, roles=[])
    with pytest.raises(ConflictError, match="al beantwoord"):
        services.verification_answer(actor=None, request=request, roles=[])
    expired, _ = services.verification_request_create(
        actor=None, contact=person, now=timezone.now() - datetime.timedelta(days=31)
    )
    with pytest.raises(ConflictError, match="verlopen"):
        services.verification_answer(actor=None, request=expired, roles=[])
