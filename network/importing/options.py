"""What an import is asked to do, and the one check of those choices that every way in (web, admin, API,
command) shares."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Network
from .columns import FIELD_CHOICES, field_for

# The registry computes with dates from 1900 on, as the API's date parameters do.
EARLIEST_AS_OF = datetime.date(1900, 1, 1)


@dataclass
class ImportOptions:
    network: Network | None = None
    sheet: str | None = None
    as_of: datetime.date | None = None  # None: today
    sync: bool = False
    dry_run: bool = False
    skip_invalid: bool = False
    # The user's column mapping: header as in the file → field (see columns.FIELD_CHOICES; "" ignores it).
    columns: dict[str, str] = field(default_factory=dict)

    def clean(self, *, sync_needs_network: bool = False) -> None:
        """Check the options; raises django.core.exceptions.ValidationError with Dutch messages keyed by field.

        - `as_of`, the list's date (IMPORT.md step 5), is not in the future (the registry records what
          was known; a later list is imported on its date) and not before 1900.
        - With `sync_needs_network` (the web and admin forms, which ask for the network up front),
          a sync list needs a network. Without it the command and the API may take the networks from
          the file's Network column; `run_import` refuses a sync list that has neither.
        """
        errors = {}
        if self.as_of is not None:
            if self.as_of > timezone.localdate():
                errors["as_of"] = "De lijstdatum ligt in de toekomst."
            elif self.as_of < EARLIEST_AS_OF:
                errors["as_of"] = "De lijstdatum ligt voor 1900."
        if sync_needs_network and self.sync and self.network is None:
            errors["network"] = "Kies het netwerk om te synchroniseren."
        if errors:
            raise ValidationError(errors)


def parse_column_choices(choices) -> dict[str, str]:
    """A user's column mapping as header → field; raises ValidationError({"columns": …}) in Dutch.

    `choices` is a dict {header: field word} (API, web, admin) or an iterable of "KOP=veld" strings
    (the command's repeatable `--column`). Field words are Dutch or English ("achternaam", "last_name");
    "negeren" or nothing leaves the column out.
    """
    if isinstance(choices, dict):
        pairs = list(choices.items())
    else:
        pairs = []
        for item in choices or []:
            header, sep, word = str(item).rpartition("=")
            if not sep or not header.strip():
                raise ValidationError({"columns": f"'{str(item)[:60]}' is geen KOP=veld."})
            pairs.append((header, word))
    result = {}
    for header, word in pairs:
        if not isinstance(header, str) or not isinstance(word, str):
            raise ValidationError({"columns": "Geef de kolommen als kop → veld, beide tekst."})
        name = field_for(word) if word.strip() else ""
        if name is None:
            known = ", ".join(FIELD_CHOICES.values())
            raise ValidationError({"columns": f"Het veld '{word[:60]}' bestaat niet (wel: {known}, negeren)."})
        result[header.strip()] = name
    return result
