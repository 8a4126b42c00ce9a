"""Admin for the reference data: regions, gemeenten, organisations, themes and networks."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..models import Gemeente, Membership, Network, Organisation, Region, Theme
from .base import HistoryAdmin, ReadOnlyInline, active_memberships, dutch_date, today, with_counts


class ValidTodayFilter(admin.SimpleListFilter):
    title = _("geldig vandaag")
    parameter_name = "geldig"

    def lookups(self, request, model_admin):
        return [("ja", _("Ja")), ("nee", _("Nee (opgeheven of nog niet gestart)"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.valid_on(today())
        if self.value() == "nee":
            return queryset.exclude(pk__in=Gemeente.objects.valid_on(today()).values("pk"))
        return queryset


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "gemeente_count")
    search_fields = ("code", "name")

    def get_queryset(self, request):
        return with_counts(super().get_queryset(request), gemeente_count=Count("gemeenten"))

    @admin.display(description=_("gemeenten"), ordering="gemeente_count")
    def gemeente_count(self, obj):
        return obj.gemeente_count


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "region", "valid_from", "valid_to", "successor", "inhabitants")
    list_select_related = ("region", "successor")
    search_fields = ("name", "code", "aliases")
    list_filter = (ValidTodayFilter, "region")
    autocomplete_fields = ("successor",)
    prepopulated_fields = {"slug": ("name",)}
    fields = (
        "name",
        "slug",
        "code",
        "region",
        "valid_from",
        "valid_to",
        "successor",
        "predecessor_list",
        "aliases",
        "inhabitants",
        "created",
        "updated",
    )
    readonly_fields = ("predecessor_list", "created", "updated")

    @admin.display(description=_("voorgangers"))
    def predecessor_list(self, obj):
        predecessors = obj.predecessors.order_by("name") if obj.pk else []
        return (
            format_html_join(", ", "{} ({}, t/m {})", ((p.name, p.code, dutch_date(p.valid_to)) for p in predecessors))
            or "–"
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "gemeente", "contact_count")
    list_select_related = ("gemeente",)
    search_fields = ("name", "aliases")
    list_filter = ("kind", "gemeente__region", "gemeente")
    autocomplete_fields = ("gemeente",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return with_counts(super().get_queryset(request), contact_count=Count("contacts"))

    @admin.display(description=_("contactpersonen"), ordering="contact_count")
    def contact_count(self, obj):
        return obj.contact_count


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "cluster", "position", "network_count")
    list_editable = ("position",)
    search_fields = ("name",)
    list_filter = ("cluster",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return with_counts(super().get_queryset(request), network_count=Count("networks"))

    @admin.display(description=_("netwerken"), ordering="network_count")
    def network_count(self, obj):
        return obj.network_count


class ActiveMemberInline(ReadOnlyInline):
    model = Membership
    fk_name = "network"
    fields = ("contact", "role", "gemeente", "start_date", "verified_on")
    verbose_name_plural = _("actieve leden (vandaag)")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .active_on(today())
            .select_related("contact", "network", "gemeente")
            .order_by("gemeente__name", "role", "contact__last_name")
        )


@admin.register(Network)
class NetworkAdmin(HistoryAdmin):
    list_display = ("name", "theme", "level", "kind", "per_gemeente", "default_role", "active_member_count")
    list_select_related = ("theme",)
    search_fields = ("name", "description")
    list_filter = ("theme", "theme__cluster", "level", "kind", "per_gemeente")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("add_member_link", "created", "updated")
    inlines = (ActiveMemberInline,)

    @admin.display(description=_("lid toevoegen"))
    def add_member_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Sla het netwerk eerst op.")
        url = reverse("admin:network_membership_add")
        return format_html('<a href="{}?network={}">{}</a>', url, obj.pk, _("Nieuwe rol in dit netwerk"))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return with_counts(queryset, active_member_count=Count("memberships", filter=active_memberships()))

    @admin.display(description=_("actieve leden"), ordering="active_member_count")
    def active_member_count(self, obj):
        return obj.active_member_count
