"""What templates may ask of the one permission check, as lazy booleans computed by `can`."""

from functools import partial

from .permissions import Action, can


def rights(request) -> dict:
    """`can_import` and `can_export` for the current user; evaluated only when a template reads them.

    Django calls a callable context value when a template resolves it, so a page that never shows an import or
    export link runs no permission check for it.
    """
    user = getattr(request, "user", None)
    return {
        "can_import": partial(can, user, Action.IMPORT),
        "can_export": partial(can, user, Action.EXPORT),
        "can_review_proposals": partial(can, user, Action.REVIEW_PROPOSALS),
    }
