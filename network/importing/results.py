"""What an import did: per-row results and the summary."""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse

from ..choices import Role
from ..models import ImportBatch, Membership
from .parsing import ParsedRow
from .registry import ContactDraft

_ROLE_LABELS = dict(Role.choices)


@dataclass(slots=True)
class Resolved:
    """What a row resolved to, for the preview: names as the registry writes them ("" for none)."""

    gemeente: str = ""
    network: str = ""
    role: str = ""
    organisation: str = ""
    start: datetime.date | None = None  # first day of the role, inclusive
    end: datetime.date | None = None  # last day of the role, inclusive; None: open

    @classmethod
    def of(cls, parsed: ParsedRow, contact: ContactDraft, membership, registry) -> "Resolved":
        organisation = contact.organisation
        if organisation is None and contact.organisation_id:
            organisation = registry.organisation_by_id.get(contact.organisation_id)
        resolved = cls(organisation=organisation.name if organisation else "")
        if membership is not None:
            gemeente = registry.gemeente_by_id.get(membership.gemeente_id) if membership.gemeente_id else None
            network = parsed["network"]
            resolved.gemeente = gemeente.name if gemeente else ""
            resolved.network = network.name if network else ""
            resolved.role = str(_ROLE_LABELS.get(membership.role, membership.role))
            resolved.start, resolved.end = membership.start_date, membership.end_date
        elif parsed["gemeente"] is not None:
            resolved.gemeente = parsed["gemeente"].name
        return resolved


@dataclass(slots=True)
class RowResult:
    """What one spreadsheet row did (or would do), for the preview and the batch's per-row results."""

    row: int
    action: str  # new, updated, unchanged, error, skipped
    contact: str | None  # who the row names; None: the planned contact's name (read when shown or stored)
    changes: dict[str, tuple] | None = None  # field → (old, new); None: none (a 100 000-row list has many)
    messages: list[str] | None = None
    planned: object = field(default=None, repr=False, compare=False)  # PlannedContact
    membership: object = field(default=None, repr=False, compare=False)  # KnownMembership or PlannedMembership
    resolved: Resolved | None = field(default=None, compare=False)  # dry runs only: the preview shows it

    @property
    def is_new_contact(self) -> bool:
        return self.planned is not None and self.planned.is_new

    @property
    def contact_name(self) -> str:
        return self.contact if self.contact is not None else str(self.planned.instance)

    @property
    def contact_id(self) -> int | None:
        """The contact's id once written (in a dry run: until the rollback), else None."""
        return self.planned.instance.pk if self.planned is not None else None

    @property
    def membership_id(self) -> int | None:
        return self.membership.pk if self.membership is not None else None

    def detail(self) -> dict:
        """The row for a preview (IMPORT.md "A dry run"): contact new or existing (its id and page when
        existing), what the row resolved to (dates ISO, first and last day inclusive), changes old → new."""
        resolved = self.resolved or Resolved()
        existing = self.contact_id if (self.contact_id and not self.is_new_contact) else None
        status = "new" if self.is_new_contact else "existing"
        if self.action in ("error", "skipped"):
            status = ""
        return {
            "row": self.row,
            "action": self.action,
            "contact": self.contact_name,
            "contact_status": status,
            "contact_id": existing,
            "contact_url": reverse("network:contact-detail", kwargs={"pk": existing}) if existing else None,
            "gemeente": resolved.gemeente,
            "network": resolved.network,
            "role": resolved.role,
            "organisation": resolved.organisation,
            "start_date": resolved.start.isoformat() if resolved.start else None,
            "end_date": resolved.end.isoformat() if resolved.end else None,
            "changes": {name: [str(old), str(new)] for name, (old, new) in (self.changes or {}).items()},
            "messages": list(self.messages or ()),
        }

    def as_json(self) -> dict:
        """Compact (empty changes and messages left out): a batch of 100 000 rows keeps every row's result."""
        data = {"row": self.row, "action": self.action, "contact": self.contact_name, "contact_id": self.contact_id}
        membership_id = self.membership_id
        if membership_id:
            data["membership_id"] = membership_id
        if self.changes:
            data["changes"] = {name: [str(old), str(new)] for name, (old, new) in self.changes.items()}
        if self.messages:
            data["messages"] = self.messages
        return data


@dataclass
class ImportResult:
    file_name: str
    dry_run: bool
    skip_invalid: bool
    row_count: int = 0
    rows: list[RowResult] = field(default_factory=list)
    contacts: dict[str, int] = field(default_factory=lambda: {"new": 0, "updated": 0, "unchanged": 0})
    memberships: dict[str, int] = field(default_factory=lambda: {"new": 0, "unchanged": 0, "ended": 0})
    skipped: int = 0
    warnings: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch: ImportBatch | None = None
    ending: list[Membership] = field(default_factory=list)
    columns: list[dict] = field(default_factory=list)  # [{"header", "field", "label"}]: the mapping used
    remembered_mapping: bool = False  # the mapping was the one chosen before for these headers

    @property
    def has_errors(self) -> bool:
        """Rows had errors (with skip_invalid they were skipped and the rest applied)."""
        return bool(self.errors)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors and not self.skip_invalid else 0

    @property
    def summary(self) -> dict:
        """Exactly the JSON of IMPORT.md."""
        return {
            "file": self.file_name,
            "dry_run": self.dry_run,
            "rows": self.row_count,
            "contacts": dict(self.contacts),
            "memberships": dict(self.memberships),
            "skipped": self.skipped,
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "ignored_columns": list(self.ignored_columns),
            "batch": self.batch.pk if self.batch else None,
        }

    @property
    def preview(self) -> dict:
        """The summary plus, for a dry run, the column mapping and each row's detail (`row_details`): the
        contract keys stay first and unchanged; `rows` stays the count."""
        summary = self.summary
        if self.dry_run:
            summary["columns"] = list(self.columns)
            summary["row_details"] = [row.detail() for row in self.rows]
        return summary
