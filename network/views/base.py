"""Helpers shared by the web views: the reference date, permissions and service errors."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.utils import timezone

from accounts.permissions import Action, require
from common.dates import InvalidDate, parse_registry_date


def reference_date(request) -> datetime.date:
    """The `?date=` the page shows the registry on (time travel); today when absent.

    An unreadable or impossible date (common.dates: JJJJ-MM-DD, 1900 to 2999) shows today, with a warning
    on the page itself.
    """
    raw = request.GET.get("date")
    if not raw:
        return timezone.localdate()
    try:
        return parse_registry_date(raw)
    except InvalidDate as exc:
        messages.warning(request, f"'{raw}' is geen datum die het register kan tonen. {exc} De pagina toont vandaag.")
        return timezone.localdate()


class RefusedDate(Exception):
    """The `?date=` of a download is not a date the registry can use; `str(error)` is the Dutch message."""


def export_date(request) -> datetime.date:
    """The `?date=` a download is taken on; today when absent. Raises RefusedDate for an unreadable or
    impossible date: a file of another day than asked for would be wrong without anyone seeing it."""
    raw = request.GET.get("date")
    if not raw:
        return timezone.localdate()
    try:
        return parse_registry_date(raw)
    except InvalidDate as exc:
        raise RefusedDate(f"'{raw}': {exc} Er is niets gedownload.") from exc


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
