"""Admin plumbing shared by every model whose writes go through `network.services`."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.admin import ReadOnlyAdminMixin

from ..models import active_on_q


class _DryRun(Exception):
    """Raised inside the validation savepoint so everything the service wrote is rolled back."""


class ServiceForm(forms.ModelForm):
    """A ModelForm that validates by running the admin's service call in a savepoint that is rolled back.

    The services own the rules that need other rows (overlapping roles, a unique e-mail address, a gemeente
    that no longer exists on the start date) and phrase them in Dutch. Running the real service during
    validation turns each of its `ValidationError`/`ConflictError`s into a form error on the right field,
    so the admin re-renders the form instead of failing in `save_model`, and nothing is written until the
    form is valid.
    """

    service_admin = None
    service_request = None
    service_checked_fields: tuple[str, ...] = ()

    def _get_validation_exclusions(self):
        # The model's constraints on these fields would report a bare constraint name; the service checks the
        # same rule with a message that says what is wrong.
        return super()._get_validation_exclusions() | set(self.service_checked_fields)

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.service_admin is None:
            return
        change = not self.instance._state.adding
        try:
            with transaction.atomic(using=router.db_for_write(self._meta.model)):
                self.service_admin.service_save(self.service_request, self.instance, self, change)
                raise _DryRun
        except _DryRun:
            pass
        except ValidationError as exc:
            self._add_service_error(exc)

    def _add_service_error(self, exc: ValidationError) -> None:
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc)
            return
        for field, errors in exc.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


class ServiceAdminMixin:
    """Route admin writes through a service: subclasses implement `service_save` and return the saved object.

    Deleting is refused: roles end and contacts are erased by a dedicated action, so history stays.
    """

    form = ServiceForm

    def service_save(self, request, obj, form, change):
        raise NotImplementedError

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"service_admin": self, "service_request": request})

    def save_model(self, request, obj, form, change):
        saved = self.service_save(request, obj, form, change)
        obj.pk = saved.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def has_delete_permission(self, request, obj=None):
        return False


def fresh(obj):
    """The row as it is in the database, for update services that compare against the stored values."""
    return type(obj)._default_manager.get(pk=obj.pk)


def today():
    return timezone.localdate()


def dutch_date(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "–"


def active_memberships(prefix: str = "memberships__") -> Q:
    """Roles active today (models.active_on_q) as a condition across a relation, for counting active roles."""
    return active_on_q(today(), prefix=prefix)


def with_counts(queryset, **counts):
    """Annotate counts for a list column, keeping Meta.ordering.

    Django drops Meta.ordering from GROUP BY queries; the autocomplete widgets page without the changelist's
    ordering, so it is restated for them to page consistently.
    """
    return queryset.annotate(**counts).order_by(*queryset.model._meta.ordering)


class ActiveOnTodayFilter(admin.SimpleListFilter):
    """Roles active today, ended or still to start, by `Membership.objects.active_on`."""

    title = _("actief vandaag / beëindigd")
    parameter_name = "actief"

    def lookups(self, request, model_admin):
        return [
            ("ja", _("Actief vandaag")),
            ("beeindigd", _("Beëindigd")),
            ("toekomstig", _("Start later")),
        ]

    def queryset(self, request, queryset):
        on = today()
        if self.value() == "ja":
            return queryset.active_on(on)
        if self.value() == "beeindigd":
            return queryset.ended_before(on)
        if self.value() == "toekomstig":
            return queryset.filter(start_date__gt=on)
        return queryset


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    """An inline that shows related rows with a link to each; they are edited on their own page."""

    extra = 0
    can_delete = False
    show_change_link = True
    # Django's tabular inline with a text in its two empty column headers (axe-core's empty-table-header).
    template = "admin/network/edit_inline/tabular.html"


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin in Dutch, whose history page labels each version without a query per row.

    The history rows arrive with their foreign keys selected; each version's label reuses them instead of
    letting `str(record.history_object)` fetch the contact, network and gemeente again.
    """

    object_history_template = "admin/network/history/object_history.html"
    object_history_list_template = "admin/network/history/object_history_list.html"
    object_history_form_template = "admin/network/history/object_history_form.html"

    def save_model(self, request, obj, form, change):
        # A save that changes nothing records nothing: no history row for pressing "Opslaan" twice.
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history saves a posted version without checking that reverting is allowed; a view-only
        # page (an outreach entry, a participation) must not become a write.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or self.revert_disabled(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs=foreign_keys_are_objs)
        for record in historical_records:
            obj = record.history_object
            cache = record._state.fields_cache
            for field in obj._meta.concrete_fields:
                if field.is_relation and field.name in cache:
                    field.set_cached_value(obj, cache[field.name])
            record.object_label = str(obj)
