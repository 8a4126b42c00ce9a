"""Admin for import batches: a read-only record of every imported contact list."""

from django.contrib import admin

from common.admin import ReadOnlyAdminMixin

from ..models import ImportBatch
from .importing import ImportBatchAdminMixin


@admin.register(ImportBatch)
class ImportBatchAdmin(ImportBatchAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("id", "file_name", "network", "mode", "as_of", "status", "user", "created")
    list_display_links = ("id", "file_name")
    list_select_related = ("network", "user")
    list_filter = ("status", "mode", "network")
    search_fields = ("file_name", "sha256")
    date_hierarchy = "created"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("network", "user", "undone_by")
