"""Writes of "keeping the register current" (DOMAIN.md): verification requests, answers, change proposals.

A person answers through their personal link without a login; the services that take that answer are called
with `actor=None` because the valid, unanswered, unexpired request is the authority (checked here). "Klopt"
confirms a role at once; everything else becomes a `ChangeProposal` that the kernteam accepts or rejects.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import Action, require

from ..choices import ProposalKind, ProposalStatus, VerificationStatus
from ..exceptions import ConflictError
from ..models import ChangeProposal, Contact, Membership, VerificationRequest
from ..names import split_name
from ..tokens import max_age, new_token
from .base import _fmt, normalise_email
from .contacts import contact_create, contact_update, organisation_get_or_create
from .memberships import membership_end, membership_start, membership_verify

logger = logging.getLogger("network.verification")

# The work details a person may correct on their page (DOMAIN.md: work contact details only).
DETAIL_FIELDS = ("job_title", "phone", "mobile", "organisation")


@dataclass(frozen=True)
class RoleAnswer:
    """A person's answer about one of their roles: it holds (`ok`), or it stopped on `end_date`, optionally
    with a successor's name and e-mail address."""

    membership: Membership
    ok: bool
    end_date: datetime.date | None = None
    successor_name: str = ""
    successor_email: str = ""


def verification_request_create(
    *, actor: User | None, contact: Contact, now: datetime.datetime | None = None
) -> tuple[VerificationRequest, str]:
    """A new open request for `contact`, expiring VERIFICATION_TOKEN_MAX_AGE_DAYS days from `now`.

    Returns `(request, token)`: the token is for the mail only and is not stored anywhere (a hash of its nonce
    is). Raises `PermissionDenied` without `Action.REQUEST_VERIFICATION`.
    """
    require(actor, Action.REQUEST_VERIFICATION)
    token, digest = new_token()
    request = VerificationRequest.objects.create(
        contact=contact,
        expires=(now or timezone.now()) + max_age(),
        created_by=actor,
        nonce_hash=digest,
    )
    return request, token


def verification_request_mark_sent(*, actor: User | None, request: VerificationRequest) -> VerificationRequest:
    """Record that the request's mail went out (now). Returns the saved request.

    Raises `PermissionDenied` without `Action.REQUEST_VERIFICATION`.
    """
    require(actor, Action.REQUEST_VERIFICATION)
    request.sent = timezone.now()
    request.save(update_fields=["sent"])
    logger.info("Controleverzoek #%s verstuurd aan contactpersoon #%s", request.pk, request.contact_id)
    return request


def verification_request_discard(*, actor: User | None, request: VerificationRequest) -> None:
    """Remove a request whose mail could not be sent, so the person is asked again next time. Returns None.

    Raises `PermissionDenied` without `Action.REQUEST_VERIFICATION`.
    """
    require(actor, Action.REQUEST_VERIFICATION)
    logger.warning("Controleverzoek #%s niet verstuurd; verwijderd", request.pk)
    request.delete()


def _check_open(request: VerificationRequest) -> None:
    if request.status != VerificationStatus.OPEN:
        raise ConflictError("Dit controleverzoek is al beantwoord.")
    if request.is_expired:
        raise ConflictError("Dit controleverzoek is verlopen.")


def _role_proposals(request: VerificationRequest, answer: RoleAnswer) -> list[ChangeProposal]:
    membership = answer.membership
    if answer.end_date is None:
        raise ValidationError({f"end_{membership.pk}": "Geef de datum waarop u met deze rol gestopt bent."})
    if answer.end_date < membership.start_date:
        raise ValidationError(
            {f"end_{membership.pk}": f"De datum ligt voor de start van de rol ({_fmt(membership.start_date)})."}
        )
    proposals = [
        ChangeProposal(
            request=request,
            membership=membership,
            kind=ProposalKind.ROLE_STOPPED,
            payload={"end_date": answer.end_date.isoformat()},
        )
    ]
    name, email = " ".join(answer.successor_name.split()), normalise_email(answer.successor_email)
    if name or email:
        if not name:
            raise ValidationError({f"successor_name_{membership.pk}": "Geef ook de naam van de opvolger."})
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(
                    {f"successor_email_{membership.pk}": f"'{email}' is geen geldig e-mailadres."}
                ) from exc
        parts = split_name(name)
        start = answer.end_date + datetime.timedelta(days=1)
        proposals.append(
            ChangeProposal(
                request=request,
                membership=membership,
                kind=ProposalKind.SUCCESSOR,
                payload={"name": name, **parts._asdict(), "email": email, "start_date": start.isoformat()},
            )
        )
    return proposals


def _detail_changes(contact: Contact, details: dict[str, str]) -> dict[str, str]:
    current = {
        "job_title": contact.job_title,
        "phone": contact.phone,
        "mobile": contact.mobile,
        "organisation": contact.organisation.name if contact.organisation_id else "",
    }
    changes = {}
    for field in DETAIL_FIELDS:
        if field in details:
            value = " ".join((details[field] or "").split())
            if value != current[field]:
                changes[field] = value
    return changes


