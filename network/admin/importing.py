"""Admin integration: django-import-export's import/export buttons and URLs, running the registry's pipeline.

django-import-export supplies the buttons on the change list, the URLs and the permission hooks; the
import itself is `run_import`, the same as the command and the API, so the admin applies the same matching,
validation and all-or-nothing rules. Its own Resource-based import is not used: it would validate rows one
by one with other rules. Its temporary storage is not used either: its confirm form sends a file name
(`import_file_name`) that the server would open. Here the file waits in the private upload folder under its
SHA-256 (network/uploads.py), the confirm form carries only that key, and the key must be one this session
uploaded.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from accounts.permissions import Action, can
from accounts.services import export_logged

from .. import selectors, services, uploads
from ..exporting import CONTENT_TYPES, FORMATS, export_contacts, export_memberships
from ..forms import add_service_errors
from ..importing import ImportFileError, ImportOptions, run_import
from ..importing.options import parse_column_choices
from ..importing.readers import CSV_EXTENSIONS, SPREADSHEET_EXTENSIONS
from ..models import Contact, ImportBatch, Network

ACCEPT = ",".join(SPREADSHEET_EXTENSIONS + CSV_EXTENSIONS)
SESSION_UPLOADS = "admin_import_uploads"
# Per-row results shown on a batch's admin page; the web page pages through all of them.
ADMIN_BATCH_ROWS = 500
ACTION_LABELS = {
    "new": _("nieuw"),
    "updated": _("gewijzigd"),
    "unchanged": _("ongewijzigd"),
    "error": _("fout"),
    "skipped": _("overgeslagen"),
}


class ImportListForm(forms.Form):
    import_file = forms.FileField(
        label=_("Bestand"),
        help_text=_(".xlsx, .xls, .ods of .csv, zoals Excel, LibreOffice, Outlook of Google het opslaan"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    network = forms.ModelChoiceField(
        label=_("Netwerk"),
        queryset=Network.objects.order_by("name"),
        required=False,
        help_text=_("Voor de hele lijst; leeg laten als de lijst een kolom Netwerk heeft"),
    )
    sheet = forms.CharField(
        label=_("Werkblad"), required=False, help_text=_("Leeg: het werkblad waarop het bestand opent")
    )
    as_of = forms.DateField(
        label=_("Stand per"),
        required=False,
        widget=AdminDateWidget,
        help_text=_("De datum van de lijst; leeg: vandaag"),
    )
    sync = forms.BooleanField(
        label=_("Complete lijst (synchroniseren)"),
        required=False,
        help_text=_("Rollen in dit netwerk die niet op de lijst staan, eindigen de dag voor de stand-per-datum"),
    )
    skip_invalid = forms.BooleanField(label=_("Foute rijen overslaan"), required=False)
    columns = forms.CharField(
        label=_("Kolomindeling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Alleen als een kolom verkeerd wordt gelezen: per regel KOP=veld, bijv. 'Bedrijfsnaam=organisatie' of "
            "'Partner=negeren'. Een gekozen indeling wordt onthouden voor lijsten met dezelfde kolomkoppen."
        ),
    )

    def clean_columns(self):
        lines = [line.strip() for line in self.cleaned_data["columns"].splitlines() if line.strip()]
        try:
            return parse_column_choices(lines)
        except ValidationError as error:
            raise ValidationError(error.message_dict["columns"]) from error

    def clean(self):
        cleaned = super().clean()
        _clean_options(self, cleaned)
        return cleaned


class ConfirmListForm(forms.Form):
    """The preview's choices, carried to the confirm step; the file waits in the private upload folder."""

    upload_key = forms.RegexField(regex=uploads.KEY, widget=forms.HiddenInput)
    network = forms.ModelChoiceField(queryset=Network.objects.all(), required=False, widget=forms.HiddenInput)
    sheet = forms.CharField(required=False, widget=forms.HiddenInput)
    as_of = forms.DateField(widget=forms.HiddenInput)
    sync = forms.BooleanField(required=False, widget=forms.HiddenInput)
    skip_invalid = forms.BooleanField(required=False, widget=forms.HiddenInput)
    columns = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_columns(self):
        try:
            return parse_column_choices(json.loads(self.cleaned_data["columns"] or "{}"))
        except (ValueError, ValidationError, AttributeError) as error:
            raise ValidationError(_("Ongeldige kolomindeling.")) from error

    def clean(self):
        cleaned = super().clean()
        _clean_options(self, cleaned)
        return cleaned


def _clean_options(form: forms.Form, cleaned: dict) -> None:
    """`ImportOptions.clean`'s Dutch errors on the form's fields (as on the web's import form)."""
    try:
        _options(cleaned, dry_run=True).clean(sync_needs_network=True)
    except ValidationError as error:
        add_service_errors(form, error)


