"""Admin for what keeps the register current: verification requests, change proposals, remembered column mappings.

Requests and proposals are made by the command and the personal page and decided in the review queue (through
the services); the admin only shows them. A remembered column mapping may be forgotten (deleted).
"""

from django.contrib import admin

from common.admin import ReadOnlyAdminMixin

from ..models import ChangeProposal, ColumnMapping, VerificationRequest


@admin.register(VerificationRequest)
class VerificationRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("contact", "status", "created", "sent", "expires", "answered")
    list_filter = ("status",)
    list_select_related = ("contact",)
    search_fields = ("contact__last_name", "contact__email")
    date_hierarchy = "created"
    exclude = ("nonce_hash",)


@admin.register(ChangeProposal)
class ChangeProposalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("request", "kind", "status", "created", "decided_by", "decided_on")
    list_filter = ("status", "kind")
    list_select_related = ("request__contact", "decided_by")
    search_fields = ("request__contact__last_name", "request__contact__email")


@admin.register(ColumnMapping)
class ColumnMappingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("headers", "user", "updated")
    list_select_related = ("user",)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("network.delete_columnmapping")
