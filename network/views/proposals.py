"""The kernteam's review queue: change proposals from personal pages, each beside the register's current data."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.permissions import Action

from .. import selectors, services
from ..forms import add_service_errors
from ..verification_forms import RejectForm
from .base import login_and_action, login_and_read_right


@login_and_action(Action.REVIEW_PROPOSALS)
def proposal_list(request):
    rows = [(proposal, selectors.change_proposal_comparison(proposal)) for proposal in selectors.change_proposal_list()]
    return render(request, "network/proposal_list.html", {"rows": rows})


def _proposal(pk: int):
    return get_object_or_404(selectors.change_proposal_list(status=None), pk=pk)


@login_and_action(Action.REVIEW_PROPOSALS)
@require_POST
def proposal_accept(request, pk: int):
    proposal = _proposal(pk)
    try:
        services.change_proposal_accept(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Voorstel #{proposal.pk} is overgenomen.")
    return redirect("network:proposal-list")


@login_and_action(Action.REVIEW_PROPOSALS)
@require_POST
def proposal_reject(request, pk: int):
    proposal = _proposal(pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.change_proposal_reject(actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Voorstel #{proposal.pk} is afgewezen.")
            return redirect("network:proposal-list")
    messages.error(request, "Geef een reden waarom het voorstel wordt afgewezen.")
    return redirect("network:proposal-list")


@login_and_read_right
def verification_figures(request):
    """Per network: open requests, answers waiting for review, share of roles confirmed in the last year.

    The dashboard loads it into its page (htmx); opened directly it is a page of its own.
    """
    context = {"figures": selectors.verification_figures_per_network(on=timezone.localdate())}
    template = "network/partials/verification_figures.html" if request.htmx else "network/verification_figures.html"
    return render(request, template, context)
