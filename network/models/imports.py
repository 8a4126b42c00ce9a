"""Imported contact lists."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ImportMode, ImportStatus
from .base import TimeStampedModel
from .reference import Network


class ImportBatch(TimeStampedModel):
    """One imported contact list: the file, who imported it, how, and what each row did (its `rows`)."""

    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
    )
    mode = models.CharField(_("modus"), max_length=10, choices=ImportMode.choices, default=ImportMode.ADD)
    network = models.ForeignKey(
        Network,
        verbose_name=_("netwerk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="import_batches",
    )
    as_of = models.DateField(_("stand per"))
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.APPLIED)
    counts = models.JSONField(_("aantallen"), default=dict, blank=True)
    undone_at = models.DateTimeField(_("teruggedraaid op"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teruggedraaid door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="undone_import_batches",
    )

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("importbatch")
        verbose_name_plural = _("importbatches")

    def __str__(self) -> str:
        return f"#{self.pk} {self.file_name}"


class ImportBatchRow(TimeStampedModel):
    """What one row of an imported list did: its spreadsheet row, the action, the contact, and the details.

    A record of the import as it ran, never updated. `contact_id` and `membership_id` are plain numbers, not
    foreign keys: undo deletes the contacts and roles a batch created with set-based SQL, and merging deletes the
    duplicate contact; the record keeps the id the import wrote, as a batch's results always did (a contact is
    anonymised, never deleted, so an id that still exists still means that person).
    """

    # The keys a caller's result dict has columns for; every other key is kept in `details`.
    COLUMNS = ("row", "action", "contact", "contact_id", "membership_id")
    CONTACT_LENGTH = 300

    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("importbatch"),
        on_delete=models.CASCADE,  # part of the batch, as its results column was; batches are never deleted
        related_name="rows",
        db_index=False,  # the (batch, id) index serves every lookup by batch
    )
    row = models.PositiveIntegerField(_("rij"), null=True, blank=True, help_text=_("Rijnummer in het bestand"))
    action = models.CharField(_("actie"), max_length=20)
    contact = models.CharField(_("contactpersoon"), max_length=CONTACT_LENGTH, blank=True)
    contact_id = models.PositiveBigIntegerField(_("contactpersoon-id"), null=True, blank=True)
    membership_id = models.PositiveBigIntegerField(_("rol-id"), null=True, blank=True)
    details = models.JSONField(
        _("details"),
        default=dict,
        blank=True,
        encoder=DjangoJSONEncoder,
        help_text=_("Wijzigingen, meldingen en wat de import verder over de rij vastlegde"),
    )

    class Meta:
        ordering = ["batch_id", "id"]
        indexes = [models.Index(fields=["batch", "id"], name="network_importrow_batch_id")]
        verbose_name = _("importrij")
        verbose_name_plural = _("importrijen")

    def __str__(self) -> str:
        return f"#{self.batch_id} rij {self.row}: {self.action} {self.contact}"

    @property
    def changes(self) -> dict:
        """{field: [old, new]} for a changed contact."""
        return self.details.get("changes", {})

    @property
    def messages(self) -> list[str]:
        return self.details.get("messages", [])

    @classmethod
    def values_of(cls, result: dict) -> tuple:
        """A result dict as (row, action, contact, contact_id, membership_id, details); the inverse of result_of.

        A display name longer than the column (a name cell of a hostile file) is cut to CONTACT_LENGTH.
        """
        details = {key: value for key, value in result.items() if key not in cls.COLUMNS}
        contact = (result.get("contact") or "")[: cls.CONTACT_LENGTH]
        return (
            result.get("row"),
            result.get("action") or "",
            contact,
            result.get("contact_id"),
            result.get("membership_id"),
            details,
        )

    @staticmethod
    def result_of(row, action, contact, contact_id, membership_id, details) -> dict:
        """The result dict as the import recorded it: row, action, contact, contact_id, membership_id when set,
        then every other key it passed."""
        result = {"row": row, "action": action, "contact": contact, "contact_id": contact_id}
        if membership_id is not None:
            result["membership_id"] = membership_id
        result.update(details)
        return result


class ColumnMapping(TimeStampedModel):
    """The column → field mapping a user chose for a set of headers, proposed when the same headers return.

    `header_hash` is the SHA-256 of the normalised header set (importing.columns.header_set_hash).
    """

    header_hash = models.CharField(_("kopregel-sleutel"), max_length=64, unique=True)
    headers = models.JSONField(_("kolomkoppen"), default=list)
    columns = models.JSONField(_("kolom → veld"), default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gekozen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("onthouden kolomindeling")
        verbose_name_plural = _("onthouden kolomindelingen")

    def __str__(self) -> str:
        return ", ".join(self.headers)[:80]
