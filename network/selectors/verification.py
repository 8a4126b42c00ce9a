"""Reads of "keeping the register current" (DOMAIN.md): who to ask, a link's request, the proposals, the figures."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..choices import ProposalKind, ProposalStatus, VerificationStatus
from ..models import ChangeProposal, Contact, Gemeente, Membership, Network, Outreach, VerificationRequest, active_on_q
from ..tokens import TokenExpired, TokenInvalid, read_token

__all__ = [
    "VerificationCandidate",
    "VerificationFigures",
    "change_proposal_comparison",
    "change_proposal_list",
    "digest_recipients",
    "open_fresh_request_contact_ids",
    "overdue_follow_ups",
    "verification_candidates",
    "verification_figures_per_network",
    "verification_request_for_token",
    "verification_roles",
]


@dataclass
class VerificationCandidate:
    """A person to ask: their contact row and every role active on the day asked (what the mail lists)."""

    contact: Contact
    roles: list[Membership] = field(default_factory=list)


def _roles() -> QuerySet[Membership]:
    return Membership.objects.select_related("network", "gemeente").order_by("network__name", "role", "id")


def verification_roles(*, contact: Contact, on: datetime.date) -> list[Membership]:
    """The contact's roles active on `on` (one day), with network and gemeente, by network name. Raises nothing."""
    return list(_roles().filter(contact=contact).active_on(on))


def verification_candidates(
    *, on: datetime.date, older_than_days: int, network: Network | None = None, gemeente: Gemeente | None = None
) -> list[VerificationCandidate]:
    """People with at least one role active on `on`, in scope, not confirmed in the `older_than_days` days
    before `on` (or never confirmed): DOMAIN.md "Keeping the register current".

    `network` and `gemeente` narrow the roles that make someone a candidate; each candidate comes with all their
    active roles. Anonymised contacts are left out. Ordered by contact name; two queries. Raises nothing.
    """
    cutoff = on - datetime.timedelta(days=older_than_days)
    stale = Membership.objects.active_on(on).filter(Q(verified_on__isnull=True) | Q(verified_on__lt=cutoff))
    if network is not None:
        stale = stale.filter(network=network)
    if gemeente is not None:
        stale = stale.filter(gemeente=gemeente)
    roles = (
        _roles()
        .select_related("contact")
        .active_on(on)
        .filter(contact__in=stale.values("contact_id"), contact__anonymised_on__isnull=True)
        .order_by("contact__last_name", "contact__first_name", "contact_id", "network__name", "id")
    )
    return [
        VerificationCandidate(contact=rows[0].contact, roles=rows)
        for rows in (list(group) for _, group in groupby(roles, key=lambda m: m.contact_id))
    ]


def open_fresh_request_contact_ids(*, now: datetime.datetime | None = None) -> set[int]:
    """Ids of contacts with an open request that has not expired yet: they are not asked again. One query."""
    now = now or timezone.now()
    return set(
        VerificationRequest.objects.filter(status=VerificationStatus.OPEN, expires__gt=now).values_list(
            "contact_id", flat=True
        )
    )


def verification_request_for_token(token: str) -> VerificationRequest:
    """The request a personal link stands for, with its contact and organisation.

    Raises `network.tokens.TokenInvalid` (wrong or tampered token, or no such request) and `TokenExpired`
    (older than VERIFICATION_TOKEN_MAX_AGE_DAYS, or past the request's own expiry). An answered request is
    returned; the caller shows "al beantwoord" without personal data.
    """
    digest = read_token(token)
    request = VerificationRequest.objects.select_related("contact", "contact__organisation").filter(nonce_hash=digest)
    found = request.first()
    if found is None:
        raise TokenInvalid
    if found.status == VerificationStatus.OPEN and found.is_expired:
        raise TokenExpired
    return found


def change_proposal_list(*, status: str | None = ProposalStatus.OPEN) -> QuerySet[ChangeProposal]:
    """Proposals (open ones by default; `status=None` for all), oldest first, with the person, their organisation,
    the role (network, gemeente) and who decided: no query per row. Raises nothing."""
    proposals = ChangeProposal.objects.select_related(
        "request__contact__organisation", "membership__network", "membership__gemeente", "decided_by"
    ).order_by("created", "id")
    return proposals.filter(status=status) if status else proposals


