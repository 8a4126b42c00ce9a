"""Small presentation helpers for the web templates."""

import datetime
import functools
import re

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import get_language

from ..choices import OutreachChannel, Role
from ..models import Contact

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """A phone number as a tel: URI (digits and a leading +, nothing else)."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}"


@register.filter
def nl_date(value) -> str:
    """A date as "31-12-2024"; a datetime as "31-12-2024 23:59" in the registry's time zone (Europe/Amsterdam)."""
    if not value:
        return "—"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")


@register.filter
def period(membership) -> str:
    """A role's period in words: "sinds 01-09-2020" or "01-09-2020 t/m 31-03-2022"."""
    if membership.end_date is None:
        return f"sinds {membership.start_date:%d-%m-%Y}"
    return f"{membership.start_date:%d-%m-%Y} t/m {membership.end_date:%d-%m-%Y}"


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (None or "" removes them)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value.isoformat() if isinstance(value, datetime.date) else value
    encoded = urlencode(sorted(params.items()))
    return f"?{encoded}" if encoded else "?"


@register.filter
def iso(value) -> str:
    return value.isoformat() if value else ""


SENTINEL = "0000000000"
DETAIL_ROUTES = {
    "Contact": ("network:contact-detail", "pk"),
    "Gemeente": ("network:gemeente-detail", "code"),
    "Network": ("network:network-detail", "slug"),
    "Event": ("network:event-detail", "slug"),
}


@functools.lru_cache(maxsize=16)
def _route_template(name: str, kwarg: str) -> str:
    return reverse(name, kwargs={kwarg: SENTINEL})


@register.filter
def url(instance) -> str:
    """`get_absolute_url` for long lists: reverse once per kind, not once per row (hundreds of rows per page)."""
    name, kwarg = DETAIL_ROUTES[type(instance).__name__]
    return _route_template(name, kwarg).replace(SENTINEL, str(getattr(instance, kwarg)), 1)


@functools.lru_cache(maxsize=8)
def _labels(field: str, language: str) -> dict[str, str]:
    choices = {"role": Role.choices, "channel": OutreachChannel.choices}[field]
    return {value: str(label) for value, label in choices}


@register.filter
def role_label(value: str) -> str:
    """The Dutch label of a role, without a lazy translation per row."""
    return _labels("role", get_language() or "nl").get(value, value)


@register.filter
def channel_label(value: str) -> str:
    return _labels("channel", get_language() or "nl").get(value, value)


@register.filter
def route(pk, name: str) -> str:
    """`{% url name pk %}` for a route with one `pk`, reversed once per route name rather than once per row."""
    return _route_template(name, "pk").replace(SENTINEL, str(pk), 1)


@register.filter
def iso_value(value) -> str:
    """A form's date value (a date as initial, a string as posted) for an <input type="date">."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value or ""


@register.filter
def contact_field_label(name: str) -> str:
    """The Dutch label of a contact field named in an import's changes ("job_title" → "Functie")."""
    try:
        return capfirst(str(Contact._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        return name


IMPORT_ACTIONS = {
    "new": "Nieuw",
    "updated": "Gewijzigd",
    "unchanged": "Ongewijzigd",
    "error": "Fout",
    "skipped": "Overgeslagen",
}


@register.filter
def import_action(action: str) -> str:
    return IMPORT_ACTIONS.get(action, action)
