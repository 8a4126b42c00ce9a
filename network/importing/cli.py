"""Helpers the import/export/undo commands share: argument parsing and the terminal progress bar."""

import datetime
import sys

from django.core.management.base import CommandError
from django.utils.text import slugify

from .. import selectors
from .values import parse_date


def parse_cli_date(value: str | None, option: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise CommandError(f"{option} '{value}' is geen datum; gebruik bijvoorbeeld 2021-03-01.") from exc


def resolve_network(value: str | None):
    if not value:
        return None
    for network in selectors.network_list_for_import():
        if value in (network.slug, network.name) or slugify(value) == network.slug:
            return network
    raise CommandError(f"Het netwerk '{value}' bestaat niet.")


def print_progress(done: int, total: int) -> None:
    """A one-line bar on stderr, redrawn in place (only used when stderr is a terminal)."""
    width = 30
    filled = width * done // total if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rijen")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()
