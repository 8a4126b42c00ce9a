"""The coverage table as a worklist: status badges that filter it (`?status=`) and columns that sort it (`?sort=`).

Used by the network page and the coverage board; rows are already in memory, so neither costs a query.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from ..choices import CoverageStatus
from .charts import coverage_bar

# The order of the worklist: what still needs work first.
WORK_ORDER = [
    CoverageStatus.TO_APPROACH,
    CoverageStatus.IN_PROGRESS,
    CoverageStatus.DECLINED,
    CoverageStatus.COVERED,
]
SORTS = {"gemeente": "Gemeente", "status": "Status", "laatste_contact": "Laatste contact"}


@dataclass
class StatusLink:
    status: str
    label: str
    count: int
    url: str
    active: bool


@dataclass
class SortLink:
    key: str
    label: str
    url: str
    active: bool


def _url(query: QueryDict, path: str, **changes) -> str:
    query = query.copy()
    for key, value in changes.items():
        if value:
            query[key] = value
        else:
            query.pop(key, None)
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


def worklist(
    query: QueryDict,
    path: str,
    rows: list,
    *,
    status_of: Callable[[Any], str],
    gemeente_of: Callable[[Any], Any],
    last_contact_of: Callable[[Any], Any],
    anchor: str,
) -> dict:
    """Filter and sort `rows` by `status` and `sort` in `query` (the page's GET); the context for the template.

    Links keep the rest of the query (date, region, network) and point to `path` followed by `anchor`.
    The dict holds `rows` (filtered and sorted), `status` and `sort` (the valid values asked for, or ""),
    `status_links` (one per coverage status with the count over ALL rows, linking to that filter),
    `sort_links`, `all_url` and `bar` (the coverage bar of all rows). An unknown status or sort is ignored.
    Sorting by last contact puts the oldest contact first and gemeenten never contacted before those.
    """
    counts = dict.fromkeys(CoverageStatus.values, 0)
    for row in rows:
        counts[status_of(row)] += 1
    status = query.get("status", "")
    status = status if status in counts else ""
    sort = query.get("sort", "")
    sort = sort if sort in SORTS else ""
    shown = [row for row in rows if status_of(row) == status] if status else list(rows)
    if sort == "gemeente":
        shown.sort(key=lambda row: gemeente_of(row).name)
    elif sort == "status":
        shown.sort(key=lambda row: (WORK_ORDER.index(status_of(row)), gemeente_of(row).name))
    elif sort == "laatste_contact":
        shown.sort(key=lambda row: (last_contact_of(row) is not None, last_contact_of(row) or 0, gemeente_of(row).name))
    return {
        "rows": shown,
        "status": status,
        "sort": sort,
        "status_links": [
            StatusLink(
                value,
                CoverageStatus(value).label,
                counts[value],
                _url(query, path, status=value) + anchor,
                value == status,
            )
            for value in (s.value for s in WORK_ORDER)
        ],
        "sort_links": {
            key: SortLink(key, label, _url(query, path, sort=key) + anchor, key == sort) for key, label in SORTS.items()
        },
        "all_url": _url(query, path, status="") + anchor,
        "bar": coverage_bar(counts),
        "counts": counts,
    }
