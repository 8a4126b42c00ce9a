"""Downloads of what a page shows, as xlsx or csv, through the importer's export (formula escaping included)."""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from accounts.permissions import Action
from accounts.services import export_logged

from .. import selectors
from ..exporting import CONTENT_TYPES, FORMATS, export_contact_list, export_memberships, write_table
from ..models import Region
from .base import RefusedDate, export_date, login_and_action
from .contacts import filtered_contacts
from .gemeenten import gemeente_or_404
from .networks import network_or_404


def log_download(request, *, list_name: str, rows: int, fmt: str) -> None:
    """Check the export right and log the download (raises PermissionDenied, a 403, for a raadpleger)."""
    export_logged(
        actor=request.user, list_name=list_name, rows=rows, format=fmt, door="web", filters=request.GET.dict()
    )


def download_response(content: bytes, fmt: str, name: str) -> HttpResponse:
    """The file as an attachment named `name.fmt`, with the format's content type."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404("Exporteren kan als xlsx of csv.")


def refuses_bad_dates(view):
    """An export with an unreadable or impossible `?date=` answers 400 with the Dutch reason on a page, and
    leaves no message behind for the next page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except RefusedDate as exc:
            return render(request, "network/export_refused.html", {"message": str(exc)}, status=400)

    return wrapped


# A download takes contact details out of the registry: it needs the read right and the export right.
@login_and_action(Action.VIEW, Action.EXPORT)
@refuses_bad_dates
def gemeente_export(request, code: str, fmt: str):
    """The roles the gemeente page shows on its date."""
    _check_format(fmt)
    gemeente = gemeente_or_404(code)
    on = export_date(request)
    memberships = list(selectors.lean_memberships_for_export(selectors.contacts_for_gemeente(gemeente=gemeente, on=on)))
    log_download(request, list_name=f"Rollen in {gemeente}", rows=len(memberships), fmt=fmt)
    return download_response(export_memberships(memberships, fmt), fmt, f"rollen-{gemeente.slug}-{on.isoformat()}")


@login_and_action(Action.VIEW, Action.EXPORT)
@refuses_bad_dates
def network_export(request, slug: str, fmt: str):
    _check_format(fmt)
    network = network_or_404(slug)
    on = export_date(request)
    memberships = list(selectors.lean_memberships_for_export(selectors.memberships_for_export(on=on, network=network)))
    log_download(request, list_name=f"Rollen in {network}", rows=len(memberships), fmt=fmt)
    return download_response(export_memberships(memberships, fmt), fmt, f"rollen-{network.slug}-{on.isoformat()}")


@login_and_action(Action.VIEW, Action.EXPORT)
@refuses_bad_dates
def coverage_export(request, fmt: str):
    """The coverage board as a table: per gemeente, per network the status, participant, last outreach, follow-up."""
    _check_format(fmt)
    on = export_date(request)
    region = request.GET.get("region") or None
    if region:
        try:
            selectors.region_get(code=region)
        except Region.DoesNotExist as exc:
            raise Http404("Deze veiligheidsregio bestaat niet.") from exc
    matrix = selectors.coverage_matrix(on=on, region=region)
    headers = ["Gemeente", "CBS-code", "Regio"]
    for network in matrix.networks:
        headers += [
            f"{network} – status",
            f"{network} – deelnemer",
            f"{network} – laatste contact",
            f"{network} – vervolg op",
        ]
    rows = []
    for gemeente, cells in matrix.rows:
        row = [gemeente.name, gemeente.code, gemeente.region.code]
        for cell in cells:
            row += [str(cell.status_label), ", ".join(cell.participants), cell.last_outreach, cell.next_follow_up]
        rows.append(row)
    name = f"dekking-{slugify(region or 'var')}-{on.isoformat()}"
    log_download(request, list_name="Dekkingsoverzicht", rows=len(rows), fmt=fmt)
    return download_response(write_table(headers, rows, fmt, sheet_title="Dekking"), fmt, name)


@login_and_action(Action.VIEW, Action.EXPORT)
def contact_list_export(request, fmt: str):
    """The contact list as filtered and sorted on the page (every page of it), with the roles held on its date."""
    _check_format(fmt)
    _filterset, contacts, on, _sort = filtered_contacts(request)
    contacts = list(contacts)
    roles = {contact.pk: selectors.contact_roles_on(contact, on=on) for contact in contacts}
    log_download(request, list_name="Contactpersonen", rows=len(contacts), fmt=fmt)
    content = export_contact_list(contacts, roles, fmt, on=on)
    return download_response(content, fmt, f"contactpersonen-{on.isoformat()}")
