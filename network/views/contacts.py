"""Contacts: search with filters, the contact page (timeline, change history), edit and merge duplicates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.permissions import Action

from .. import selectors, services
from ..choices import Role
from ..filtersets import ContactFilterSet
from ..forms import ContactForm, ContactRoleForm, MergeForm, add_service_errors
from ..models import Contact
from .base import login_and_action, login_and_read_right

PAGE_SIZE = 50


def _contact(pk: int) -> Contact:
    try:
        return selectors.contact_get_for_page(pk=pk)
    except Contact.DoesNotExist as exc:
        raise Http404("Deze contactpersoon staat niet in het register.") from exc


def filtered_contacts(request) -> tuple:
    """The contact list as the request asks: (filterset, contacts filtered and sorted, the roles' date, sort key).

    Roles are shown as held on `active_on` when that filter is given and valid, otherwise today.
    """
    filterset = ContactFilterSet(request.GET or None, queryset=selectors.contact_list())
    valid = filterset.is_bound and filterset.is_valid()
    contacts = filterset.qs if valid else selectors.contact_list()
    sort = request.GET.get("sort", "")
    contacts = selectors.contact_list_ordered(contacts, sort=sort)
    on = (filterset.form.cleaned_data.get("active_on") if valid else None) or timezone.localdate()
    return filterset, contacts, on, sort


SORT_LABELS = {"naam": "Naam", "functie": "Functie", "organisatie": "Organisatie", "email": "E-mail"}


def _sort_links(request, sort: str) -> list[dict]:
    """Per sortable column: its label, the address that sorts by it (again: the other way round), its aria-sort."""
    links = []
    for key in selectors.CONTACT_SORTS:
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if sort == key else key
        state = "ascending" if sort == key else "descending" if sort == f"-{key}" else ""
        links.append({"label": SORT_LABELS[key], "url": f"?{query.urlencode()}", "aria_sort": state})
    return links


@login_and_read_right
def contact_list(request):
    filterset, contacts, on, sort = filtered_contacts(request)
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    for contact in shown:
        contact.roles_shown = selectors.contact_roles_on(contact, on=on)
    duplicates = selectors.contact_likely_duplicates(shown)
    for contact in shown:
        contact.likely_duplicates = duplicates.get(contact.pk, [])
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "page": page,
        "contacts": shown,
        "on": on,
        "is_today": on == timezone.localdate(),
        "sort_links": _sort_links(request, sort),
        "query": query.urlencode(),
        "gemeenten": selectors.gemeente_list_for_filter(),
        "networks": selectors.network_list_for_filter(),
        "roles": Role.choices,
    }
    return render(request, "network/contact_list.html", context)


@login_and_read_right
def contact_detail(request, pk: int):
    contact = _contact(pk)
    timeline = list(selectors.contact_timeline(contact=contact))
    context = {
        "contact": contact,
        "timeline": timeline,
        "history": selectors.contact_change_history(contact=contact, memberships=timeline),
        "attendances": selectors.attended_events(contact),
    }
    return render(request, "network/contact_detail.html", context)


@login_and_action(Action.CHANGE_CONTACT)
def contact_create(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{contact} is toegevoegd.")
            return redirect(contact)
    return render(request, "network/contact_form.html", {"form": form}, status=400 if form.errors else 200)


@login_and_action(Action.CHANGE_CONTACT)
def contact_edit(request, pk: int):
    contact = _contact(pk)
    form = ContactForm.for_contact(contact, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_update(actor=request.user, contact=contact, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"De gegevens van {contact} zijn opgeslagen.")
            return redirect(contact)
    return render(
        request, "network/contact_form.html", {"form": form, "contact": contact}, status=400 if form.errors else 200
    )


@login_and_action(Action.CHANGE_MEMBERSHIP)
def contact_role_add(request, pk: int):
    contact = _contact(pk)
    form = ContactRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.membership_start(
                actor=request.user,
                contact=contact,
                network=data["network"],
                role=data["role"],
                gemeente=data["gemeente"],
                start=data["start"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{contact} is {membership.get_role_display().lower()} in {membership.network}.")
            return redirect(contact)
    return render(
        request, "network/contact_role_add.html", {"contact": contact, "form": form}, status=400 if form.errors else 200
    )


@login_and_action(Action.CHANGE_CONTACT, Action.MERGE_CONTACTS)
def contact_merge(request, pk: int):
    """Pick the duplicate, compare both side by side, choose per field which value stays."""
    keep = _contact(pk)
    duplicate = None
    duplicate_id = request.POST.get("duplicate") or request.GET.get("duplicate")
    if duplicate_id:
        try:
            duplicate = selectors.contact_get_for_page(pk=int(duplicate_id))
        except (Contact.DoesNotExist, ValueError):
            messages.error(request, "De gekozen dubbele contactpersoon bestaat niet (meer).")
    if duplicate is not None and duplicate.pk == keep.pk:
        messages.error(request, "Kies een andere contactpersoon dan deze.")
        duplicate = None
    form = None
    if duplicate is not None:
        form = MergeForm(request.POST or None, keep=keep, duplicate=duplicate)
        if request.method == "POST" and form.is_valid():
            try:
                services.contact_merge(actor=request.user, keep=keep, duplicate=duplicate, values=form.values())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{duplicate} (#{duplicate.pk}) is samengevoegd met {keep}.")
                return redirect(keep)
    context = {
        "contact": keep,
        "duplicate": duplicate,
        "form": form,
        "candidates": selectors.contact_duplicate_candidates(contact=keep) if duplicate is None else [],
        "field_name": "duplicate",
        "q": request.GET.get("q", ""),
        "picked": selectors.contact_list_for_picker(query=request.GET.get("q", "")) if duplicate is None else [],
    }
    if duplicate is not None:
        context["memberships"] = {
            "keep": list(selectors.contact_timeline(contact=keep)),
            "duplicate": list(selectors.contact_timeline(contact=duplicate)),
        }
    return render(request, "network/contact_merge.html", context, status=400 if form and form.errors else 200)
