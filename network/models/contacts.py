"""Partner organisations and the people in the networks."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import OrganisationKind
from .base import TimeStampedModel
from .reference import Gemeente


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
    aliases = models.JSONField(
        _("andere schrijfwijzen"),
        default=list,
        blank=True,
        help_text=_("Hoe lijsten de organisatie ook schrijven (bijv. 'Politie Rotterdam'); de import herkent ze"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


# A contact's own text fields (what a list can fill in), in the order the importer reads and compares them.
CONTACT_TEXT_FIELDS = (
    "titles",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "email",
    "phone",
    "mobile",
    "job_title",
    "notes",
)


class Contact(TimeStampedModel):
    """A person in a network, with work contact details only (AVG)."""

    titles = models.CharField(
        _("aanhef/titulatuur"),
        max_length=100,
        blank=True,
        help_text=_("Aanhef, titels en ambt zoals in een brief (bijv. 'Mevr. drs.', 'Burgemeester', 'MSc')"),
    )
    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=30, blank=True)
    # Blank only for someone a list knows by e-mail alone (IMPORT.md: an address identifies a person).
    last_name = models.CharField(_("achternaam"), max_length=150, blank=True)
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
    mailing_objection_on = models.DateField(
        _("bezwaar tegen mailings sinds"),
        null=True,
        blank=True,
        help_text=_("AVG-bezwaar: niet uitnodigen en niet op verzendlijsten (leeg: geen bezwaar)"),
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
        return self.full_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("network:contact-detail", kwargs={"pk": self.pk})

    @staticmethod
    def name_of(first_name: str, tussenvoegsel: str, last_name: str) -> str:
        """The full name from its parts, as full_name writes it, for reads that do not build a Contact."""
        return " ".join(part for part in (first_name, tussenvoegsel, last_name) if part)

    @property
    def full_name(self) -> str:
        return Contact.name_of(self.first_name, self.tussenvoegsel, self.last_name)

    @property
    def sort_name(self) -> str:
        """How a Dutch list files the person: "Berg, Jan van der"."""
        given = " ".join(part for part in (self.first_name, self.tussenvoegsel) if part)
        return f"{self.last_name}, {given}" if given else self.last_name


class RetentionReviewContact(Contact):
    """The AVG review list in the admin: contacts whose retention period has passed (a view on Contact)."""

    class Meta:
        proxy = True
        verbose_name = _("contactpersoon voorbij de bewaartermijn")
        verbose_name_plural = _("AVG: voorbij de bewaartermijn")
