"""Where a person's requests and proposals go: AVG erasure removes them (history rows included), a merge moves them."""

import pytest

from network.models import ChangeProposal, VerificationRequest
from network.services import contact_anonymise, verification_request_create
from tests.factories import ContactFactory

from .test_review import answer_with_everything

pytestmark = pytest.mark.django_db


def test_erasure_removes_requests_and_proposals_of_that_person_only(person, verification):
    request, _ = verification
    answer_with_everything(person, request)
    verification_request_create(actor=None, contact=person)
    other = ContactFactory()
    kept, _ = verification_request_create(actor=None, contact=other)
    assert ChangeProposal.objects.count() == 3
    contact_anonymise(actor=None, contact=person)
    assert list(VerificationRequest.objects.all()) == [kept]
    assert not ChangeProposal.objects.exists()
    assert not ChangeProposal.history.model.objects.exists()


def test_the_erase_command_removes_them_too(person, verification):
    from django.core.management import call_command

    call_command("avg_erase", person.email)
    assert not VerificationRequest.objects.filter(contact=person).exists()


def test_merging_a_duplicate_keeps_its_requests_and_proposals(actor, person, verification):
    from network.services import contact_merge

    from .test_review import answer_with_everything

    request, _ = verification
    answer_with_everything(person, request)
    keep = ContactFactory()
    contact_merge(actor=actor, keep=keep, duplicate=person)
    request.refresh_from_db()
    assert request.contact == keep
    assert ChangeProposal.objects.filter(request=request).count() == 3
