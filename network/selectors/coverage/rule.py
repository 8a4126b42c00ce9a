"""The coverage rule of DOMAIN.md, decided in one place for the network page, the board, the charts and exports."""

import datetime

from django.conf import settings

from ...choices import CoverageStatus, ParticipationStatus

__all__ = [
    "COVERED_STATUSES",
    "DECLINED_STATUSES",
    "IN_PROGRESS_STATUSES",
    "coverage_status",
    "outreach_is_recent",
]

COVERED_STATUSES = frozenset({ParticipationStatus.PARTICIPANT})
DECLINED_STATUSES = frozenset({ParticipationStatus.DECLINED, ParticipationStatus.STOPPED})
IN_PROGRESS_STATUSES = frozenset({ParticipationStatus.APPROACHED, ParticipationStatus.IN_TALKS})


def outreach_is_recent(date: datetime.date, *, on: datetime.date) -> bool:
    """True when a contactmoment on `date` counts on `on`: within OUTREACH_WINDOW_DAYS days before it, `on` included."""
    return on - datetime.timedelta(days=settings.OUTREACH_WINDOW_DAYS) <= date <= on


def coverage_status(
    *, has_active_role: bool, participation_status: str | None, recent_outreach: bool
) -> CoverageStatus:
    """A member gemeente's coverage status in a per-gemeente network on one date (DOMAIN.md, "Dekking").

    - covered: someone holds a role on behalf of the gemeente, or its participation status is deelnemer;
    - declined: otherwise, when the status is afgewezen or gestopt;
    - in progress: otherwise, when the status is benaderd or in gesprek, or a contactmoment is recent
      (see outreach_is_recent);
    - to approach: everything else.

    `participation_status` is the status in force on the date (None when none was recorded). Raises nothing.
    """
    if has_active_role or participation_status in COVERED_STATUSES:
        return CoverageStatus.COVERED
    if participation_status in DECLINED_STATUSES:
        return CoverageStatus.DECLINED
    if participation_status in IN_PROGRESS_STATUSES or recent_outreach:
        return CoverageStatus.IN_PROGRESS
    return CoverageStatus.TO_APPROACH
