"""Admin building blocks that import no app code, so every app's admin can share them without import cycles."""


class ReadOnlyAdminMixin:
    """Rows the admin shows but never adds, edits or deletes: logs, batches, history and review lists."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
