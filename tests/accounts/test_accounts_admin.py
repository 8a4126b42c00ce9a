"""A beheerder assigns roles and coordinator networks in the admin; nobody else manages access."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import NetworkCoordinator
from accounts.permissions import Action, can
from tests.factories import network, user_with_role


def test_beheerder_assigns_a_network_to_a_coordinator_who_may_then_change_it(client, beheerder, db):
    coordinator = user_with_role("netwerkcoördinator", username="nora")
    hackshield = network("hackshield")
    assert not can(coordinator, Action.CHANGE_MEMBERSHIP, network=hackshield)
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:accounts_networkcoordinator_add"), {"user": coordinator.pk, "network": hackshield.pk}
    )
    assert response.status_code == 302
    assert can(coordinator, Action.CHANGE_MEMBERSHIP, network=hackshield)


def test_beheerder_gives_a_user_a_role_through_the_groups(client, beheerder, db):
    user = user_with_role(None, username="nieuw")
    client.force_login(beheerder)
    page = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert page.status_code == 200
    assert "netwerken waarvan deze gebruiker coördinator is" in page.content.decode().lower()
    user.groups.add(Group.objects.get(name="raadpleger"))
    listing = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "raadpleger" in listing


@pytest.mark.parametrize("role", ["kernteam", "netwerkcoördinator", "raadpleger"])
def test_only_a_beheerder_manages_users_and_coordinators(client, role_users, role):
    client.force_login(role_users[role])
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    response = client.post(
        reverse("admin:accounts_networkcoordinator_add"),
        {"user": role_users[role].pk, "network": network("hackshield").pk},
    )
    assert response.status_code == 403
    assert not NetworkCoordinator.objects.filter(network__slug="hackshield").exists()
