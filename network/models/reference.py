"""Reference data: veiligheidsregio's, gemeenten, themes and networks."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import Cluster, LawfulBasis, Level, NetworkKind, Role
from .base import TimeStampedModel
from .querysets import ValidOnQuerySet, is_active_on


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
        return is_active_on(self.valid_from, self.valid_to, on)


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
