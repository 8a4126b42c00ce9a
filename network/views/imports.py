"""The import wizard: upload → preview (a dry run) → confirm → the batch page, with undo.

The uploaded file waits between preview and confirm in the private upload folder (network/uploads.py), under
its SHA-256 that the session remembers, so the confirmed import reads exactly the bytes the preview showed.
It is removed when the import is confirmed, when its preview fails, when another file replaces it, and
when it expires.
"""

import datetime
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.permissions import Action

from .. import selectors, services, uploads
from ..exporting import CONTENT_TYPES, import_template_xlsx
from ..forms import ImportUploadForm
from ..importing import ImportFileError, ImportOptions, run_import
from ..importing.columns import FIELD_CHOICES
from ..importing.options import parse_column_choices
from ..models import Network
from .base import login_and_action, login_and_read_right

SESSION_KEY = "import_wizard"
# Rows shown one by one in the preview; the counts cover the whole list.
PREVIEW_ROWS = 1000
# Rows per page of a recorded batch: a list of 100 000 rows is read a page at a time.
BATCH_ROWS_PER_PAGE = 500


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if pending and uploads.upload_exists(pending["sha256"]):
        return pending
    return None


def _forget(request, pending: dict) -> None:
    uploads.discard_upload(pending["sha256"])
    request.session.pop(SESSION_KEY, None)


def _options(pending: dict, *, dry_run: bool) -> ImportOptions:
    network = Network.objects.filter(pk=pending["network"]).first() if pending["network"] else None
    return ImportOptions(
        network=network,
        sheet=pending.get("sheet") or None,
        as_of=datetime.date.fromisoformat(pending["as_of"]) if pending["as_of"] else None,
        sync=pending["sync"],
        skip_invalid=pending["skip_invalid"],
        dry_run=dry_run,
        columns=pending.get("columns") or {},
    )


def _run(request, pending: dict, *, dry_run: bool):
    return run_import(
        actor=request.user,
        file=uploads.load_upload(pending["sha256"]),
        file_name=pending["file_name"],
        options=_options(pending, dry_run=dry_run),
    )


def _store(form) -> str | None:
    """The key of the checked and stored upload, or None with the reason on the form's file field."""
    try:
        return uploads.store_upload(form.cleaned_data["file"])
    except ImportFileError as error:
        form.add_error("file", error.message)
        return None


def _remember(request, data: dict, sha256: str) -> None:
    previous = request.session.get(SESSION_KEY)
    if previous and previous["sha256"] != sha256:
        uploads.discard_upload(previous["sha256"])  # replaced: the earlier preview is abandoned
    request.session[SESSION_KEY] = {
        "sha256": sha256,
        "file_name": Path(data["file"].name).name,
        "network": data["network"].pk if data["network"] else None,
        "as_of": data["as_of"].isoformat() if data["as_of"] else None,
        "sheet": data["sheet"].strip(),
        "sync": data["sync"],
        "skip_invalid": data["skip_invalid"],
    }


@login_and_action(Action.IMPORT)
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sha256 = _store(form)
        if sha256 is not None:
            _remember(request, form.cleaned_data, sha256)
            return redirect("network:import-preview")
    context = {"form": form, "batches": list(selectors.import_batch_list_recent(limit=10))}
    return render(request, "network/import_upload.html", context, status=400 if form.errors else 200)


@login_and_action(Action.IMPORT)
def import_preview(request):
    pending = _pending(request)
    if pending is None:
        messages.warning(request, "Er staat geen bestand klaar; kies eerst een bestand.")
        return redirect("network:import-upload")
    try:
        result = _run(request, pending, dry_run=True)
    except ImportFileError as error:
        _forget(request, pending)
        messages.error(request, error.message)
        return redirect("network:import-upload")
    context = {
        "pending": pending,
        "options": _options(pending, dry_run=True),
        "result": result,
        "summary": result.summary,
        "row_details": [row.detail() for row in result.rows[:PREVIEW_ROWS]],
        "more_rows": max(0, len(result.rows) - PREVIEW_ROWS),
        "field_choices": [*FIELD_CHOICES.items(), ("", "negeren")],
        "can_confirm": not result.errors or pending["skip_invalid"],
    }
    return render(request, "network/import_preview.html", context)


@require_POST
@login_and_action(Action.IMPORT)
def import_columns(request):
    """The preview's column mapping, changed by the user: kept with the waiting file, shown again as a preview."""
    pending = _pending(request)
    if pending is None or request.POST.get("sha256") != pending["sha256"]:
        messages.error(request, "Dit voorbeeld is verlopen of vervangen; laad het bestand opnieuw.")
        return redirect("network:import-upload")
    chosen = {}
    for index in range(int(request.POST.get("count", 0) or 0)):
        header = request.POST.get(f"header-{index}", "")
        if header:
            chosen[header] = request.POST.get(f"field-{index}", "")
    try:
        pending["columns"] = parse_column_choices(chosen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("network:import-preview")
    request.session[SESSION_KEY] = pending
    messages.info(request, "De kolomindeling is aangepast; bekijk het voorbeeld opnieuw.")
    return redirect("network:import-preview")


@require_POST
@login_and_action(Action.IMPORT)
def import_confirm(request):
    pending = _pending(request)
    if pending is None or request.POST.get("sha256") != pending["sha256"]:
        messages.error(request, "Dit voorbeeld is verlopen of vervangen; laad het bestand opnieuw.")
        return redirect("network:import-upload")
    try:
        result = _run(request, pending, dry_run=False)
    except ImportFileError as error:
        _forget(request, pending)
        messages.error(request, error.message)
        return redirect("network:import-upload")
    if result.batch is None:
        messages.error(request, "Het bestand bevat fouten; er is niets geïmporteerd. Bekijk het voorbeeld.")
        return redirect("network:import-preview")
    _forget(request, pending)
    messages.success(request, f"Import #{result.batch.pk} is verwerkt.")
    return redirect("network:import-batch", pk=result.batch.pk)


@login_and_action(Action.IMPORT)
def import_template(request):
    """The template list (xlsx) with every column the importer reads; no registry data, so no export log."""
    response = HttpResponse(import_template_xlsx(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = 'attachment; filename="sjabloon-contactlijst.xlsx"'
    return response


@login_and_read_right
def import_batch(request, pk: int):
    batch = get_object_or_404(selectors.import_batch_list(), pk=pk)
    page = Paginator(selectors.import_batch_rows(batch=batch), BATCH_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "network/import_batch.html", {"batch": batch, "counts": batch.counts, "page": page})


@require_POST
@login_and_action(Action.IMPORT)
def import_undo(request, pk: int):
    batch = get_object_or_404(selectors.import_batch_list(), pk=pk)
    try:
        services.import_undo(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Import #{batch.pk} is teruggedraaid.")
    return redirect("network:import-batch", pk=batch.pk)
