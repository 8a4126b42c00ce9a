"""Admin for participations (a gemeente's dated status in a programme) and outreach (contactmomenten)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin import ReadOnlyAdminMixin

from .. import services
from ..models import Outreach, Participation, ParticipationStatusChange
from .base import HistoryAdmin, ReadOnlyInline, ServiceAdminMixin, ServiceForm, fresh, today


class ParticipationForm(ServiceForm):
    note = forms.CharField(
        label=_("toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt bij de statuswijziging in de geschiedenis"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status_date" in self.fields:
            self.fields["status_date"].required = True
            self.fields["status_date"].initial = today


class StatusChangeInline(ReadOnlyInline):
    model = ParticipationStatusChange
    fields = ("date", "status", "note", "changed_by")
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")


@admin.register(Participation)
class ParticipationAdmin(ServiceAdminMixin, HistoryAdmin):
    form = ParticipationForm
    list_display = ("network", "gemeente", "status", "status_date")
    list_select_related = ("network", "gemeente")
    search_fields = ("gemeente__name", "network__name")
    list_filter = ("status", "network", "network__theme", "gemeente__region", "gemeente")
    autocomplete_fields = ("gemeente", "network")
    inlines = (StatusChangeInline,)

    def get_fields(self, request, obj=None):
        return ["gemeente", "network", "status", "status_date", "note"]

    def revert_disabled(self, request, obj=None):
        """The dated status changes are the history; an older status is recorded as a new change."""
        return True

    def get_readonly_fields(self, request, obj=None):
        return ("gemeente", "network") if obj is not None else ()

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            stored = fresh(obj)
            if (stored.status, stored.status_date) == (data["status"], data["status_date"]) and not data["note"]:
                return stored
        return services.participation_set_status(
            actor=request.user,
            gemeente=obj.gemeente if change else data["gemeente"],
            network=obj.network if change else data["network"],
            status=data["status"],
            on=data["status_date"],
            note=data["note"],
        )


@admin.register(ParticipationStatusChange)
class ParticipationStatusChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The status steps of every participation in one list; they are recorded through the participation."""

    list_display = ("date", "participation", "status", "changed_by")
    list_select_related = ("participation__gemeente", "participation__network", "changed_by")
    list_filter = ("status", "participation__network", "participation__gemeente__region", "participation__gemeente")
    search_fields = ("participation__gemeente__name", "participation__network__name", "note")
    date_hierarchy = "date"


@admin.register(Outreach)
class OutreachAdmin(ServiceAdminMixin, HistoryAdmin):
    """Contactmomenten are a log: logged through `outreach_log`, then read-only (a correction is a new entry)."""

    list_display = ("date", "gemeente", "network", "channel", "contact", "user", "follow_up_date")
    list_select_related = ("gemeente", "network", "contact", "user")
    search_fields = ("gemeente__name", "network__name", "outcome", "contact__last_name", "contact__email")
    list_filter = ("channel", "network__theme", "network", "gemeente__region", "gemeente")
    autocomplete_fields = ("gemeente", "network", "contact")
    date_hierarchy = "date"
    fields = ("gemeente", "network", "date", "channel", "contact", "outcome", "follow_up_date", "user")
    readonly_fields = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente", "network", "contact", "user")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        return services.outreach_log(
            actor=request.user,
            gemeente=data["gemeente"],
            network=data["network"],
            date=data["date"],
            channel=data["channel"],
            outcome=data["outcome"],
            follow_up_date=data["follow_up_date"],
            contact=data["contact"],
        )
