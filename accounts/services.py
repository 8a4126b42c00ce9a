"""Writes of the accounts app: the export log, API tokens and keeping the role groups complete."""

import getpass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from rest_framework.authtoken.models import Token

from .models import ExportDoor, ExportLog
from .permissions import Action, can, require
from .roles import ROLES, role_permissions


@transaction.atomic
def export_logged(
    *, actor, list_name: str, rows: int, format: str, door: str, filters: dict | None = None
) -> ExportLog:
    """Check that `actor` may export and record the export; call it before the file is handed out.

    Every door that produces a list with personal data calls this one function, so the check and the log
    cannot drift apart between the admin, the web pages, the API and the commands.
    """
    require(actor, Action.EXPORT)
    if door not in ExportDoor.values:
        raise ValueError(f"Unknown export door: {door}")
    clean_filters = {key: str(value) for key, value in (filters or {}).items() if value not in (None, "", [])}
    return ExportLog.objects.create(
        user=actor,
        operator="" if actor is not None else _operator(),
        list_name=list_name,
        filters=clean_filters,
        rows=rows,
        format=format,
        door=door,
    )


@transaction.atomic
def bulk_read_logged(*, actor, list_name: str, rows: int, door: str, filters: dict | None = None) -> ExportLog:
    """Record a bulk read: a page of a list with personal data far enough in (API_BULK_READ_PAGES,
    API_BULK_READ_ROWS) that the reader is taking the list rather than looking something up.

    Unlike `export_logged` it checks no right: whoever may read the list may page through it, but the
    export log shows it like a download (format "json"). Returns the new ExportLog row.
    """
    if door not in ExportDoor.values:
        raise ValueError(f"Unknown export door: {door}")
    clean_filters = {key: str(value) for key, value in (filters or {}).items() if value not in (None, "", [])}
    return ExportLog.objects.create(
        user=actor, list_name=list_name, filters=clean_filters, rows=rows, format="json", door=door
    )


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def tokens_visible_to(*, actor):
    """The API tokens `actor` may see: their own, or every token for a beheerder."""
    tokens = Token.objects.select_related("user").order_by("-created")
    if can(actor, Action.MANAGE_USERS):
        return tokens
    return tokens.filter(user=actor)


@transaction.atomic
def token_create(*, actor) -> Token:
    """A new API token for `actor` themselves; returns it, with its full key (show it once, to its owner only).

    Raises ValidationError when `actor` already has one (one key per user, as DRF's Token allows): revoke
    that one first.
    """
    if Token.objects.filter(user=actor).exists():
        raise ValidationError("U heeft al een API-sleutel. Trek die eerst in om een nieuwe te maken.")
    return Token.objects.create(user=actor)


@transaction.atomic
def token_revoke(*, actor, token: Token) -> None:
    """Revoke an API token; its owner and a beheerder may."""
    if actor is not None and token.user_id != actor.pk and not can(actor, Action.MANAGE_USERS):
        raise PermissionDenied("U mag alleen uw eigen API-sleutel intrekken.")
    token.delete()


def sync_role_groups(*, group_model, permission_model) -> None:
    """Create the role groups and add every permission their role carries that they do not have yet.

    Takes the models as arguments so the data migration can pass its historical ones.
    """
    available = {
        (perm.content_type.app_label, perm.codename): perm
        for perm in permission_model.objects.select_related("content_type")
    }
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        # After a flush, post_migrate recreates permissions app by app: take what exists so far.
        wanted = role_permissions(role, list(available)) & set(available)
        have = set(group.permissions.values_list("content_type__app_label", "codename"))
        missing = [available[key] for key in wanted - have]
        if missing:
            group.permissions.add(*missing)