@transaction.atomic
def verification_answer(
    *,
    actor: User | None,
    request: VerificationRequest,
    roles: list[RoleAnswer],
    details: dict[str, str] | None = None,
    on: datetime.date | None = None,
) -> list[ChangeProposal]:
    """Take a person's answer: roles that hold are confirmed on `on` (today), the rest become proposals.

    `roles` must be active roles of the request's contact; `details` maps DETAIL_FIELDS to the values the person
    gave (unchanged values are ignored). The history names the request as the source. The request is answered
    afterwards and cannot be answered again. Returns the new proposals (list, possibly empty). Raises
    `ConflictError` (already answered, expired), `ValidationError` (a role not theirs, a missing or impossible
    end date, a successor without a name or with an invalid e-mail address) and `PermissionDenied`.
    """
    on = on or timezone.localdate()
    # Locked, so two answers sent at the same moment cannot both pass the "answered once" check.
    locked = VerificationRequest.objects.select_for_update().get(pk=request.pk)
    _check_open(locked)
    contact = request.contact
    proposals: list[ChangeProposal] = []
    for answer in roles:
        if answer.membership.contact_id != contact.pk or not answer.membership.is_active_on(on):
            raise ValidationError("Deze rol hoort niet bij dit controleverzoek.")
        if answer.ok:
            membership_verify(
                actor=actor,
                membership=answer.membership,
                on=on,
                reason=f"Bevestigd door de persoon zelf ({request.source})",
            )
        else:
            proposals += _role_proposals(request, answer)
    changes = _detail_changes(contact, details or {})
    if changes:
        proposals.append(ChangeProposal(request=request, kind=ProposalKind.DETAIL_CORRECTION, payload=changes))
    for proposal in proposals:
        proposal._history_user = actor
        proposal._change_reason = f"Voorgesteld via {request.source}"
        proposal.save()
    request.status = VerificationStatus.ANSWERED
    request.answered = timezone.now()
    request.save(update_fields=["status", "answered"])
    logger.info(
        "Controleverzoek #%s beantwoord: %s rol(len) bevestigd, %s voorstel(len)",
        request.pk,
        sum(1 for answer in roles if answer.ok),
        len(proposals),
    )
    return proposals


def _apply(actor: User | None, proposal: ChangeProposal, reason: str) -> None:
    payload = proposal.payload
    if proposal.kind == ProposalKind.ROLE_STOPPED:
        end = datetime.date.fromisoformat(payload["end_date"])
        membership_end(actor=actor, membership=proposal.membership, end=end, reason=reason)
    elif proposal.kind == ProposalKind.SUCCESSOR:
        successor = Contact.objects.filter(email__iexact=payload["email"]).first() if payload["email"] else None
        if successor is None:
            successor = contact_create(
                actor=actor,
                first_name=payload["first_name"],
                tussenvoegsel=payload["tussenvoegsel"],
                last_name=payload["last_name"],
                email=payload["email"],
                reason=reason,
            )
        held = proposal.membership
        membership_start(
            actor=actor,
            contact=successor,
            network=held.network,
            role=held.role,
            gemeente=held.gemeente,
            start=datetime.date.fromisoformat(payload["start_date"]),
            reason=reason,
        )
    else:
        fields = dict(payload)
        if "organisation" in fields:
            name = fields.pop("organisation")
            fields["organisation"] = organisation_get_or_create(actor=actor, name=name)[0] if name else None
        contact_update(actor=actor, contact=proposal.request.contact, reason=reason, **fields)


def _decide(actor: User | None, proposal: ChangeProposal, status: str, reason: str, change_reason: str) -> None:
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_on = timezone.now()
    proposal.reason = reason
    proposal._history_user = actor
    proposal._change_reason = change_reason
    proposal.save()


@transaction.atomic
def change_proposal_accept(*, actor: User | None, proposal: ChangeProposal) -> ChangeProposal:
    """Apply an open proposal through the registry's services and mark it accepted.

    A stopped role ends on the given date (`membership_end`); a successor starts the next day in the same role,
    network and gemeente (`membership_start`), as the contact with that e-mail address or a new contact; a
    detail correction goes through `contact_update`. The history of each change names the proposal and its
    request. Returns the proposal. Raises `PermissionDenied` without `Action.REVIEW_PROPOSALS` (or the right the
    change itself needs), `ConflictError` (already decided; the role already ended; an overlapping role) and
    `ValidationError` (a date the role does not allow).
    """
    require(actor, Action.REVIEW_PROPOSALS)
    proposal = ChangeProposal.objects.select_for_update().select_related("request__contact").get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ConflictError(f"Dit voorstel is al {proposal.get_status_display().lower()}.")
    reason = f"Wijzigingsvoorstel #{proposal.pk} ({proposal.request.source}) overgenomen"
    _apply(actor, proposal, reason)
    _decide(actor, proposal, ProposalStatus.ACCEPTED, "", reason)
    logger.info("Wijzigingsvoorstel #%s overgenomen", proposal.pk)
    return proposal


@transaction.atomic
def change_proposal_reject(*, actor: User | None, proposal: ChangeProposal, reason: str) -> ChangeProposal:
    """Reject an open proposal, recording why; the registry does not change.

    Returns the proposal. Raises `PermissionDenied` without `Action.REVIEW_PROPOSALS`, `ValidationError` (no
    reason) and `ConflictError` (already decided).
    """
    require(actor, Action.REVIEW_PROPOSALS)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Geef een reden waarom het voorstel wordt afgewezen."})
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ConflictError(f"Dit voorstel is al {proposal.get_status_display().lower()}.")
    _decide(actor, proposal, ProposalStatus.REJECTED, reason, f"Wijzigingsvoorstel afgewezen: {reason}")
    logger.info("Wijzigingsvoorstel #%s afgewezen", proposal.pk)
    return proposal
