"""The registry's domain: gemeenten, partner organisations, themes, networks, contacts and their roles."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import (
    Cluster,
    ImportMode,
    ImportStatus,
    LawfulBasis,
    Level,
    NetworkKind,
    OrganisationKind,
    OutreachChannel,
    ParticipationStatus,
    Role,
)


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        abstract = True


class ValidOnQuerySet(models.QuerySet):
    """Rows with a validity period `valid_from`/`valid_to` (both inclusive, null = open)."""

    def valid_on(self, on: datetime.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class Region(TimeStampedModel):
    """A veiligheidsregio: Rotterdam-Rijnmond (RR) or Zuid-Holland Zuid (ZHZ)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("veiligheidsregio")
        verbose_name_plural = _("veiligheidsregio's")

    def __str__(self) -> str:
        return self.name


class Gemeente(TimeStampedModel):
    """A municipality, identified by its CBS code; a VAR member on every date it is valid."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True, help_text=_("GM gevolgd door vier cijfers"))
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("veiligheidsregio"), on_delete=models.PROTECT, related_name="gemeenten"
    )
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("opvolger"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    aliases = models.JSONField(
        _("andere schrijfwijzen"), default=list, blank=True, help_text=_("Namen waaronder de gemeente in lijsten staat")
    )
    inhabitants = models.PositiveIntegerField(_("inwoners (2021)"), null=True, blank=True)

    objects = ValidOnQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        constraints = [
            models.CheckConstraint(condition=Q(code__startswith="GM"), name="gemeente_code_starts_with_gm"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="gemeente_valid_to_after_valid_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:gemeente-detail", kwargs={"code": self.code})

    def is_valid_on(self, on: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or self.valid_to >= on)


class Organisation(TimeStampedModel):
    """A partner organisation: a gemeente's own organisation, the police, the OM, RIEC, a company, …"""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("De gemeente waar de organisatie bij hoort of gevestigd is"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Theme(TimeStampedModel):
    """A theme of the annual report (Mensenhandel, Ondermijning, …), grouped in one of four clusters."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    cluster = models.CharField(_("cluster"), max_length=40, choices=Cluster.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name


class Network(TimeStampedModel):
    """A bestuurlijk, ambtelijk or publiek-privaat network (overleg, werkgroep, programma, …) of one theme."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="networks")
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("soort"), max_length=20, choices=NetworkKind.choices)
    per_gemeente = models.BooleanField(
        _("per gemeente"), default=False, help_text=_("Van elke deelnemende gemeente wordt een deelnemer verwacht")
    )
    default_role = models.CharField(_("standaardrol"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    description = models.TextField(_("omschrijving"), blank=True)
    purpose = models.TextField(
        _("doel van de verwerking"),
        blank=True,
        help_text=_("Waarvoor het netwerk de contactgegevens van zijn leden bijhoudt (AVG)"),
    )
    lawful_basis = models.CharField(
        _("grondslag"),
        max_length=30,
        choices=LawfulBasis.choices,
        default=LawfulBasis.PUBLIC_INTEREST,
        help_text=_("De grondslag uit artikel 6 AVG voor die verwerking"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:network-detail", kwargs={"slug": self.slug})


class Contact(TimeStampedModel):
    """A person in a network, with work contact details only (AVG)."""

    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=30, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    mobile = models.CharField(_("mobiel"), max_length=40, blank=True)
    job_title = models.CharField(_("functie"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    notes = models.TextField(_("opmerkingen"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False, help_text=_("Fictief contact uit de demodata"))
    anonymised_on = models.DateTimeField(
        _("geanonimiseerd op"),
        null=True,
        blank=True,
        help_text=_("Persoonsgegevens verwijderd (AVG); de rollen blijven voor de tellingen"),
    )
    import_batch = models.ForeignKey(
        "ImportBatch",
        verbose_name=_("aangemaakt door import"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="created_contacts",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name", "tussenvoegsel", "id"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        constraints = [
            models.UniqueConstraint(Lower("email"), condition=~Q(email=""), name="contact_email_unique_ci"),
        ]
        indexes = [models.Index(fields=["last_name", "first_name"], name="contact_name_idx")]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("network:contact-detail", kwargs={"pk": self.pk})

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.tussenvoegsel, self.last_name) if part)

    @property
    def sort_name(self) -> str:
        """How a Dutch list files the person: "Berg, Jan van der"."""
        given = " ".join(part for part in (self.first_name, self.tussenvoegsel) if part)
        return f"{self.last_name}, {given}" if given else self.last_name


class MembershipQuerySet(models.QuerySet):
    def active_on(self, on: datetime.date):
        """Active on a date: started on or before it and not ended before it."""
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))

    def ended_before(self, on: datetime.date):
        return self.filter(end_date__lt=on)


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
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)


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


class RetentionReviewContact(Contact):
    """The AVG review list in the admin: contacts whose retention period has passed (a view on Contact)."""

    class Meta:
        proxy = True
        verbose_name = _("contactpersoon voorbij de bewaartermijn")
        verbose_name_plural = _("AVG: voorbij de bewaartermijn")