def _options(data: dict, *, dry_run: bool) -> ImportOptions:
    return ImportOptions(
        network=data.get("network"),
        sheet=data.get("sheet") or None,
        as_of=data.get("as_of") or timezone.localdate(),
        sync=bool(data.get("sync")),
        skip_invalid=bool(data.get("skip_invalid")),
        dry_run=dry_run,
        columns=data.get("columns") or {},
    )


class RegistryImportExportMixin(ImportExportMixin):
    """Import and export buttons (with a preview and confirm step) on the contact and role admins."""

    import_template_name = "network/importing/admin_import.html"
    export_template_name = "network/importing/admin_export.html"

    def has_import_permission(self, request):
        return can(request.user, Action.IMPORT)

    def has_export_permission(self, request):
        return can(request.user, Action.EXPORT) and self.has_view_permission(request)

    # -- import ---------------------------------------------------------------------------------------

    def _context(self, request, **extra):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}
        request.current_app = self.admin_site.name
        return context

    def import_action(self, request, **kwargs):
        """Upload → dry run → preview; the confirm form carries the stored file to `process_import`."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportListForm(request.POST or None, request.FILES or None)
        context = self._context(request, title=_("Lijst importeren"), form=form, media=self.media + form.media)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["import_file"]
            options = _options(form.cleaned_data, dry_run=True)
            try:
                key = uploads.store_upload(upload)
                result = run_import(
                    actor=request.user, file=uploads.load_upload(key), file_name=upload.name, options=options
                )
            except ImportFileError as exc:
                form.add_error("import_file", str(exc))
            else:
                context["result"] = result
                if result.exit_code != 0:
                    uploads.discard_upload(key)
                else:
                    # The session remembers which keys it uploaded and under which name: the form sends a key only.
                    waiting = request.session.get(SESSION_UPLOADS, {})
                    for old in list(waiting)[:-9]:
                        waiting.pop(old)
                        uploads.discard_upload(old)  # more than ten waiting: the oldest is abandoned
                    request.session[SESSION_UPLOADS] = {**waiting, key: upload.name}
                    context["confirm_form"] = ConfirmListForm(
                        initial={
                            "upload_key": key,
                            "network": options.network,
                            "sheet": options.sheet or "",
                            "as_of": options.as_of,
                            "sync": options.sync,
                            "skip_invalid": options.skip_invalid,
                            "columns": json.dumps(options.columns, ensure_ascii=False),
                        }
                    )
        return TemplateResponse(request, [self.import_template_name], context)

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix()}_import"))
        form = ConfirmListForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("De bevestiging is ongeldig; upload de lijst opnieuw."))
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix()}_import"))
        key = form.cleaned_data["upload_key"]
        waiting = request.session.get(SESSION_UPLOADS, {})
        try:
            if key not in waiting:
                raise uploads.UploadGone(uploads.GONE)
            data = uploads.load_upload(key)
        except uploads.UploadGone as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix()}_import"))
        try:
            result = run_import(
                actor=request.user,
                file=data,
                file_name=waiting[key],
                options=_options(form.cleaned_data, dry_run=False),
            )
        except ImportFileError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix()}_import"))
        finally:
            uploads.discard_upload(key)
            request.session[SESSION_UPLOADS] = {k: name for k, name in waiting.items() if k != key}
        if result.batch is None:
            messages.error(request, _("De lijst bevat fouten; er is niets opgeslagen."))
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix()}_import"))
        summary = result.summary
        messages.success(
            request,
            _(
                "Import #%(batch)s verwerkt: %(new)s nieuwe en %(updated)s gewijzigde contactpersonen, "
                "%(roles)s nieuwe en %(ended)s beëindigde rollen."
            )
            % {
                "batch": result.batch.pk,
                "new": summary["contacts"]["new"],
                "updated": summary["contacts"]["updated"],
                "roles": summary["memberships"]["new"],
                "ended": summary["memberships"]["ended"],
            },
        )
        return HttpResponseRedirect(reverse("admin:network_importbatch_change", args=[result.batch.pk]))

    def _url_prefix(self) -> str:
        return "{}_{}".format(*self.get_model_info())

    # -- export ---------------------------------------------------------------------------------------

    def export_action(self, request):
        """Choose a format; the list exported is the change list as filtered and searched."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        chosen = request.POST.get("format") if request.method == "POST" else None
        if chosen in FORMATS:
            queryset = self.get_export_queryset(request)
            export_logged(
                actor=request.user,
                list_name=str(self.model._meta.verbose_name_plural),
                rows=queryset.count(),
                format=chosen,
                door="admin",
                filters=request.GET.dict(),
            )
            data = self.export_data(queryset, chosen)
            name = f"{self.model._meta.verbose_name_plural}-{timezone.localdate():%Y-%m-%d}.{chosen}"
            response = HttpResponse(data, content_type=CONTENT_TYPES[chosen])
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = self._context(request, title=_("Lijst exporteren"), formats=FORMATS, query=request.GET.urlencode())
        return TemplateResponse(request, [self.export_template_name], context)

    def export_data(self, queryset, fmt: str) -> bytes:
        if self.model is Contact:
            return export_contacts(queryset.select_related("organisation").order_by("last_name", "first_name"), fmt)
        related = ("contact", "contact__organisation", "network", "gemeente")
        return export_memberships(queryset.select_related(*related), fmt)


