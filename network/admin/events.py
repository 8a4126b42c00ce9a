"""Admin for events, their attendees and the saved distribution lists (EVENTS.md); writes go through the services."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils import timezone

from .. import services
from ..models import Attendee, DistributionList, Event
from ..services.events import EVENT_FIELDS, EVENT_RELATIONS
from .base import HistoryAdmin, ReadOnlyInline, ServiceAdminMixin, fresh


class AttendeeInline(ReadOnlyInline):
    model = Attendee
    fields = ("contact", "status", "role", "gemeente", "organisation", "minutes", "import_batch")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact", "gemeente", "organisation")


@admin.register(Event)
class EventAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = ("title", "date", "kind", "format", "status", "anonymous_audience")
    list_filter = ("kind", "status", "format", "themes", "networks")
    search_fields = ("title", "slug", "location")
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("themes", "networks", "co_organisers", "moved_to")
    inlines = (AttendeeInline,)
    formfield_overrides = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in (*EVENT_FIELDS, *EVENT_RELATIONS) if name in data}
        if change:
            return services.event_update(actor=request.user, event=fresh(obj), **fields)
        return services.event_create(actor=request.user, slug=data.get("slug", ""), **fields)


@admin.register(Attendee)
class AttendeeAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = ("contact", "event", "status", "role", "gemeente", "organisation", "minutes", "source")
    list_select_related = ("contact", "event", "gemeente", "organisation")
    list_filter = ("status", "role", "event__kind", "event")
    search_fields = ("contact__last_name", "contact__first_name", "contact__email", "event__title")
    autocomplete_fields = ("event", "contact", "gemeente", "organisation")
    readonly_fields = ("import_batch",)

    def get_readonly_fields(self, request, obj=None):
        return ("event", "contact", "import_batch") if obj is not None else ("import_batch",)

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        attendee, _ = services.attendee_set(
            actor=request.user,
            event=obj.event if change else data["event"],
            contact=obj.contact if change else data["contact"],
            status=data["status"],
            role=data["role"],
            gemeente=data.get("gemeente"),
            organisation=data.get("organisation"),
            minutes=data.get("minutes"),
        )
        return attendee


@admin.register(DistributionList)
class DistributionListAdmin(ServiceAdminMixin, HistoryAdmin):
    list_display = ("name", "owner", "updated")
    search_fields = ("name",)
    autocomplete_fields = ("networks", "themes", "gemeenten", "regions")
    readonly_fields = ("owner",)

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        return services.distribution_list_save(
            actor=request.user,
            name=data["name"],
            networks=data["networks"],
            themes=data["themes"],
            levels=data["levels"],
            roles=data["roles"],
            gemeenten=data["gemeenten"],
            regions=data["regions"],
        )


@admin.action(description="Bezwaar tegen mailings vastleggen (vandaag)", permissions=["change"])
def record_mailing_objection(modeladmin, request, queryset):
    today = timezone.localdate()
    for contact in queryset.filter(mailing_objection_on__isnull=True):
        services.contact_set_mailing_objection(actor=request.user, contact=contact, on=today)
    modeladmin.message_user(request, "Het bezwaar is vastgelegd; deze mensen worden niet meer uitgenodigd.")


@admin.action(description="Bezwaar tegen mailings intrekken", permissions=["change"])
def withdraw_mailing_objection(modeladmin, request, queryset):
    for contact in queryset.filter(mailing_objection_on__isnull=False):
        services.contact_set_mailing_objection(actor=request.user, contact=contact, on=None)
    modeladmin.message_user(request, "Het bezwaar is ingetrokken.")
