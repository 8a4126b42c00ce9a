"""Writes to memberships: a contact's roles in networks over time. Roles end; rows are never deleted."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from accounts.models import User
from accounts.permissions import Action, require

from ..exceptions import ConflictError
from ..models import Contact, Gemeente, ImportBatch, Membership, Network
from .base import _fmt, _save
from .locking import networks_lock


def _check_membership(
    *,
    contact: Contact,
    network: Network,
    role: str,
    gemeente: Gemeente | None,
    start: datetime.date,
    end: datetime.date | None,
    exclude_pk: int | None = None,
) -> None:
    if end is not None and end < start:
        raise ValidationError({"end_date": f"De einddatum {_fmt(end)} ligt voor de startdatum {_fmt(start)}."})
    if gemeente is not None and not gemeente.is_valid_on(start):
        detail = f" (opgegaan in {gemeente.successor})" if gemeente.successor_id else ""
        raise ValidationError({"gemeente": f"{gemeente} bestaat niet op {_fmt(start)}{detail}."})
    overlapping = Membership.objects.filter(contact=contact, network=network, role=role, gemeente=gemeente).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    if end is not None:
        overlapping = overlapping.filter(start_date__lte=end)
    if exclude_pk:
        overlapping = overlapping.exclude(pk=exclude_pk)
    clash = overlapping.first()
    if clash:
        until = f"t/m {_fmt(clash.end_date)}" if clash.end_date else "zonder einddatum"
        raise ConflictError(
            f"{contact} heeft deze rol in {network} al van {_fmt(clash.start_date)} {until}; "
            "beëindig die eerst of pas de periode aan."
        )


@transaction.atomic
def membership_start(
    *,
    actor: User | None,
    contact: Contact,
    network: Network,
    start: datetime.date,
    role: str | None = None,
    gemeente: Gemeente | None = None,
    end: datetime.date | None = None,
    verified_on: datetime.date | None = None,
    import_batch: ImportBatch | None = None,
    notes: str = "",
    reason: str | None = None,
) -> Membership:
    """Give a contact a role in a network from `start` (and until `end`, if known; both days inclusive).

    Returns the saved `Membership`. Raises `PermissionDenied` without `Action.CHANGE_MEMBERSHIP` in `network`,
    `ValidationError` (end before start, a gemeente that does not exist on `start`, DOMAIN.md herindeling) and
    `ConflictError` (the contact already holds this role there in an overlapping period).
    """
    require(actor, Action.CHANGE_MEMBERSHIP, network=network)
    role = role or network.default_role
    networks_lock(network_ids=[network.pk])
    _check_membership(contact=contact, network=network, role=role, gemeente=gemeente, start=start, end=end)
    membership = Membership(
        contact=contact,
        network=network,
        role=role,
        gemeente=gemeente,
        start_date=start,
        end_date=end,
        verified_on=verified_on or start,
        import_batch=import_batch,
        notes=notes,
    )
    _save(membership, actor, reason)
    return membership


@transaction.atomic
def membership_update(
    *,
    actor: User | None,
    membership: Membership,
    role: str | None = None,
    gemeente: Gemeente | None = ...,  # type: ignore[assignment]
    start: datetime.date | None = None,
    end: datetime.date | None = ...,  # type: ignore[assignment]
    notes: str | None = None,
) -> Membership:
    """Correct a role's details (a typo in a date, the wrong gemeente); arguments left out stay as they are.

    Returns the saved `Membership`; an update that changes nothing writes nothing (no history row). Raises
    `PermissionDenied`, `ValidationError` and `ConflictError` as `membership_start` does.
    """
    require(actor, Action.CHANGE_MEMBERSHIP, network=membership.network)
    networks_lock(network_ids=[membership.network_id])
    role = role or membership.role
    gemeente = membership.gemeente if gemeente is ... else gemeente
    start = start or membership.start_date
    end = membership.end_date if end is ... else end
    unchanged = (role, gemeente, start, end) == (
        membership.role,
        membership.gemeente,
        membership.start_date,
        membership.end_date,
    )
    if unchanged and (notes is None or notes == membership.notes):
        return membership
    _check_membership(
        contact=membership.contact,
        network=membership.network,
        role=role,
        gemeente=gemeente,
        start=start,
        end=end,
        exclude_pk=membership.pk,
    )
    membership.role, membership.gemeente, membership.start_date, membership.end_date = role, gemeente, start, end
    if notes is not None:
        membership.notes = notes
    _save(membership, actor)
    return membership


def _lock_active(membership: Membership) -> None:
    """Lock the role (its network first, as every role writer does) and check it is still open, as stored now.

    A parallel end or handover that committed first makes this one a `ConflictError` instead of a second end.
    """
    networks_lock(network_ids=[membership.network_id])
    end_date = Membership.objects.select_for_update().values_list("end_date", flat=True).get(pk=membership.pk)
    membership.end_date = end_date
    if end_date is not None:
        raise ConflictError(f"Deze rol is al beëindigd op {_fmt(end_date)}.")


@transaction.atomic
def membership_end(
    *,
    actor: User | None,
    membership: Membership,
    end: datetime.date,
    ended_by_batch: ImportBatch | None = None,
    reason: str | None = None,
) -> Membership:
    """End a role on `end` (its last day, inclusive). The row stays: it is the history.

    Returns the saved `Membership`. Raises `PermissionDenied` without `Action.CHANGE_MEMBERSHIP` in its
    network, `ConflictError` (the role has already ended, also when a parallel end or handover committed
    first: the role is re-read under a row lock) and `ValidationError` (`end` before its start).
    """
    require(actor, Action.CHANGE_MEMBERSHIP, network=membership.network)
    _lock_active(membership)
    if end < membership.start_date:
        raise ValidationError(
            {"end_date": f"De einddatum {_fmt(end)} ligt voor de startdatum {_fmt(membership.start_date)}."}
        )
    membership.end_date = end
    membership.ended_by_batch = ended_by_batch
    _save(membership, actor, reason)
    return membership


@transaction.atomic
def membership_handover(
    *, actor: User | None, membership: Membership, successor: Contact, on: datetime.date, role: str | None = None
) -> Membership:
    """Hand a role over: the holder's last day is the day before `on`, the successor starts on `on`.

    Returns the successor's new `Membership`. Raises `PermissionDenied` without `Action.CHANGE_MEMBERSHIP` in
    its network, `ValidationError` (the successor is the holder, `on` not after the start) and `ConflictError`
    (as `membership_end` and `membership_start`).
    """
    require(actor, Action.CHANGE_MEMBERSHIP, network=membership.network)
    if successor.pk == membership.contact_id:
        raise ValidationError({"successor": "De opvolger is dezelfde persoon als de huidige rolhouder."})
    if on <= membership.start_date:
        raise ValidationError(
            {"date": f"De overdrachtsdatum moet na de startdatum {_fmt(membership.start_date)} liggen."}
        )
    membership_end(actor=actor, membership=membership, end=on - datetime.timedelta(days=1))
    return membership_start(
        actor=actor,
        contact=successor,
        network=membership.network,
        role=role or membership.role,
        gemeente=membership.gemeente,
        start=on,
    )


@transaction.atomic
def memberships_end(*, actor: User | None, memberships: Iterable[Membership], end: datetime.date) -> int:
    """End several roles on one date (the admin action); roles already ended are left alone.

    Returns how many roles were ended (int); all or none, in one transaction. Raises what `membership_end`
    raises (`PermissionDenied`, `ValidationError`, `ConflictError`).
    """
    count = 0
    for membership in memberships:
        if membership.end_date is None:
            membership_end(actor=actor, membership=membership, end=end)
            count += 1
    return count


@transaction.atomic
def membership_verify(
    *, actor: User | None, membership: Membership, on: datetime.date, reason: str | None = None
) -> Membership:
    """Record that a list, a user or the person themselves (`reason` names the source) confirmed the role on `on`.

    Returns the saved `Membership`. Raises `PermissionDenied` without `Action.CHANGE_MEMBERSHIP` in its
    network.
    """
    require(actor, Action.CHANGE_MEMBERSHIP, network=membership.network)
    if membership.verified_on is None or membership.verified_on < on:
        membership.verified_on = on
        _save(membership, actor, reason)
    return membership
