"""The start page: where coverage stands, what needs doing in the next two weeks, what changed recently."""

from django.shortcuts import render
from django.utils import timezone

from .. import selectors
from .base import login_and_read_right
from .charts import coverage_bar

UNVERIFIED_SHOWN = 20


@login_and_read_right
def dashboard(request):
    today = timezone.localdate()
    summaries = selectors.coverage_summaries(on=today)
    unverified = list(selectors.unverified_memberships(on=today)[: UNVERIFIED_SHOWN + 1])
    context = {
        "today": today,
        "coverages": [(network, counts, coverage_bar(counts)) for network, counts in summaries],
        "follow_ups": list(selectors.follow_ups_due(on=today, days=14)),
        "imports": list(selectors.import_batch_list_recent(limit=5)),
        "unverified": unverified[:UNVERIFIED_SHOWN],
        "unverified_more": len(unverified) > UNVERIFIED_SHOWN,
    }
    return render(request, "network/dashboard.html", context)
