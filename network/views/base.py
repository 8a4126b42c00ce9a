"""Helpers shared by the web views: the reference date, permissions and service errors."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.utils import timezone

from accounts.permissions import Action, require

from ..forms import parse_date


def reference_date(request) -> datetime.date:
    """The `?date=` the page shows the registry on (time travel); today when absent or unreadable."""
    today = timezone.localdate()
    on, ok = parse_date(request.GET.get("date"), today)
    if not ok:
        messages.warning(request, f"'{request.GET.get('date')}' is geen datum; de pagina toont vandaag.")
    return on


def login_and_read_right(view):
    """Login first (redirect to the login page), then the registry's read right (403 without a role).

    A logged-in account without any role (a new user not yet put in a group) sees nothing of the registry.
    """

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        require(request.user, Action.VIEW)
        return view(request, *args, **kwargs)

    return wrapped


def login_and_action(*actions: Action):
    """Login first (redirect to the login page), then `can(user, action)` for each action (403 with its Dutch
    message without). A per-network action asks whether the user may do it in some network; the service asks
    again for the network at hand."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            for action in actions:
                require(request.user, action)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


LONG_LIST_SHOWN = 50


def shown(request, param: str, queryset, name: str) -> dict:
    """The first rows of a long history, or all of them when `?<param>=alle`; one query either way."""
    if request.GET.get(param) == "alle":
        return {name: list(queryset), f"{name}_more": False}
    rows = list(queryset[: LONG_LIST_SHOWN + 1])
    return {name: rows[:LONG_LIST_SHOWN], f"{name}_more": len(rows) > LONG_LIST_SHOWN}
