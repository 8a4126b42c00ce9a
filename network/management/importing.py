"""Helpers the import/export commands share: argument parsing, option checks and the terminal progress bar.

Each raises CommandError with one Dutch sentence; the commands print it and exit 2."""

import datetime
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.text import slugify

from .. import selectors
from ..importing import ImportOptions
from ..importing.options import parse_column_choices
from ..importing.values import parse_date

# The command's option for each ImportOptions field, to name it in a message.
OPTION_NAMES = {"columns": "--column", "as_of": "--as-of", "network": "--network", "sheet": "--sheet", "sync": "--sync"}


def clean_options(options: ImportOptions) -> None:
    """`ImportOptions.clean`, its Dutch messages as one CommandError naming the options."""
    try:
        options.clean()
    except ValidationError as exc:
        raise CommandError(
            " ".join(
                f"{OPTION_NAMES.get(name, name)}: {' '.join(messages)}" for name, messages in exc.message_dict.items()
            )
        ) from exc


def parse_columns(values: list[str]) -> dict[str, str]:
    """The repeatable `--column "KOP=veld"` as header → field; CommandError naming the option when wrong."""
    try:
        return parse_column_choices(values)
    except ValidationError as exc:
        raise CommandError(f"--column: {' '.join(exc.message_dict['columns'])}") from exc


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
