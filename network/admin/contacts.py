"""Admin for contacts and their roles (memberships)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import selectors, services
from ..models import Contact, Membership
from .avg import erase_contacts
from .base import (
    ActiveOnTodayFilter,
    HistoryAdmin,
    ReadOnlyInline,
    ServiceAdminMixin,
    ServiceForm,
    active_memberships,
    dutch_date,
    fresh,
    today,
    with_counts,
)
from .events import record_mailing_objection, withdraw_mailing_objection
from .importing import RegistryImportExportMixin


class ContactForm(ServiceForm):
    service_checked_fields = ("email",)


class MembershipInline(ReadOnlyInline):
    model = Membership
    fk_name = "contact"
    fields = ("network", "role", "gemeente", "start_date", "end_date", "verified_on")
    verbose_name_plural = _("rollen (ook beëindigde)")

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("contact", "network", "gemeente")
        return queryset.order_by("-start_date", "id")


@admin.register(Contact)
class ContactAdmin(RegistryImportExportMixin, ServiceAdminMixin, HistoryAdmin):
    form = ContactForm
    list_display = ("sort_name", "email", "organisation", "job_title", "active_roles", "is_demo")
    list_display_links = ("sort_name",)
    list_select_related = ("organisation",)
    search_fields = ("last_name", "first_name", "email", "organisation__name", "job_title")
    list_filter = (
        "memberships__network__theme",
        "memberships__network__level",
        "memberships__network",
        "memberships__role",
        "memberships__gemeente__region",
        "memberships__gemeente",
        "organisation__kind",
        "is_demo",
    )
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("titles", "first_name", "tussenvoegsel", "last_name", "job_title", "organisation")}),
        (_("Bereikbaarheid (werk)"), {"fields": ("email", "phone", "mobile")}),
        (_("Overig"), {"fields": ("notes", "add_membership_link", "is_demo", "import_batch", "created", "updated")}),
        (_("Mailings (AVG)"), {"fields": ("mailing_objection_on",)}),
    )
    readonly_fields = ("add_membership_link", "is_demo", "import_batch", "created", "updated", "mailing_objection_on")
    inlines = (MembershipInline,)
    actions = (erase_contacts, record_mailing_objection, withdraw_mailing_objection)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return with_counts(queryset, active_role_count=Count("memberships", filter=active_memberships()))

    @admin.display(description=_("naam"), ordering="last_name")
    def sort_name(self, obj):
        return obj.sort_name

    @admin.display(description=_("actieve rollen"), ordering="active_role_count")
    def active_roles(self, obj):
        return obj.active_role_count

    @admin.display(description=_("rol toevoegen"))
    def add_membership_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Sla de contactpersoon eerst op.")
        url = reverse("admin:network_membership_add")
        return format_html('<a href="{}?contact={}">{}</a>', url, obj.pk, _("Nieuwe rol voor deze contactpersoon"))

    def service_save(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in services.CONTACT_FIELDS if name in form.cleaned_data}
        if change:
            return services.contact_update(actor=request.user, contact=fresh(obj), **data)
        return services.contact_create(actor=request.user, **data)


def _roles(count: int) -> str:
    return f"{count} {'rol' if count == 1 else 'rollen'}"


class MembershipForm(ServiceForm):
    service_checked_fields = ("end_date",)


class EndMembershipsForm(forms.Form):
    end_date = forms.DateField(
        label=_("einddatum"), widget=AdminDateWidget, help_text=_("De laatste dag waarop de rollen gelden")
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = memberships

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        too_early = [m for m in self.memberships if m.end_date is None and m.start_date > end]
        if too_early:
            names = "; ".join(f"{m} (start {dutch_date(m.start_date)})" for m in too_early)
            raise ValidationError(f"De einddatum {dutch_date(end)} ligt voor de start van: {names}.")
        return end


@admin.register(Membership)
class MembershipAdmin(RegistryImportExportMixin, ServiceAdminMixin, HistoryAdmin):
    form = MembershipForm
    list_display = (
        "contact",
        "network",
        "role",
        "gemeente",
        "start_date",
        "end_date",
        "active_today",
        "verified_on",
        "source",
    )
    list_select_related = ("contact", "network", "gemeente")
    search_fields = ("contact__last_name", "contact__first_name", "contact__email", "network__name", "gemeente__name")
    list_filter = (
        ActiveOnTodayFilter,
        "network__theme",
        "network__level",
        "network",
        "role",
        "gemeente__region",
        "gemeente",
    )
    autocomplete_fields = ("contact", "network", "gemeente")
    date_hierarchy = "start_date"
    actions = ("end_memberships", "verify_memberships")

    def get_queryset(self, request):
        return selectors.membership_list()

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        network = selectors.network_get_or_none(pk=initial["network"]) if "network" in initial else None
        if network is not None and "role" not in initial:
            initial["role"] = network.default_role
        return initial

    def get_fields(self, request, obj=None):
        fields = ["contact", "network", "role", "gemeente", "start_date", "end_date", "notes"]
        if obj is not None:
            fields += ["verified_on", "source", "import_batch", "ended_by_batch", "created", "updated"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("contact", "network", "verified_on", "source", "import_batch", "ended_by_batch", "created", "updated")

    @admin.display(description=_("actief vandaag"), boolean=True)
    def active_today(self, obj):
        return obj.is_active_on(today())

    @admin.display(description=_("bron"))
    def source(self, obj):
        return obj.source

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            return services.membership_update(
                actor=request.user,
                membership=fresh(obj),
                role=data["role"],
                gemeente=data["gemeente"],
                start=data["start_date"],
                end=data["end_date"],
                notes=data["notes"],
            )
        return services.membership_start(
            actor=request.user,
            contact=data["contact"],
            network=data["network"],
            role=data["role"],
            gemeente=data["gemeente"],
            start=data["start_date"],
            end=data["end_date"],
            notes=data["notes"],
        )

    @admin.action(description=_("Geselecteerde rollen beëindigen"), permissions=("change",))
    def end_memberships(self, request, queryset):
        memberships = selectors.memberships_to_end(memberships=queryset)
        if "apply" in request.POST:
            form = EndMembershipsForm(request.POST, memberships=memberships)
            if form.is_valid():
                return self._end_memberships(request, memberships, form.cleaned_data["end_date"])
        else:
            form = EndMembershipsForm(initial={"end_date": today()}, memberships=memberships)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Rollen beëindigen"),
            "opts": self.model._meta,
            "form": form,
            "active": [m for m in memberships if m.end_date is None],
            "ended": [m for m in memberships if m.end_date is not None],
            "memberships": memberships,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/network/membership/end_memberships.html", context)

    @admin.action(description=_("Geselecteerde rollen vandaag bevestigen"), permissions=("change",))
    def verify_memberships(self, request, queryset):
        on = today()
        active = list(queryset.active_on(on))
        for membership in active:
            services.membership_verify(actor=request.user, membership=membership, on=on)
        skipped = queryset.count() - len(active)
        message = f"{_roles(len(active))} bevestigd op {dutch_date(on)}."
        if skipped:
            message += f" {_roles(skipped)} niet bevestigd: niet actief vandaag."
        self.message_user(request, message, messages.SUCCESS)

    def _end_memberships(self, request, memberships, end):
        already_ended = [m for m in memberships if m.end_date is not None]
        try:
            count = services.memberships_end(actor=request.user, memberships=memberships, end=end)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return None
        self.message_user(request, f"{_roles(count)} beëindigd per {dutch_date(end)}.", messages.SUCCESS)
        if already_ended:
            names = "; ".join(f"{m} (t/m {dutch_date(m.end_date)})" for m in already_ended)
            verb = "was al beëindigd en is" if len(already_ended) == 1 else "waren al beëindigd en zijn"
            message = f"{_roles(len(already_ended))} {verb} ongewijzigd gelaten: {names}."
            self.message_user(request, message, messages.WARNING)
        return None
