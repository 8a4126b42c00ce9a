"""Downloads of what a page shows, as xlsx or csv, through the importer's export (formula escaping included)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from accounts.services import export_logged

from .. import selectors
from ..exporting import CONTENT_TYPES, FORMATS, export_memberships, write_table
from ..models import Region
from .base import login_and_permission, reference_date
from .gemeenten import gemeente_or_404
from .networks import network_or_404


def _log(request, *, list_name: str, rows: int, fmt: str) -> None:
    """Check the export right and log the download (raises PermissionDenied, a 403, for a raadpleger)."""
    export_logged(
        actor=request.user, list_name=list_name, rows=rows, format=fmt, door="web", filters=request.GET.dict()
    )


def _download(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404("Exporteren kan als xlsx of csv.")


# A download takes contact details out of the registry, so it needs the view permission, not just a login.
@login_and_permission("network.view_membership")
def gemeente_export(request, code: str, fmt: str):
    """The roles the gemeente page shows on its date."""
    _check_format(fmt)
    gemeente = gemeente_or_404(code)
    on = reference_date(request)
    memberships = list(selectors.contacts_for_gemeente(gemeente=gemeente, on=on))
    _log(request, list_name=f"Rollen in {gemeente}", rows=len(memberships), fmt=fmt)
    return _download(export_memberships(memberships, fmt), fmt, f"rollen-{gemeente.slug}-{on.isoformat()}")


@login_and_permission("network.view_membership")
def network_export(request, slug: str, fmt: str):
    _check_format(fmt)
    network = network_or_404(slug)
    on = reference_date(request)
    memberships = list(selectors.export_memberships(on=on, network=network))
    _log(request, list_name=f"Rollen in {network}", rows=len(memberships), fmt=fmt)
    return _download(export_memberships(memberships, fmt), fmt, f"rollen-{network.slug}-{on.isoformat()}")


@login_and_permission("network.view_membership")
def coverage_export(request, fmt: str):
    """The coverage board as a table: per gemeente, per network the status, participant, last outreach, follow-up."""
    _check_format(fmt)
    on = reference_date(request)
    region = request.GET.get("region") or None
    if region:
        get_object_or_404(Region, code=region)
    coverages = [selectors.network_coverage(network=n, on=on) for n in selectors.per_gemeente_networks()]
    by_network = [{row.gemeente.id: row for row in coverage.rows} for coverage in coverages]
    headers = ["Gemeente", "CBS-code", "Regio"]
    for network in (coverage.network for coverage in coverages):
        headers += [
            f"{network} – status",
            f"{network} – deelnemer",
            f"{network} – laatste contact",
            f"{network} – vervolg op",
        ]
    rows = []
    members = [row.gemeente for row in coverages[0].rows] if coverages else []
    for gemeente in members:
        if region and gemeente.region.code != region:
            continue
        row = [gemeente.name, gemeente.code, gemeente.region.code]
        for cells in by_network:
            cell = cells[gemeente.id]
            row += [
                str(cell.status_label),
                ", ".join(m.contact.full_name for m in cell.memberships),
                cell.last_outreach.date if cell.last_outreach else None,
                cell.next_follow_up,
            ]
        rows.append(row)
    name = f"dekking-{slugify(region or 'var')}-{on.isoformat()}"
    _log(request, list_name="Dekkingsoverzicht", rows=len(rows), fmt=fmt)
    return _download(write_table(headers, rows, fmt, sheet_title="Dekking"), fmt, name)
