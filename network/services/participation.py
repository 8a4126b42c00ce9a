"""Writes to participations (a gemeente's status in a programme) and outreach (contactmomenten)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from accounts.permissions import Action, require

from ..choices import OutreachChannel, ParticipationStatus
from ..models import Contact, Gemeente, Network, Outreach, Participation, ParticipationStatusChange
from .base import _fmt, _save


@transaction.atomic
def participation_set_status(
    *,
    actor: User | None,
    gemeente: Gemeente,
    network: Network,
    status: str,
    on: datetime.date,
    note: str = "",
) -> Participation:
    """Record a dated status change of a gemeente in a programme-like network (DOMAIN.md, dekking).

    Returns the gemeente's `Participation` in the network, with the new status from `on`; the same status,
    date and note as an earlier change records nothing. Raises
    `PermissionDenied` without `Action.CHANGE_PARTICIPATION` in `network` and `ValidationError` (an unknown
    status, a gemeente that does not exist on `on`).
    """
    require(actor, Action.CHANGE_PARTICIPATION, network=network)
    if status not in ParticipationStatus.values:
        raise ValidationError({"status": f"Onbekende status '{status}'."})
    if not gemeente.is_valid_on(on):
        raise ValidationError({"gemeente": f"{gemeente} bestaat niet op {_fmt(on)}."})
    participation, _ = Participation.objects.get_or_create(gemeente=gemeente, network=network)
    if participation.changes.filter(status=status, date=on, note=note).exists():
        return participation  # the same change again records nothing
    ParticipationStatusChange.objects.create(
        participation=participation, status=status, date=on, note=note, changed_by=actor
    )
    latest = participation.changes.order_by("-date", "-id").first()
    if (participation.status, participation.status_date) != (latest.status, latest.date):
        participation.status, participation.status_date = latest.status, latest.date
        _save(participation, actor, note or None)
    return participation


@transaction.atomic
def outreach_log(
    *,
    actor: User | None,
    gemeente: Gemeente,
    network: Network,
    date: datetime.date,
    channel: str,
    outcome: str = "",
    follow_up_date: datetime.date | None = None,
    contact: Contact | None = None,
    status: str = "",
) -> Outreach:
    """Log a contactmoment with a gemeente about a network and, with `status`, the participation status it led to.

    The contactmoment and the status are one event: both are saved or neither (one transaction). The status
    change is dated `date` with `outcome` as its note (participation_set_status). Returns the saved Outreach.
    Raises ValidationError (unknown channel or status, follow-up before `date`, gemeente not existing on
    `date`) and PermissionDenied (no right to log outreach, or to change the participation when `status`).
    """
    require(actor, Action.CHANGE_OUTREACH, network=network)
    if channel not in OutreachChannel.values:
        raise ValidationError({"channel": f"Onbekend kanaal '{channel}'."})
    if follow_up_date is not None and follow_up_date < date:
        raise ValidationError({"follow_up_date": "De vervolgdatum ligt voor de datum van het contactmoment."})
    outreach = Outreach(
        gemeente=gemeente,
        network=network,
        date=date,
        channel=channel,
        outcome=outcome,
        follow_up_date=follow_up_date,
        user=actor,
        contact=contact,
    )
    _save(outreach, actor)
    if status:
        participation_set_status(actor=actor, gemeente=gemeente, network=network, status=status, on=date, note=outcome)
    return outreach
