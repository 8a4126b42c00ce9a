"""The admin shows verification requests, change proposals and remembered column mappings, read-only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network.choices import ProposalKind
from network.models import ChangeProposal, ColumnMapping, VerificationRequest
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(superuser):
    for index in range(4):
        request = VerificationRequest.objects.create(
            contact=ContactFactory(),
            expires=timezone.now() + datetime.timedelta(days=30),
            nonce_hash=f"{index:064d}",
            created_by=superuser,
        )
        ChangeProposal.objects.create(request=request, kind=ProposalKind.DETAIL_CORRECTION, payload={"phone": "010"})
        ColumnMapping.objects.create(
            header_hash=f"{index:064x}", headers=["Bedrijf"], columns={"Bedrijf": "organisation"}
        )


# The requests' list has a date hierarchy (two more queries for its years).
@pytest.mark.parametrize(("model", "queries"), [(VerificationRequest, 7), (ChangeProposal, 5), (ColumnMapping, 5)])
def test_changelist_shows_the_rows_in_a_fixed_number_of_queries(
    admin_client, rows, model, queries, django_assert_num_queries
):
    url = reverse(f"admin:network_{model._meta.model_name}_changelist")
    with django_assert_num_queries(queries):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 4


def test_requests_and_proposals_cannot_be_added_or_changed_in_the_admin(admin_client, rows):
    request = VerificationRequest.objects.first()
    assert admin_client.get(reverse("admin:network_verificationrequest_add")).status_code == 403
    page = admin_client.get(reverse("admin:network_verificationrequest_change", args=[request.pk]))
    assert page.status_code == 200
    assert request.nonce_hash not in page.content.decode()
    assert admin_client.get(reverse("admin:network_changeproposal_add")).status_code == 403