class ImportBatchAdminMixin:
    """The batch detail shows its counts and per-row results; undo is an action and a button."""

    change_form_template = "network/importing/admin_batch_change_form.html"
    actions = ["undo_batches"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "summary", "row_results"]

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "counts"]
        return [*[f for f in fields if f not in ("summary", "row_results")], "summary", "row_results"]

    def has_undo_permission(self, request) -> bool:
        return can(request.user, Action.IMPORT)

    def get_urls(self):
        urls = super().get_urls()
        undo = path(
            "<int:pk>/terugdraaien/", self.admin_site.admin_view(self.undo_view), name="network_importbatch_undo"
        )
        return [undo, *urls]

    @admin.display(description=_("aantallen"))
    def summary(self, obj):
        counts = obj.counts or {}
        contacts, memberships = counts.get("contacts", {}), counts.get("memberships", {})
        lines = [
            (_("rijen"), counts.get("rows", 0)),
            (
                _("contactpersonen"),
                f"{contacts.get('new', 0)} nieuw, {contacts.get('updated', 0)} gewijzigd, "
                f"{contacts.get('unchanged', 0)} ongewijzigd",
            ),
            (
                _("rollen"),
                f"{memberships.get('new', 0)} nieuw, {memberships.get('unchanged', 0)} ongewijzigd, "
                f"{memberships.get('ended', 0)} beëindigd",
            ),
            (_("overgeslagen"), counts.get("skipped", 0)),
            (_("genegeerde kolommen"), ", ".join(counts.get("ignored_columns", [])) or "–"),
        ]
        warnings = [(w.get("row") or "–", w.get("message", "")) for w in counts.get("warnings", [])]
        html = format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", lines)
        if warnings:
            html += format_html_join("", "<tr><th>let op (rij {})</th><td>{}</td></tr>", warnings)
        return format_html("<table>{}</table>", html)

    @admin.display(description=_("resultaat per rij"))
    def row_results(self, obj):
        rows = []
        shown = list(selectors.import_batch_rows(batch=obj)[: ADMIN_BATCH_ROWS + 1])
        for row in shown[:ADMIN_BATCH_ROWS]:
            changes = "; ".join(f"{name}: {old or '–'} → {new}" for name, (old, new) in row.changes.items())
            contact = row.contact
            if row.contact_id:
                url = reverse("admin:network_contact_change", args=[row.contact_id])
                contact = format_html('<a href="{}">{}</a>', url, contact)
            action = ACTION_LABELS.get(row.action, row.action)
            rows.append((row.row or "–", action, contact, changes or "–", " ".join(row.messages) or "–"))
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
        table = format_html(
            "<table><thead><tr><th>rij</th><th>actie</th><th>contactpersoon</th><th>wijzigingen</th>"
            "<th>meldingen</th></tr></thead><tbody>{}</tbody></table>",
            body,
        )
        if len(shown) > ADMIN_BATCH_ROWS:
            url = reverse("network:import-batch", args=[obj.pk])
            note = '<p>Hier de eerste {} rijen; <a href="{}">alle rijen staan op de importpagina</a>.</p>'
            table += format_html(note, ADMIN_BATCH_ROWS, url)
        return table

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_undo": self.has_undo_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def undo_view(self, request, pk: int):
        """Confirm page (GET) and the undo itself (POST)."""
        if not self.has_undo_permission(request):
            raise PermissionDenied
        batch = get_object_or_404(ImportBatch, pk=pk)
        if request.method == "POST":
            self._undo(request, batch)
            return HttpResponseRedirect(reverse("admin:network_importbatch_change", args=[batch.pk]))
        context = self.admin_site.each_context(request)
        context.update(opts=self.model._meta, batch=batch, title=_("Import terugdraaien"))
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "network/importing/admin_batch_undo.html", context)

    def _undo(self, request, batch) -> bool:
        try:
            services.import_undo(actor=request.user, batch=batch)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return False
        messages.success(
            request, _("Import #%(pk)s (%(file)s) is teruggedraaid.") % {"pk": batch.pk, "file": batch.file_name}
        )
        return True

    @admin.action(description=_("Geselecteerde imports terugdraaien"), permissions=["undo"])
    def undo_batches(self, request, queryset):
        # Newest first, so a batch that later batches built on comes after them.
        for batch in queryset.order_by("-id"):
            self._undo(request, batch)
