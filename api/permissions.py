"""Model permissions for every request, reads included: a user without `view_contact` sees no contacts."""

from rest_framework import permissions

from accounts.permissions import Action, can


class ModelPermissions(permissions.DjangoModelPermissions):
    """Django's model permissions, with `view` required for reads.

    A view can name what an action needs in `action_permissions`: an `Action` of the registry's one permission
    check (`accounts.permissions.can`, e.g. `Action.IMPORT` for an import), or a list of model permissions (for
    example the coverage of a network reads memberships, participations and outreach); other actions follow
    the HTTP method.
    """

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        required = getattr(view, "action_permissions", {}).get(getattr(view, "action", None))
        if isinstance(required, Action):
            return can(request.user, required)
        if required is not None:
            return request.user.has_perms(required)
        return super().has_permission(request, view)
