"""What an import did: per-row results and the summary."""

from dataclasses import dataclass, field

from ..models import ImportBatch, Membership


@dataclass(slots=True)
class RowResult:
    """What one spreadsheet row did (or would do), for the preview and the batch's per-row results."""

    row: int
    action: str  # new, updated, unchanged, error, skipped
    contact: str
    changes: dict[str, tuple] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    contact_id: int | None = None
    membership_id: int | None = None
    planned: object = field(default=None, repr=False, compare=False)
    membership: object = field(default=None, repr=False, compare=False)

    def as_json(self) -> dict:
        """Compact (empty changes and messages left out): a batch of 100 000 rows keeps every row's result."""
        data = {"row": self.row, "action": self.action, "contact": self.contact, "contact_id": self.contact_id}
        if self.membership_id:
            data["membership_id"] = self.membership_id
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
