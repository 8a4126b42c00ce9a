"""The kernteam's review queue: change proposals from personal pages, each beside the register's current data."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.permissions import Action

from .. import selectors, services
from ..choices import ProposalKind
from ..forms import add_service_errors
from ..models import ChangeProposal
from ..verification_forms import RejectForm
from .base import login_and_action


DETAIL_LABELS = {"job_title": "Functie", "organisation": "Organisatie", "phone": "Telefoon", "mobile": "Mobiel"}


def _day(value: str | None) -> str:
    return datetime.date.fromisoformat(value).strftime("%d-%m-%Y") if value else "—"


def comparison(proposal: ChangeProposal) -> list[tuple[str, str, str]]:
    """(what, now in the register, proposed) rows: the proposal side by side with the current data."""
    payload, contact, held = proposal.payload, proposal.request.contact, proposal.membership
    if proposal.kind == ProposalKind.ROLE_STOPPED:
        return [("Einddatum", _day(held.end_date.isoformat() if held.end_date else None), _day(payload["end_date"]))]
    if proposal.kind == ProposalKind.SUCCESSOR:
        return [
            ("Rolhouder", contact.full_name, payload["name"]),
            ("E-mailadres", contact.email or "—", payload["email"] or "—"),
            ("Vanaf", _day(held.start_date.isoformat()), _day(payload["start_date"])),
        ]
    current = {
        "job_title": contact.job_title,
        "organisation": contact.organisation.name if contact.organisation_id else "",
        "phone": contact.phone,
        "mobile": contact.mobile,
    }
    return [(DETAIL_LABELS[name], current[name] or "—", value or "(leeg)") for name, value in payload.items()]


@login_and_action(Action.REVIEW_PROPOSALS)
def proposal_list(request):
    rows = [(proposal, comparison(proposal)) for proposal in selectors.change_proposal_list()]
    return render(request, "network/proposal_list.html", {"rows": rows})


def _open_proposal(pk: int):
    return get_object_or_404(selectors.change_proposal_list(), pk=pk)


@login_and_action(Action.REVIEW_PROPOSALS)
@require_POST
def proposal_accept(request, pk: int):
    proposal = _open_proposal(pk)
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
    proposal = _open_proposal(pk)
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
