"""Gemeenten: the list per region and the page that answers "who is our contact in this gemeente?"."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .. import selectors
from ..models import Gemeente
from .base import login_and_read_right, reference_date, shown


@login_and_read_right
def gemeente_list(request):
    on = reference_date(request)
    return render(
        request,
        "network/gemeente_list.html",
        {"on": on, "is_today": on == timezone.localdate(), "regions": selectors.gemeente_list_by_region(on=on)},
    )


def gemeente_or_404(code: str) -> Gemeente:
    try:
        return selectors.gemeente_get_for_page(code=code)
    except Gemeente.DoesNotExist as exc:
        raise Http404("Deze gemeente staat niet in het register.") from exc


@login_and_read_right
def gemeente_detail(request, code: str):
    gemeente = gemeente_or_404(code)
    on = reference_date(request)
    memberships = list(selectors.lean_memberships(selectors.contacts_for_gemeente(gemeente=gemeente, on=on)))
    context = {
        "gemeente": gemeente,
        "on": on,
        "is_today": on == timezone.localdate(),
        "is_member": gemeente.is_valid_on(on),
        "predecessors": list(gemeente.predecessors.all()),
        "themes": selectors.group_by_theme(memberships),
        "role_count": len(memberships),
        "coverage": selectors.coverage_for_gemeente(gemeente=gemeente, on=on),
        "outreach": list(selectors.outreach_for_gemeente(gemeente=gemeente)),
        **shown(request, "geschiedenis", selectors.gemeente_membership_history(gemeente=gemeente), "history"),
        "participation_changes": list(selectors.gemeente_participation_changes(gemeente=gemeente)),
        "events": selectors.attended_events(gemeente),
    }
    return render(request, "network/gemeente_detail.html", context)
