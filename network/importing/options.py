"""What an import is asked to do, and the one check of those choices that every way in (web, admin, API,
command) shares."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Network

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
