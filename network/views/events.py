"""Evenementen: the list by year, the event page with attendees, counts and the map of gemeenten present,
invitations from a selection, and the attendance import wizard (upload → preview with "aanmaken" → confirm)."""

import hashlib
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.permissions import Action, can

from .. import selectors, services
from ..attendance import AttendanceOptions, run_attendance_import
from ..event_forms import AttendanceUploadForm, InvitationForm
from ..exporting import FORMATS, export_attendees, export_invitees
from ..importing import ImportFileError
from ..models import Event
from .base import login_and_action, login_and_read_right
from .charts import tile_map
from .exports import download_response, log_download

SESSION_KEY = "attendance_wizard"
UPLOAD_DIR = Path(tempfile.gettempdir()) / "var-netwerkregister-aanwezigheid"


def event_or_404(slug: str) -> Event:
    try:
        return selectors.event_get_for_page(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404("Dit evenement staat niet in het register.") from exc


def _year(request) -> int:
    value = request.GET.get("jaar", "")
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2100 else timezone.localdate().year


@login_and_read_right
def event_list(request):
    year = _year(request)
    context = {
        "year": year,
        "years": [year - 1, year + 1],
        "events": list(selectors.event_list(year=year)),
        "can_change": can(request.user, Action.CHANGE_EVENT),
    }
    return render(request, "network/event_list.html", context)


@login_and_read_right
def event_detail(request, slug: str):
    event = event_or_404(slug)
    reach = selectors.reach(first=event.date, last=event.end_date or event.date, event=event)
    tiles, width, height = tile_map(reach.rows)
    context = {
        "event": event,
        "counts": selectors.event_counts(event),
        "attendees": list(selectors.attendee_list(event=event)),
        "reached": reach.reached,
        "tiles": tiles,
        "map_width": width,
        "map_height": height,
        "is_today": True,
        "can_change": can(request.user, Action.CHANGE_EVENT),
        "can_export": can(request.user, Action.EXPORT),
        "can_import": can(request.user, Action.IMPORT) and can(request.user, Action.CHANGE_EVENT),
    }
    return render(request, "network/event_detail.html", context)


@login_and_action(Action.CHANGE_EVENT)
def event_invite(request, slug: str):
    """GET shows the selection form; with a selection it previews who would be invited (and exports them); POST
    with `confirm` adds them as uitgenodigd."""
    event = event_or_404(slug)
    data = request.POST if request.method == "POST" else (request.GET if request.GET else None)
    form = InvitationForm(data)
    found = None
    if form.is_valid():
        found = selectors.invitees(selection=selectors.Selection(**form.cleaned_data), on=event.date)
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            log_download(request, list_name=f"Uitnodigen voor {event.title}", rows=len(found.contacts), fmt=fmt)
            return download_response(export_invitees(found.contacts, fmt), fmt, f"uitnodigen-{event.slug}")
        if request.method == "POST":
            added = services.invitations_add(actor=request.user, event=event, contacts=found.contacts)
            messages.success(request, f"{added} mensen toegevoegd als uitgenodigd.")
            return redirect(event.get_absolute_url())
    context = {"event": event, "form": form, "found": found, "query": request.GET.urlencode()}
    return render(request, "network/event_invite.html", context, status=400 if form.errors else 200)


@login_and_action(Action.VIEW, Action.EXPORT)
def event_attendees_export(request, slug: str, fmt: str):
    """The event's attendees as xlsx or csv."""
    if fmt not in FORMATS:
        raise Http404("Exporteren kan als xlsx of csv.")
    event = event_or_404(slug)
    attendees = list(selectors.attendee_list(event=event))
    log_download(request, list_name=f"Deelnemers {event.title}", rows=len(attendees), fmt=fmt)
    return download_response(export_attendees(attendees, fmt), fmt, f"deelnemers-{event.slug}")


def _stored(sha256: str) -> Path:
    return UPLOAD_DIR / sha256


def _run(request, pending: dict, *, dry_run: bool, create_rows: set[int]):
    event = event_or_404(pending["event"])
    options = AttendanceOptions(dry_run=dry_run, create_rows=create_rows, skip_organisers=pending["skip_organisers"])
    with _stored(pending["sha256"]).open("rb") as handle:
        return run_attendance_import(
            actor=request.user, file=handle, file_name=pending["file_name"], event=event, options=options
        )


@login_and_action(Action.IMPORT, Action.CHANGE_EVENT)
def event_import(request, slug: str):
    """Step 1 (upload) and step 2 (the preview, a dry run, with an "aanmaken" checkbox per unknown person)."""
    event = event_or_404(slug)
    pending = request.session.get(SESSION_KEY)
    if request.method == "POST":
        form = AttendanceUploadForm(request.POST, request.FILES)
        if form.is_valid():
            content = form.cleaned_data["file"].read()
            sha256 = hashlib.sha256(content).hexdigest()
            UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
            _stored(sha256).write_bytes(content)
            request.session[SESSION_KEY] = {
                "event": event.slug,
                "sha256": sha256,
                "file_name": Path(form.cleaned_data["file"].name).name,
                "skip_organisers": form.cleaned_data["skip_organisers"],
            }
            return redirect("network:event-import", slug=event.slug)
        return render(request, "network/event_import.html", {"event": event, "form": form}, status=400)
    result = None
    if pending and pending["event"] == event.slug and _stored(pending["sha256"]).exists():
        try:
            result = _run(request, pending, dry_run=True, create_rows=set())
        except ImportFileError as error:
            messages.error(request, error.message)
            del request.session[SESSION_KEY]
    context = {"event": event, "form": AttendanceUploadForm(), "result": result, "pending": pending}
    return render(request, "network/event_import.html", context)


@require_POST
@login_and_action(Action.IMPORT, Action.CHANGE_EVENT)
def event_import_confirm(request, slug: str):
    event = event_or_404(slug)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["event"] != event.slug or request.POST.get("sha256") != pending["sha256"]:
        messages.error(request, "Dit voorbeeld is verlopen of vervangen; laad het bestand opnieuw.")
        return redirect("network:event-import", slug=event.slug)
    create_rows = {int(value) for value in request.POST.getlist("aanmaken") if value.isdigit()}
    try:
        result = _run(request, pending, dry_run=False, create_rows=create_rows)
    except ImportFileError as error:
        messages.error(request, error.message)
        return redirect("network:event-import", slug=event.slug)
    if result.batch is None:
        messages.error(request, "Het bestand bevat fouten; er is niets geïmporteerd.")
        return redirect("network:event-import", slug=event.slug)
    _stored(pending["sha256"]).unlink(missing_ok=True)
    del request.session[SESSION_KEY]
    summary = result.summary
    messages.success(
        request,
        f"Import #{result.batch.pk}: {summary['attendees']['new']} nieuwe en {summary['attendees']['updated']} "
        f"gewijzigde deelnemers, {len(summary['unmatched'])} niet herkend.",
    )
    return redirect(event.get_absolute_url())