DETAIL_LABELS = {"job_title": "Functie", "organisation": "Organisatie", "phone": "Telefoon", "mobile": "Mobiel"}


def _day(value: str | None) -> str:
    return datetime.date.fromisoformat(value).strftime("%d-%m-%Y") if value else "—"


def change_proposal_comparison(proposal: ChangeProposal) -> list[tuple[str, str, str]]:
    """The proposal side by side with the register's current data: a list of (what, now, proposed) Dutch texts.

    Reads only what `change_proposal_list` loaded (no query). Raises nothing.
    """
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


def overdue_follow_ups(*, on: datetime.date, user=None) -> QuerySet[Outreach]:
    """Follow-ups planned on or before the Sunday of `on`'s week with no later contactmoment for the same
    gemeente and network (so still to do); optionally only those `user` logged. Oldest first. Raises nothing."""
    week_end = on + datetime.timedelta(days=6 - on.weekday())
    later = Outreach.objects.filter(
        gemeente=OuterRef("gemeente"), network=OuterRef("network"), date__gt=OuterRef("date")
    )
    follow_ups = (
        Outreach.objects.filter(follow_up_date__lte=week_end)
        .filter(~Exists(later))
        .select_related("gemeente", "network", "user")
        .order_by("follow_up_date", "id")
    )
    return follow_ups.filter(user=user) if user is not None else follow_ups


def digest_recipients():
    """Active users in the kernteam group with an e-mail address, by username: who gets the weekly digest.

    Returns a QuerySet of `accounts.User`. Raises nothing.
    """
    from django.contrib.auth import get_user_model

    from accounts.roles import KERNTEAM

    return (
        get_user_model()
        .objects.filter(groups__name=KERNTEAM, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("username")
    )


@dataclass(frozen=True)
class VerificationFigures:
    """Per network: open (fresh) requests and answers with open proposals of its members, and the share of its
    active roles confirmed in the last year (`confirmed_share` in percent, None without roles)."""

    network: Network
    active_roles: int
    confirmed_roles: int
    open_requests: int
    answers_waiting: int

    @property
    def confirmed_share(self) -> int | None:
        return round(100 * self.confirmed_roles / self.active_roles) if self.active_roles else None


def _count_per_network(queryset, network_path: str, counted_field: str = "id") -> Coalesce:
    """A correlated count of distinct `counted_field` values of `queryset` reaching the outer network through
    `network_path`."""
    counted = (
        queryset.filter(**{network_path: OuterRef("pk")})
        .order_by()
        .values(network_path)
        .annotate(n=Count(counted_field, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def verification_figures_per_network(*, on: datetime.date, days: int = 365) -> list[VerificationFigures]:
    """The dashboard's verification figures for every network with an active role on `on`, by name.

    Open requests, and answers (requests) with open proposals, count once per network in which the person holds an
    active role; "confirmed" means `verified_on` within the `days` days up to `on`. One query. Raises nothing.
    """
    active = active_on_q(on, prefix="memberships__")
    cutoff = on - datetime.timedelta(days=days)
    requests = VerificationRequest.objects.filter(status=VerificationStatus.OPEN, expires__gt=timezone.now()).filter(
        active_on_q(on, prefix="contact__memberships__")
    )
    proposals = ChangeProposal.objects.filter(status=ProposalStatus.OPEN).filter(
        active_on_q(on, prefix="request__contact__memberships__")
    )
    networks = (
        Network.objects.annotate(
            active_roles=Count("memberships", filter=active, distinct=True),
            confirmed_roles=Count(
                "memberships", filter=active & Q(memberships__verified_on__gte=cutoff), distinct=True
            ),
            open_requests=_count_per_network(requests, "contact__memberships__network"),
            answers_waiting=_count_per_network(proposals, "request__contact__memberships__network", "request_id"),
        )
        .filter(active_roles__gt=0)
        .order_by("name")
    )
    return [
        VerificationFigures(
            network=network,
            active_roles=network.active_roles,
            confirmed_roles=network.confirmed_roles,
            open_requests=network.open_requests,
            answers_waiting=network.answers_waiting,
        )
        for network in networks
    ]
