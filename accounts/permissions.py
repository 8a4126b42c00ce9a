"""The one permission check of the registry, used by the services and by every door (admin, web, API, commands).

Every door asks the same question, `can(actor, Action.X, network=...)`, and every service calls
`require(actor, Action.X, network=...)` before it writes, so a rule holds however a request arrives; the doors
only turn `PermissionDenied` into a 403 (or hide a button).

The acting user (`actor: User | None`) is what every service in `network/services/` takes first:

- a `User` is a person acting through the admin, the web pages or the API, held to the rules below;
- `None` is a trusted operator at the command line (the management commands run with the server's own
  rights, like a database shell): always allowed, recorded as "opdrachtregel" where a user would be named.

A netwerkcoördinator holds the model permissions to change roles, deelnames and contactmomenten, but only
in the networks assigned to them (`NetworkCoordinator`); everybody else with those permissions (kernteam,
beheerder, a user given them directly) may change them in every network.

This module imports nothing of the `network` app; the network-side reads built on it (which networks a user
may change) live in `network.selectors.scoping`.
"""

import enum

from django.core.exceptions import PermissionDenied


class Action(enum.Enum):
    """What an actor may want to do, with the permission it takes, the Dutch denial and whether it is per network.

    `perm` is the Django permission ("app_label.codename") a user needs; `scoped` actions are limited to the
    assigned networks for a netwerkcoördinator; `denied` is the message of the `PermissionDenied` that `require`
    raises (with `{network}` filled in for the scoped ones).
    """

    VIEW = ("network.view_network", "U hebt geen leesrechten in het register.", False)
    CHANGE_CONTACT = ("network.change_contact", "U mag geen contactpersonen toevoegen of wijzigen.", False)
    CHANGE_ORGANISATION = ("network.add_organisation", "U mag geen organisaties toevoegen.", False)
    CHANGE_NETWORK = ("network.change_network", "U mag geen netwerken wijzigen.", False)
    CHANGE_MEMBERSHIP = ("network.change_membership", "U mag de rollen in {network} niet wijzigen.", True)
    CHANGE_PARTICIPATION = ("network.change_participation", "U mag de deelname aan {network} niet wijzigen.", True)
    CHANGE_OUTREACH = ("network.add_outreach", "U mag geen contactmomenten voor {network} vastleggen.", True)
    CHANGE_EVENT = ("network.change_event", "U mag geen evenementen, deelnemers of uitnodigingen wijzigen.", False)
    IMPORT = ("accounts.import_lists", "U mag geen lijsten importeren.", False)
    EXPORT = ("accounts.export_lists", "U mag geen lijsten exporteren of downloaden.", False)
    MERGE_CONTACTS = ("network.delete_contact", "U mag geen contactpersonen samenvoegen.", False)
    ERASE_CONTACT = ("accounts.erase_contacts", "U mag geen contactpersonen anonimiseren.", False)
    MANAGE_USERS = ("accounts.change_user", "U mag geen gebruikers beheren.", False)
    VIEW_EXPORT_LOG = ("accounts.view_exportlog", "Alleen een beheerder mag het exportlog inzien.", False)
    REQUEST_VERIFICATION = ("network.add_verificationrequest", "U mag geen controleverzoeken versturen.", False)
    REVIEW_PROPOSALS = ("network.change_changeproposal", "U mag geen wijzigingsvoorstellen beoordelen.", False)

    def __init__(self, perm: str, denied: str, scoped: bool) -> None:
        self.perm = perm
        self.denied = denied
        self.scoped = scoped

    @property
    def app_label(self) -> str:
        return self.perm.split(".", 1)[0]

    @property
    def codename(self) -> str:
        return self.perm.split(".", 1)[1]


ALL_NETWORKS_PERM = "accounts.change_all_networks"
NETWORK_SCOPED_PERM = "accounts.network_scoped"


def is_network_scoped(user) -> bool:
    """Whether the user's scoped writes are limited to their assigned networks (a netwerkcoördinator)."""
    if user.is_superuser or user.has_perm(ALL_NETWORKS_PERM):
        return False
    # The coordinator role carries NETWORK_SCOPED_PERM, so this reads Django's per-user permission cache, which
    # the permission check before it has filled: no query of its own.
    return user.has_perm(NETWORK_SCOPED_PERM)


def coordinated_network_ids(user) -> set[int]:
    """The ids of the networks assigned to `user` as netwerkcoördinator (empty for anyone else)."""
    return set(user.coordinated.values_list("network_id", flat=True))


def can(actor, action: Action, *, network=None) -> bool:
    """May `actor` (a `User`, or None for the command line) do `action` (in `network`, for the scoped actions)?

    Without `network`, a scoped action asks whether the actor may do it somewhere, which is what a page or a
    button needs to know before a network is chosen. Returns a bool; raises nothing.
    """
    if actor is None:
        return True
    if not (actor.is_authenticated and actor.is_active):
        return False
    if not actor.has_perm(action.perm):
        return False
    if action.scoped and is_network_scoped(actor):
        assigned = coordinated_network_ids(actor)
        return network.pk in assigned if network is not None else bool(assigned)
    return True


def require(actor, action: Action, *, network=None) -> None:
    """Return None when `can(actor, action, network=network)`; else raise `PermissionDenied` (Dutch message)."""
    if not can(actor, action, network=network):
        raise PermissionDenied(action.denied.format(network=network or "dit netwerk"))
