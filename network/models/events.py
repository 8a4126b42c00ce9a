"""The kennis- en leerfunctie (EVENTS.md): events, who was invited and who came, and saved distribution lists."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import AttendeeRole, AttendeeStatus, EventFormat, EventKind, EventStatus, Level, Role
from .base import TimeStampedModel
from .contacts import Contact, Organisation
from .reference import Gemeente, Network, Region, Theme


class Event(TimeStampedModel):
    """A carrousel, leerhuis, webinar, training, conferentie, bijeenkomst or netwerkoverleg on one or more days."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("datum"))
    end_date = models.DateField(_("laatste dag"), null=True, blank=True, help_text=_("Alleen bij meerdere dagen"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    format = models.CharField(_("vorm"), max_length=10, choices=EventFormat.choices, default=EventFormat.PHYSICAL)
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="events")
    networks = models.ManyToManyField(Network, verbose_name=_("netwerken"), blank=True, related_name="events")
    co_organisers = models.ManyToManyField(
        Organisation, verbose_name=_("mede-organisatoren"), blank=True, related_name="co_organised_events"
    )
    status = models.CharField(_("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.PLANNED)
    moved_to = models.ForeignKey(
        "self",
        verbose_name=_("verplaatst naar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moved_from",
        help_text=_("Het evenement op de nieuwe datum"),
    )
    anonymous_audience = models.PositiveIntegerField(
        _("anoniem publiek"), null=True, blank=True, help_text=_("Bijvoorbeeld het aantal kijkers van een webinar")
    )
    notes = models.TextField(_("opmerkingen"), blank=True)
    recording_url = models.URLField(_("opname of link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")), name="event_end_not_before_start"
            ),
        ]
        indexes = [models.Index(fields=["date"], name="event_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("network:event-detail", kwargs={"slug": self.slug})


class Attendee(TimeStampedModel):
    """A contact at an event: invited, registered, present, a no-show or cancelled; every change is in `history`."""

    event = models.ForeignKey(Event, verbose_name=_("evenement"), on_delete=models.CASCADE, related_name="attendees")
    contact = models.ForeignKey(
        Contact, verbose_name=_("contactpersoon"), on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=12, choices=AttendeeStatus.choices)
    role = models.CharField(
        _("rol bij het evenement"), max_length=20, choices=AttendeeRole.choices, default=AttendeeRole.PARTICIPANT
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("namens gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("namens organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    minutes = models.PositiveIntegerField(_("minuten aanwezig"), null=True, blank=True)
    import_batch = models.ForeignKey(
        "ImportBatch",
        verbose_name=_("importbatch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendees",
        help_text=_("Leeg: handmatig ingevoerd"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "contact__last_name", "contact__first_name", "id"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [models.UniqueConstraint(fields=["event", "contact"], name="attendee_unique_event_contact")]
        indexes = [models.Index(fields=["contact", "status"], name="attendee_contact_status_idx")]

    def __str__(self) -> str:
        return f"{self.contact} – {self.event}: {self.get_status_display()}"

    @property
    def source(self) -> str:
        return f"Import #{self.import_batch_id}" if self.import_batch_id else "Handmatig"


class DistributionList(TimeStampedModel):
    """A verzendlijst: a saved selection (empty = any) evaluated on a date; contacts who objected are left out."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    networks = models.ManyToManyField(Network, verbose_name=_("netwerken"), blank=True, related_name="+")
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="+")
    levels = models.JSONField(
        _("niveaus"), default=list, blank=True, help_text=_("Waarden uit: " + ", ".join(Level.values))
    )
    roles = models.JSONField(
        _("rollen"), default=list, blank=True, help_text=_("Waarden uit: " + ", ".join(Role.values))
    )
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("gemeenten"), blank=True, related_name="+")
    regions = models.ManyToManyField(Region, verbose_name=_("veiligheidsregio's"), blank=True, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("verzendlijst")
        verbose_name_plural = _("verzendlijsten")

    def __str__(self) -> str:
        return self.name
