"""The one permission check of the registry, used by the services and by every door (admin, web, API, commands).

Services call `require(actor, action, network=...)` before they write, so a rule holds however a request
arrives; the doors only turn `PermissionDenied` into a 403. `actor=None` is a trusted operator at the command
line (the management commands run with the server's own rights) and is always allowed.

A netwerkcoördinator holds the model permissions to change roles, deelnames and contactmomenten, but only
in the networks assigned to them (`NetworkCoordinator`); everybody else with those permissions (kernteam,
beheerder, a user given them directly) may change them in every network.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .roles import COORDINATOR


@dataclass(frozen=True)
class Action:
    perm: str
    denied: str
    scoped: bool = False


ACTIONS: dict[str, Action] = {
    "view": Action("network.view_network", "U hebt geen leesrechten in het register."),
    "change_contact": Action("network.change_contact", "U mag geen contactpersonen toevoegen of wijzigen."),
    "change_organisation": Action("network.add_organisation", "U mag geen organisaties toevoegen."),
    "change_network": Action("network.change_network", "U mag geen netwerken wijzigen."),
    "change_membership": Action("network.change_membership", "U mag de rollen in {network} niet wijzigen.", True),
    "change_participation": Action(
        "network.change_participation", "U mag de deelname aan {network} niet wijzigen.", True
    ),
    "change_outreach": Action("network.add_outreach", "U mag geen contactmomenten voor {network} vastleggen.", True),
    "import": Action("accounts.import_lists", "U mag geen lijsten importeren."),
    "export": Action("accounts.export_lists", "U mag geen lijsten exporteren of downloaden."),
    "erase_contact": Action("accounts.erase_contacts", "U mag geen contactpersonen anonimiseren."),
    "manage_users": Action("accounts.change_user", "U mag geen gebruikers beheren."),
    "view_export_log": Action("accounts.view_exportlog", "Alleen een beheerder mag het exportlog inzien."),
}

ALL_NETWORKS_PERM = "accounts.change_all_networks"


def is_network_scoped(user) -> bool:
    """Whether the user's scoped writes are limited to their assigned networks (a netwerkcoördinator)."""
    if user.is_superuser or user.has_perm(ALL_NETWORKS_PERM):
        return False
    return user.groups.filter(name=COORDINATOR).exists()


def _coordinated_network_ids(user) -> set[int]:
    return set(user.coordinated.values_list("network_id", flat=True))


def can(actor, action: str, *, network=None) -> bool:
    """May `actor` do `action` (in `network`, for the scoped actions)?

    Without `network`, a scoped action asks whether the actor may do it somewhere, which is what a page or a
    button needs to know before a network is chosen.
    """
    rule = ACTIONS[action]
    if actor is None:
        return True
    if not (actor.is_authenticated and actor.is_active):
        return False
    if not actor.has_perm(rule.perm):
        return False
    if rule.scoped and is_network_scoped(actor):
        assigned = _coordinated_network_ids(actor)
        return network.pk in assigned if network is not None else bool(assigned)
    return True


def require(actor, action: str, *, network=None) -> None:
    """Raise `PermissionDenied` with a Dutch message naming what may not be done."""
    if not can(actor, action, network=network):
        raise PermissionDenied(ACTIONS[action].denied.format(network=network or "dit netwerk"))


def can_export(user) -> bool:
    return can(user, "export")


def networks_changeable_by(user, action: str = "change_membership") -> QuerySet:
    """The networks in which `user` may do a scoped action: all, their assigned ones, or none."""
    from network.models import Network

    if not ACTIONS[action].scoped:
        raise ValueError(f"{action} is not a per-network action")
    networks = Network.objects.all()
    if user is None:
        return networks
    if not can(user, action):
        return networks.none()
    if is_network_scoped(user):
        return networks.filter(pk__in=_coordinated_network_ids(user))
    return networks


def scope_to_changeable(user, queryset: QuerySet, *, action: str = "change_membership", network_field="network"):
    """Limit a queryset of memberships, participations or outreach to the rows `user` may change."""
    if user is None:
        return queryset
    if not can(user, action):
        return queryset.none()
    if is_network_scoped(user):
        return queryset.filter(**{f"{network_field}__in": networks_changeable_by(user, action)})
    return queryset
