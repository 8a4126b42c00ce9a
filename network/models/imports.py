"""Imported contact lists."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ImportMode, ImportStatus
from .base import TimeStampedModel
from .reference import Network


class ImportBatch(TimeStampedModel):
    """One imported contact list: the file, who imported it, how, and what each row did."""

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
    results = models.JSONField(_("resultaten per rij"), default=list, blank=True)
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
