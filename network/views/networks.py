"""Networks: the list per theme, the page with members and coverage, and the writes on roles and outreach."""

import datetime
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.permissions import Action, can

from .. import selectors, services
from ..choices import OutreachChannel, ParticipationStatus
from ..forms import HandoverForm, MembershipAddForm, MembershipEndForm, OutreachForm, add_service_errors
from ..models import Gemeente, Membership, Network
from .base import login_and_action, login_and_read_right, reference_date, shown
from .charts import quarter_chart
from .worklist import worklist

CHART_START_YEAR = 2020
CHART_MAX_YEARS = 12


def network_or_404(slug: str) -> Network:
    try:
        return selectors.network_get_for_page(slug=slug)
    except Network.DoesNotExist as exc:
        raise Http404("Dit netwerk staat niet in het register.") from exc


def coverage_chart(network: Network, on, *, region: str | None = None):
    """The network's coverage at the start of every quarter since 2020, up to the shown date; at most the last
    CHART_MAX_YEARS years, so a date far ahead (up to 2999) costs no more than today does.

    With `region` (a veiligheidsregio code), only the gemeenten of that region count.
    """
    start = datetime.date(max(min(CHART_START_YEAR, on.year), on.year - CHART_MAX_YEARS + 1), 1, 1)
    dates = selectors.quarter_starts(start=start, end=on)
    points = selectors.coverage_history(networks=[network], dates=dates, region=region)[network.id]
    return quarter_chart(points), points


def participation_choices() -> list[tuple[str, str]]:
    """The participation statuses for the form, each with the coverage status it leads to on its own.

    One vocabulary (issue 13): "Benaderd → In behandeling", with the words of the coverage badges.
    """
    choices = []
    for value, label in ParticipationStatus.choices:
        leads_to = selectors.coverage_status(has_active_role=False, participation_status=value, recent_outreach=False)
        choices.append((value, f"{label} → {leads_to.label}"))
    return choices


def network_worklist(query: QueryDict, network: Network, coverage) -> dict:
    """The network's coverage rows as a worklist (filter by status, sort), with its summary badges and bar."""
    return worklist(
        query,
        network.get_absolute_url(),
        coverage.rows,
        status_of=lambda row: row.status,
        gemeente_of=lambda row: row.gemeente,
        last_contact_of=lambda row: row.last_outreach.date if row.last_outreach else None,
        anchor="#dekking-titel",
    )


@login_and_read_right
def network_list(request):
    return render(request, "network/network_list.html", {"themes": selectors.network_list_by_theme()})


@login_and_read_right
def network_detail(request, slug: str):
    network = network_or_404(slug)
    on = reference_date(request)
    context = {
        "network": network,
        "on": on,
        "is_today": on == timezone.localdate(),
        **shown(
            request,
            "oud",
            selectors.lean_memberships(selectors.network_former_members(network=network, on=on)),
            "former",
        ),
    }
    if network.per_gemeente:
        coverage = selectors.network_coverage(network=network, on=on)
        context["coverage"] = coverage
        context["members"] = selectors.network_members_with_coverage(network=network, on=on, coverage=coverage)
        context["chart"], context["chart_points"] = coverage_chart(network, on)
        context["channels"] = OutreachChannel.choices
        context["statuses"] = participation_choices()
        context["can_set_status"] = can(request.user, Action.CHANGE_PARTICIPATION, network=network)
        context["worklist"] = network_worklist(request.GET, network, coverage)
        blank = OutreachForm()
        for row in coverage.rows:
            row.outreach_form = blank
    else:
        context["members"] = list(selectors.lean_memberships(selectors.network_members(network=network, on=on)))
    return render(request, "network/network_detail.html", context)


def _picker_context(request, chosen=None) -> dict:
    """Search results for the contact picker; after a refused submit the chosen contact stays chosen."""
    query = request.GET.get("q", "")
    picked = selectors.contact_list_for_picker(query=query)
    if chosen is not None:
        picked = [chosen, *(c for c in picked if c.pk != chosen.pk)]
    return {"q": query or (str(chosen) if chosen else ""), "picked": picked, "chosen_pk": chosen.pk if chosen else None}


@login_and_read_right
def contact_picker(request):
    """Search results as radio buttons, swapped into a form by htmx."""
    context = _picker_context(request)
    context["field_name"] = request.GET.get("field", "contact")
    return render(request, "network/partials/contact_picker_results.html", context)


