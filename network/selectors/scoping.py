"""Which networks, and which rows, a user may change: the netwerkcoördinator's scope as querysets.

Built on the one permission check (`accounts.permissions`); `user=None` is the trusted command-line operator
described there, who may change everything.
"""

from django.db.models import QuerySet

from accounts.permissions import Action, can, coordinated_network_ids, is_network_scoped

from ..models import Network

__all__ = ["networks_changeable_by", "scope_to_changeable"]


def networks_changeable_by(user, action: Action = Action.CHANGE_MEMBERSHIP) -> QuerySet[Network]:
    """The networks in which `user` may do the scoped `action`: all of them, their assigned ones, or none.

    Returns an unevaluated `QuerySet[Network]`. Raises `ValueError` when `action` is not a per-network action
    (a programming error, not something a caller handles).
    """
    if not action.scoped:
        raise ValueError(f"{action.name} is not a per-network action")
    networks = Network.objects.all()
    if user is None:
        return networks
    if not can(user, action):
        return networks.none()
    if is_network_scoped(user):
        return networks.filter(pk__in=coordinated_network_ids(user))
    return networks


def scope_to_changeable(
    user, queryset: QuerySet, *, action: Action = Action.CHANGE_MEMBERSHIP, network_field: str = "network"
) -> QuerySet:
    """Limit a queryset of memberships, participations or outreach to the rows `user` may change.

    Returns the queryset filtered (unevaluated), `queryset.none()` without the right, or unchanged for a user
    who may change every network. `network_field` is the lookup from the row to its network. Raises nothing.
    """
    if user is None:
        return queryset
    if not can(user, action):
        return queryset.none()
    if is_network_scoped(user):
        return queryset.filter(**{f"{network_field}__in": networks_changeable_by(user, action)})
    return queryset
