"""Small presentation helpers for the web templates."""

import datetime
import re

from django import template
from django.utils.http import urlencode

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """A phone number as a tel: URI (digits and a leading +, nothing else)."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}"


@register.filter
def nl_date(value) -> str:
    if not value:
        return "—"
    if isinstance(value, datetime.datetime):
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
