"""Admin for users, their roles and networks, API tokens and the export log (beheerder only)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from network.admin_mixins import ReadOnlyAdminMixin
from network.selectors import contacts_for_retention_review
from network.services import contacts_anonymise

from .models import ExportLog, NetworkCoordinator, RetentionReviewContact, User
from .permissions import can
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
        return can(request.user, "view_export_log")

    def has_view_permission(self, request, obj=None):
        return can(request.user, "view_export_log")


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
        return obj is None or can(request.user, "manage_users") or obj.user_id == request.user.pk

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


@admin.action(description="Anonimiseren (AVG): naam, e-mail, telefoon en opmerkingen wissen, ook in de historie")
def erase_contacts(modeladmin, request, queryset):
    """The AVG erasure as an admin action, with a confirmation page; only a beheerder may run it.

    Shared by the contact admin and the retention review list, so both use the one anonymisation service.
    """
    if not can(request.user, "erase_contact"):
        modeladmin.message_user(request, "U mag geen contactpersonen anonimiseren.", messages.ERROR)
        return None
    contacts = list(queryset.filter(anonymised_on__isnull=True).select_related("organisation"))
    if request.POST.get("confirm") == "ja":
        count = contacts_anonymise(actor=request.user, contacts=contacts, reason="AVG-verzoek via beheer")
        modeladmin.message_user(request, f"{count} contactperso(o)n(en) geanonimiseerd.", messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Contactpersonen anonimiseren",
        "contacts": contacts,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", "erase_contacts"),
    }
    return TemplateResponse(request, "accounts/admin/confirm_erase.html", context)


@admin.register(RetentionReviewContact)
class RetentionReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Contacts without a role for longer than AVG_RETENTION_MONTHS: review, then anonymise (beheerder)."""

    list_display = ["sort_name", "organisation", "email", "last_role_end", "created"]
    search_fields = ["last_name", "first_name", "email"]
    actions = [erase_contacts]

    def get_queryset(self, request):
        return contacts_for_retention_review(on=timezone.localdate(), base=RetentionReviewContact.objects.all())

    @admin.display(description="naam")
    def sort_name(self, contact) -> str:
        return contact.sort_name

    @admin.display(description="laatste rol tot en met", ordering="last_role_end")
    def last_role_end(self, contact):
        return contact.last_role_end or "–"

    def has_module_permission(self, request):
        return can(request.user, "erase_contact")

    def has_view_permission(self, request, obj=None):
        return can(request.user, "erase_contact")
