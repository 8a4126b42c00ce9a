"""Roles in networks, a gemeente's participation in a programme, and contactmomenten (outreach)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import OutreachChannel, ParticipationStatus, Role
from .base import TimeStampedModel
from .contacts import Contact
from .querysets import MembershipQuerySet, is_active_on
from .reference import Gemeente, Network


class Membership(TimeStampedModel):
    """A contact's role in a network over a period; the rows together are the participation history."""

    contact = models.ForeignKey(
        Contact, verbose_name=_("contactpersoon"), on_delete=models.PROTECT, related_name="memberships"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("netwerk"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("namens gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    import_batch = models.ForeignKey(
        "ImportBatch",
        verbose_name=_("importbatch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text=_("Leeg: handmatig ingevoerd"),
    )
    ended_by_batch = models.ForeignKey(
        "ImportBatch",
        verbose_name=_("beëindigd door import"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ended_memberships",
    )
    verified_on = models.DateField(_("laatst bevestigd op"), null=True, blank=True)
    notes = models.TextField(_("opmerkingen"), blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["network__name", "start_date", "id"]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_end_not_before_start",
            ),
            # One open role per contact, network, role and gemeente (no gemeente counts as one value: NULLs are
            # distinct in a unique index on SQLite and before PostgreSQL 15, so "none" is stored as 0 here).
            # PostgreSQL also refuses overlapping periods (migration 0007, an exclusion constraint).
            models.UniqueConstraint(
                F("contact"),
                F("network"),
                F("role"),
                Coalesce(F("gemeente"), Value(0), output_field=models.BigIntegerField()),
                condition=Q(end_date__isnull=True),
                name="membership_one_open_per_seat",
                violation_error_message=_("Deze persoon heeft deze rol in dit netwerk al zonder einddatum."),
            ),
        ]
        indexes = [
            # end_date in the index lets "active on a date" skip ended history without reading each row.
            models.Index(
                fields=["network", "gemeente", "start_date", "end_date"], name="membership_net_gem_active_idx"
            ),
            models.Index(fields=["gemeente", "start_date", "end_date"], name="membership_gem_active_idx"),
            models.Index(fields=["contact", "start_date"], name="membership_contact_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.contact} – {self.get_role_display()} {self.network}"

    @property
    def source(self) -> str:
        return f"Import #{self.import_batch_id}" if self.import_batch_id else "Handmatig"

    def is_active_on(self, on: datetime.date) -> bool:
        return is_active_on(self.start_date, self.end_date, on)


class Participation(TimeStampedModel):
    """A gemeente's status in a programme-like network; `status` is the latest of its dated changes."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="participations"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("netwerk"), on_delete=models.PROTECT, related_name="participations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ParticipationStatus.choices, default=ParticipationStatus.NOT_APPROACHED
    )
    status_date = models.DateField(_("status sinds"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["network__name", "gemeente__name"]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "network"], name="participation_unique_gemeente_network"),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} – {self.network}: {self.get_status_display()}"


class ParticipationStatusChange(TimeStampedModel):
    """One dated, attributed step in a participation's history (benaderd → in gesprek → deelnemer, …)."""

    participation = models.ForeignKey(
        Participation, verbose_name=_("deelname"), on_delete=models.CASCADE, related_name="changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ParticipationStatus.choices)
    date = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participation_changes",
    )

    class Meta:
        ordering = ["participation", "date", "id"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        indexes = [models.Index(fields=["participation", "date"], name="partchange_date_idx")]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y}: {self.get_status_display()}"


class Outreach(TimeStampedModel):
    """A contactmoment: who approached which gemeente about which network, when, how, with what outcome."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="outreach"
    )
    network = models.ForeignKey(Network, verbose_name=_("netwerk"), on_delete=models.PROTECT, related_name="outreach")
    date = models.DateField(_("datum"))
    channel = models.CharField(_("kanaal"), max_length=20, choices=OutreachChannel.choices)
    outcome = models.TextField(_("uitkomst"), blank=True)
    follow_up_date = models.DateField(_("vervolgactie op"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outreach",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("gesproken met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outreach",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["network", "gemeente", "date"], name="outreach_network_gem_idx")]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.gemeente} – {self.network}"