@login_and_action(Action.CHANGE_MEMBERSHIP)
def membership_add(request, slug: str):
    network = network_or_404(slug)
    # "Lid toevoegen" on a to-approach row of the worklist names the gemeente (?gemeente=CODE).
    code = request.GET.get("gemeente")
    initial = {"gemeente": Gemeente.objects.filter(code=code).values_list("pk", flat=True).first()} if code else {}
    form = MembershipAddForm(request.POST or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.membership_start(
                actor=request.user,
                contact=data["contact"],
                network=network,
                role=data["role"],
                gemeente=data["gemeente"],
                start=data["start"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{membership.contact} is toegevoegd aan {network}.")
            return redirect(network)
    chosen = form.cleaned_data.get("contact") if form.is_bound else None
    context = {"network": network, "form": form, "field_name": "contact", **_picker_context(request, chosen)}
    return render(request, "network/membership_add.html", context, status=400 if form.errors else 200)


def _membership(pk: int) -> Membership:
    return get_object_or_404(selectors.membership_list(), pk=pk)


@login_and_action(Action.CHANGE_MEMBERSHIP)
def membership_end(request, pk: int):
    membership = _membership(pk)
    form = MembershipEndForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(actor=request.user, membership=membership, end=form.cleaned_data["end"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"De rol van {membership.contact} in {membership.network} eindigt op {membership.end_date:%d-%m-%Y}.",
            )
            return redirect(membership.network)
    return render(
        request,
        "network/membership_end.html",
        {"membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_and_action(Action.CHANGE_MEMBERSHIP)
def membership_handover(request, pk: int):
    membership = _membership(pk)
    form = HandoverForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.membership_handover(
                actor=request.user, membership=membership, successor=data["successor"], on=data["on"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{membership.get_role_display()} in {membership.network} is overgedragen van {membership.contact} "
                f"aan {new.contact} per {new.start_date:%d-%m-%Y}.",
            )
            return redirect(membership.network)
    chosen = form.cleaned_data.get("successor") if form.is_bound else None
    context = {"membership": membership, "form": form, "field_name": "successor", **_picker_context(request, chosen)}
    return render(request, "network/membership_handover.html", context, status=400 if form.errors else 200)


@require_POST
@login_and_action(Action.CHANGE_OUTREACH)
def outreach_log(request, slug: str, code: str):
    """Log a contactmoment from the coverage table; htmx gets the updated table row back."""
    network = network_or_404(slug)
    if not network.per_gemeente:
        raise Http404("Dit netwerk heeft geen dekking per gemeente.")
    gemeente = get_object_or_404(Gemeente, code=code)
    form = OutreachForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        status = data.pop("status")
        if status and not can(request.user, Action.CHANGE_PARTICIPATION, network=network):
            form.add_error("status", "Je hebt geen rechten om de deelnamestatus te wijzigen.")
        else:
            try:
                services.outreach_log(
                    actor=request.user, gemeente=gemeente, network=network, status=status or "", **data
                )
            except ValidationError as error:
                add_service_errors(form, error)
    on = reference_date(request)
    if not request.htmx:
        if form.errors:
            for error in form.errors.values():
                messages.error(request, " ".join(error))
        else:
            messages.success(request, f"Contactmoment met {gemeente} vastgelegd.")
        return redirect(network)
    coverage = selectors.network_coverage(network=network, on=on)
    row = next((r for r in coverage.rows if r.gemeente.id == gemeente.id), None)
    if row is not None:
        row.outreach_form = form if form.errors else OutreachForm()
    context = {
        "network": network,
        "row": row,
        "on": on,
        "is_today": on == timezone.localdate(),
        "saved": not form.errors,
        "can_log": True,
        "channels": OutreachChannel.choices,
        "statuses": participation_choices(),
        "can_set_status": can(request.user, Action.CHANGE_PARTICIPATION, network=network),
        "open": bool(form.errors),
    }
    # The summary badges and bar change with the row: htmx swaps them out of band, keeping the page's filter.
    page_query = QueryDict(urlsplit(request.htmx.current_url or "").query)
    context["worklist"] = network_worklist(page_query, network, coverage)
    return render(request, "network/partials/outreach_logged.html", context)
