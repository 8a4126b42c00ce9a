"""Reach (EVENTS.md): which gemeenten had someone present at a VAR event — and which had none."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from ...choices import AttendeeStatus, CoverageStatus
from ...models import Attendee, Gemeente, valid_on_q

REACHED_LABEL = "Bereikt"
NOT_REACHED_LABEL = "Nog niet bereikt"


@dataclass
class ReachRow:
    """One gemeente on the tile map: `status` reuses the coverage colours (covered = reached)."""

    gemeente: Gemeente
    reached: bool
    present: int = 0  # people present for the gemeente

    @property
    def status(self) -> str:
        return CoverageStatus.COVERED if self.reached else CoverageStatus.TO_APPROACH

    @property
    def status_label(self) -> str:
        return REACHED_LABEL if self.reached else NOT_REACHED_LABEL


@dataclass
class Reach:
    rows: list[ReachRow]

    @property
    def reached(self) -> list[Gemeente]:
        return [row.gemeente for row in self.rows if row.reached]

    @property
    def not_reached(self) -> list[Gemeente]:
        return [row.gemeente for row in self.rows if not row.reached]


def reach(
    *,
    first: datetime.date,
    last: datetime.date,
    theme=None,
    network=None,
    event=None,
) -> Reach:
    """Gemeenten reached by events from `first` to `last` (inclusive), optionally of one theme, network or event.

    A gemeente is reached when at least one attendee present came for it. The rows are the gemeenten that are VAR
    members on `last`, plus any reached gemeente that ended earlier, in name order. Two queries; raises nothing.
    """
    attendances = Attendee.objects.filter(
        status=AttendeeStatus.PRESENT, gemeente__isnull=False, event__date__gte=first, event__date__lte=last
    )
    if theme is not None:
        attendances = attendances.filter(event__themes=theme)
    if network is not None:
        attendances = attendances.filter(event__networks=network)
    if event is not None:
        attendances = attendances.filter(event=event)
    present: dict[int, set[int]] = {}
    for gemeente_id, contact_id in attendances.values_list("gemeente_id", "contact_id"):
        present.setdefault(gemeente_id, set()).add(contact_id)
    gemeenten = Gemeente.objects.filter(valid_on_q(last) | Q(pk__in=list(present))).order_by("name")
    return Reach(rows=[ReachRow(g, g.pk in present, len(present.get(g.pk, ()))) for g in gemeenten])


__all__ = ["Reach", "ReachRow", "reach"]
