"""Admin for users, their roles and networks, API tokens and the export log (beheerder only).

The AVG erase action and retention review list are the network app's (`network/admin/avg.py`).
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from common.admin import ReadOnlyAdminMixin

from .models import ExportLog, NetworkCoordinator, User
from .permissions import Action, can
from .roles import ROLES
from .services import token_revoke, tokens_visible_to


class NetworkCoordinatorInline(admin.TabularInline):
    model = NetworkCoordinator
    extra = 0
    verbose_name = "netwerk waarvan deze gebruiker coördinator is"
    verbose_name_plural = "netwerken waarvan deze gebruiker coördinator is (rol netwerkcoördinator)"


@admin.register(User)
class RegistryUserAdmin(UserAdmin):
    list_display = ["username", "get_full_name", "email", "roles", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    inlines = [NetworkCoordinatorInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    @admin.display(description="rollen")
    def roles(self, user) -> str:
        return ", ".join(group.name for group in user.groups.all() if group.name in ROLES) or "–"


@admin.register(NetworkCoordinator)
class NetworkCoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "created"]
    list_filter = ["network"]
    list_select_related = ["user", "network"]
    autocomplete_fields = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "network__name"]


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the log is evidence, so nobody edits or deletes it here."""

    list_display = ["created", "user", "operator", "list_name", "rows", "format", "door"]
    list_filter = ["door", "format", "list_name"]
    list_select_related = ["user"]
    search_fields = ["user__username", "operator", "list_name"]
    date_hierarchy = "created"
    readonly_fields = ["created", "user", "operator", "list_name", "filters", "rows", "format", "door"]

    def has_module_permission(self, request):
        return can(request.user, Action.VIEW_EXPORT_LOG)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.VIEW_EXPORT_LOG)


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class RegistryTokenAdmin(TokenAdmin):
    """API tokens: a beheerder sees and revokes all; anyone else with admin access only their own."""

    list_display = ["user", "created"]
    actions = ["revoke"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=tokens_visible_to(actor=request.user).values("pk"))

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_delete_permission(self, request, obj=None):
        return obj is None or can(request.user, Action.MANAGE_USERS) or obj.user_id == request.user.pk

    def delete_model(self, request, obj):
        token_revoke(actor=request.user, token=obj)

    def delete_queryset(self, request, queryset):
        for token in queryset:
            token_revoke(actor=request.user, token=token)

    @admin.action(description="Geselecteerde API-sleutels intrekken")
    def revoke(self, request, queryset):
        count = queryset.count()
        try:
            self.delete_queryset(request, queryset)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, f"{count} API-sleutel(s) ingetrokken.", messages.SUCCESS)
