"""The jaaroverzicht: the year in figures for the next annual report, on a page and as .xlsx."""

import datetime

from django.http import HttpResponse
from django.shortcuts import render

from .. import selectors
from ..choices import EventStatus
from ..exporting import CONTENT_TYPES, export_year_report
from .base import login_and_read_right
from .charts import tile_map


@login_and_read_right
def year_overview(request, year: int):
    reach = selectors.reach(first=datetime.date(year, 1, 1), last=datetime.date(year, 12, 31))
    report = selectors.year_report(year=year, year_reach=reach)
    if request.GET.get("export") == "xlsx":
        response = HttpResponse(export_year_report(report), content_type=CONTENT_TYPES["xlsx"])
        response["Content-Disposition"] = f'attachment; filename="jaaroverzicht-{year}.xlsx"'
        return response
    tiles, width, height = tile_map(reach.rows)
    names = {g.code: g for g in reach.reached + reach.not_reached}
    context = {
        "year": year,
        "report": report,
        "statuses": EventStatus.choices,
        "not_reached": [names[code] for code in report["gemeenten"]["not_reached"] if code in names],
        "tiles": tiles,
        "map_width": width,
        "map_height": height,
        "is_today": True,
    }
    return render(request, "network/year_overview.html", context)
