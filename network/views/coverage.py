"""The coverage board: every gemeente × every per-gemeente network, a tile map and the trend per quarter."""

from django.shortcuts import render
from django.utils import timezone

from .. import selectors
from .base import login_and_read_right, reference_date
from .charts import tile_map
from .networks import coverage_chart
from .worklist import worklist


@login_and_read_right
def coverage_board(request):
    on = reference_date(request)
    regions = list(selectors.region_list())
    region = request.GET.get("region", "")
    if region not in {r.code for r in regions}:
        region = ""
    matrix = selectors.coverage_matrix(on=on, region=region or None)
    selected = next((n for n in matrix.networks if n.slug == request.GET.get("network")), None)
    if selected is None and matrix.networks:
        selected = matrix.networks[0]
    context = {
        "on": on,
        "is_today": on == timezone.localdate(),
        "regions": regions,
        "region": region,
        "matrix": matrix,
        "selected": selected,
    }
    if selected is not None:
        index = matrix.networks.index(selected)
        # Each row with the selected network's cell, which the worklist filters and sorts on.
        rows = [(gemeente, cells, cells[index]) for gemeente, cells in matrix.rows]
        context["worklist"] = worklist(
            request.GET,
            request.path,
            rows,
            status_of=lambda row: row[2].status,
            gemeente_of=lambda row: row[0],
            last_contact_of=lambda row: row[2].last_outreach,
            anchor="#matrix-titel",
        )
        context["tiles"], context["map_width"], context["map_height"] = tile_map(matrix.column(selected))
        context["chart"], context["chart_points"] = coverage_chart(selected, on, region=region or None)
    return render(request, "network/coverage_board.html", context)
