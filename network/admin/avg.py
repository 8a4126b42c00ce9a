"""Admin for the AVG duties: the erase action and the retention review list (beheerder only)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone

from accounts.permissions import Action, can
from common.admin import ReadOnlyAdminMixin

from .. import selectors, services
from ..models import RetentionReviewContact


@admin.action(description="Anonimiseren (AVG): naam, e-mail, telefoon en opmerkingen wissen, ook in de historie")
def erase_contacts(modeladmin, request, queryset):
    """The AVG erasure as an admin action, with a confirmation page; only a beheerder may run it.

    Shared by the contact admin and the retention review list, so both use the one anonymisation service.
    """
    if not can(request.user, Action.ERASE_CONTACT):
        modeladmin.message_user(request, Action.ERASE_CONTACT.denied, messages.ERROR)
        return None
    contacts = list(queryset.filter(anonymised_on__isnull=True).select_related("organisation"))
    if request.POST.get("confirm") == "ja":
        result = services.contacts_anonymise(actor=request.user, contacts=contacts, reason="AVG-verzoek via beheer")
        modeladmin.message_user(request, f"{result.count} contactperso(o)n(en) geanonimiseerd.", messages.SUCCESS)
        for pk, why in result.failed.items():
            modeladmin.message_user(request, f"Contactpersoon #{pk} is {why}", messages.ERROR)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Contactpersonen anonimiseren",
        "contacts": contacts,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", "erase_contacts"),
    }
    return TemplateResponse(request, "network/admin/confirm_erase.html", context)


@admin.register(RetentionReviewContact)
class RetentionReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Contacts without a role for longer than AVG_RETENTION_MONTHS: review, then anonymise (beheerder)."""

    list_display = ["sort_name", "organisation", "email", "last_role_end", "created"]
    search_fields = ["last_name", "first_name", "email"]
    actions = [erase_contacts]

    def get_queryset(self, request):
        return selectors.contacts_for_retention_review(
            on=timezone.localdate(), base=RetentionReviewContact.objects.all()
        )

    @admin.display(description="naam")
    def sort_name(self, contact) -> str:
        return contact.sort_name

    @admin.display(description="laatste rol tot en met", ordering="last_role_end")
    def last_role_end(self, contact):
        return contact.last_role_end or "–"

    def has_module_permission(self, request):
        return can(request.user, Action.ERASE_CONTACT)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.ERASE_CONTACT)
