"""The one permission check and the services that call it: what each role may do, and where."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from accounts.permissions import Action, can, require
from accounts.roles import BEHEERDER, COORDINATOR, KERNTEAM, RAADPLEGER, ROLES
from network import services
from network.models import ImportBatch, Membership
from network.selectors import networks_changeable_by, scope_to_changeable
from tests.factories import ContactFactory, MembershipFactory, gemeente, network, user_with_role

DAY = datetime.date(2021, 3, 1)


def test_migration_creates_the_four_role_groups(db):
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            BEHEERDER,
            {
                Action.VIEW,
                Action.CHANGE_CONTACT,
                Action.CHANGE_NETWORK,
                Action.IMPORT,
                Action.EXPORT,
                Action.MANAGE_USERS,
                Action.ERASE_CONTACT,
            },
        ),
        (KERNTEAM, {Action.VIEW, Action.CHANGE_CONTACT, Action.CHANGE_NETWORK, Action.IMPORT, Action.EXPORT}),
        (COORDINATOR, {Action.VIEW, Action.EXPORT}),
        (RAADPLEGER, {Action.VIEW}),
    ],
)
def test_each_role_may_do_exactly_its_unscoped_actions(db, role, expected):
    user = user_with_role(role)
    unscoped = {
        Action.VIEW,
        Action.CHANGE_CONTACT,
        Action.CHANGE_NETWORK,
        Action.IMPORT,
        Action.EXPORT,
        Action.MANAGE_USERS,
        Action.ERASE_CONTACT,
    }
    assert {action for action in unscoped if can(user, action)} == expected


def test_raadpleger_may_not_export_and_kernteam_may(kernteam, raadpleger):
    assert can(kernteam, Action.EXPORT)
    assert not can(raadpleger, Action.EXPORT)


def test_a_user_without_a_role_may_not_even_read(db):
    assert not can(user_with_role(None), Action.VIEW)


def test_anonymous_and_inactive_users_may_do_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    inactive = user_with_role(KERNTEAM, is_active=False)
    assert not can(AnonymousUser(), Action.VIEW)
    assert not can(inactive, Action.CHANGE_MEMBERSHIP, network=network("hackshield"))


def test_command_line_operator_without_actor_is_trusted(db):
    assert can(None, Action.CHANGE_MEMBERSHIP, network=network("hackshield"))
    assert can(None, Action.ERASE_CONTACT)


def test_coordinator_may_change_roles_only_in_their_own_network(coordinator):
    own, other = network("aandachtsfunctionarissen-mensenhandel"), network("hackshield")
    for action in (Action.CHANGE_MEMBERSHIP, Action.CHANGE_PARTICIPATION, Action.CHANGE_OUTREACH):
        assert can(coordinator, action, network=own)
        assert not can(coordinator, action, network=other)


def test_kernteam_may_change_roles_in_every_network(kernteam):
    assert can(kernteam, Action.CHANGE_MEMBERSHIP, network=network("hackshield"))
    assert can(kernteam, Action.CHANGE_MEMBERSHIP, network=network("aandachtsfunctionarissen-mensenhandel"))


def test_coordinator_without_assigned_networks_may_change_nothing(db):
    lonely = user_with_role(COORDINATOR)
    assert not can(lonely, Action.CHANGE_MEMBERSHIP)
    assert list(networks_changeable_by(lonely)) == []


def test_require_names_the_network_in_dutch(coordinator):
    with pytest.raises(PermissionDenied, match="U mag de rollen in HackShield niet wijzigen"):
        require(coordinator, Action.CHANGE_MEMBERSHIP, network=network("hackshield"))


def test_networks_changeable_by_per_role(kernteam, coordinator, raadpleger):
    from network.models import Network

    assert networks_changeable_by(kernteam).count() == Network.objects.count()
    assert list(networks_changeable_by(coordinator).values_list("slug", flat=True)) == [
        "aandachtsfunctionarissen-mensenhandel"
    ]
    assert not networks_changeable_by(raadpleger).exists()


def test_scope_to_changeable_limits_memberships_to_the_coordinators_network(coordinator, kernteam, raadpleger):
    own = MembershipFactory(network=network("aandachtsfunctionarissen-mensenhandel"))
    other = MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599"))
    assert list(scope_to_changeable(coordinator, Membership.objects.all())) == [own]
    assert set(scope_to_changeable(kernteam, Membership.objects.all())) == {own, other}
    assert not scope_to_changeable(raadpleger, Membership.objects.all()).exists()


class TestServicesCheckTheActor:
    """Every write service refuses an actor without the right, whichever door called it."""

    def test_coordinator_starts_a_role_in_own_network(self, coordinator):
        membership = services.membership_start(
            actor=coordinator,
            contact=ContactFactory(),
            network=network("aandachtsfunctionarissen-mensenhandel"),
            gemeente=gemeente("GM0606"),
            start=DAY,
        )
        assert membership.pk

    def test_coordinator_may_not_start_a_role_in_another_network(self, coordinator):
        with pytest.raises(PermissionDenied):
            services.membership_start(
                actor=coordinator, contact=ContactFactory(), network=network("hackshield"), start=DAY
            )
        assert not Membership.objects.exists()

    @pytest.mark.parametrize("service", ["membership_end", "membership_update", "membership_verify"])
    def test_coordinator_may_not_change_a_role_in_another_network(self, coordinator, service):
        membership = MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599"))
        kwargs = {"membership_end": {"end": DAY}, "membership_update": {"notes": "x"}}.get(service, {"on": DAY})
        with pytest.raises(PermissionDenied):
            getattr(services, service)(actor=coordinator, membership=membership, **kwargs)
        membership.refresh_from_db()
        assert membership.end_date is None
        assert membership.notes == ""

    def test_coordinator_may_not_hand_over_a_role_in_another_network(self, coordinator):
        membership = MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599"))
        with pytest.raises(PermissionDenied):
            services.membership_handover(actor=coordinator, membership=membership, successor=ContactFactory(), on=DAY)

    def test_coordinator_sets_participation_and_logs_outreach_only_in_own_network(self, coordinator):
        own, other = network("aandachtsfunctionarissen-mensenhandel"), network("hackshield")
        schiedam = gemeente("GM0606")
        services.participation_set_status(actor=coordinator, gemeente=schiedam, network=own, status="benaderd", on=DAY)
        services.outreach_log(actor=coordinator, gemeente=schiedam, network=own, date=DAY, channel="email")
        with pytest.raises(PermissionDenied):
            services.participation_set_status(
                actor=coordinator, gemeente=schiedam, network=other, status="benaderd", on=DAY
            )
        with pytest.raises(PermissionDenied):
            services.outreach_log(actor=coordinator, gemeente=schiedam, network=other, date=DAY, channel="email")

    @pytest.mark.parametrize("role", [COORDINATOR, RAADPLEGER])
    def test_only_kernteam_and_beheerder_change_contacts(self, db, role):
        user = user_with_role(role, networks=[network("hackshield")])
        contact = ContactFactory(last_name="Jansen")
        with pytest.raises(PermissionDenied):
            services.contact_create(actor=user, last_name="Nieuw")
        with pytest.raises(PermissionDenied):
            services.contact_update(actor=user, contact=contact, last_name="Anders")
        contact.refresh_from_db()
        assert contact.last_name == "Jansen"

    def test_raadpleger_changes_nothing(self, raadpleger):
        membership = MembershipFactory()
        with pytest.raises(PermissionDenied):
            services.membership_end(actor=raadpleger, membership=membership, end=DAY)

    @pytest.mark.parametrize("role", [KERNTEAM, BEHEERDER])
    def test_kernteam_and_beheerder_change_everything(self, db, role):
        user = user_with_role(role)
        contact = services.contact_create(actor=user, last_name="Bakker")
        membership = services.membership_start(actor=user, contact=contact, network=network("hackshield"), start=DAY)
        services.membership_end(actor=user, membership=membership, end=DAY)
        assert membership.end_date == DAY


DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("role", [COORDINATOR, RAADPLEGER])
def test_import_command_on_behalf_of_a_user_without_the_import_right_is_refused(db, role, capsys):
    user = user_with_role(role, networks=[network("hackshield")])
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_contacts", str(DATA / "werkgroep_utf8_bom.csv"), "--user", user.username)
    assert exit_info.value.code == 2
    assert "U mag geen lijsten importeren" in capsys.readouterr().err
    assert not ImportBatch.objects.exists()


def test_import_command_as_the_operator_imports(db):
    call_command("import_contacts", str(DATA / "werkgroep_utf8_bom.csv"), "--network", "hackshield")
    assert ImportBatch.objects.count() == 1


@pytest.mark.parametrize("action", list(Action), ids=lambda action: action.name)
def test_every_action_asks_a_permission_that_exists_after_migrate(db, action):
    from django.contrib.auth.models import Permission

    assert Permission.objects.filter(content_type__app_label=action.app_label, codename=action.codename).exists()
    assert action.denied and action.denied.endswith(".")


def test_only_the_per_network_actions_are_scoped():
    assert {action for action in Action if action.scoped} == {
        Action.CHANGE_MEMBERSHIP,
        Action.CHANGE_PARTICIPATION,
        Action.CHANGE_OUTREACH,
    }
