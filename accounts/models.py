"""Users of the registry, the networks a coordinator looks after, and the log of every export."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in to the registry (not a contact in it)."""

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]
        permissions = [
            ("import_lists", _("Mag contactlijsten importeren")),
            ("export_lists", _("Mag lijsten exporteren en downloaden")),
            ("change_all_networks", _("Mag rollen, deelnames en contactmomenten van alle netwerken wijzigen")),
            ("erase_contacts", _("Mag contactpersonen anonimiseren (AVG)")),
            ("network_scoped", _("Wijzigt alleen in de netwerken die aan hem zijn toegewezen (netwerkcoördinator)")),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class NetworkCoordinator(models.Model):
    """A network a netwerkcoördinator looks after: they may change its roles, deelnames and contactmomenten."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="coordinated",
    )
    network = models.ForeignKey(
        "network.Network",
        verbose_name=_("netwerk"),
        on_delete=models.CASCADE,
        related_name="coordinators",
    )
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["user__username", "network__name"]
        verbose_name = _("netwerkcoördinatie")
        verbose_name_plural = _("netwerkcoördinaties")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="networkcoordinator_unique_user_network"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.network}"


class ExportDoor(models.TextChoices):
    ADMIN = "admin", _("Beheer")
    WEB = "web", _("Webinterface")
    API = "api", _("API")
    COMMAND = "command", _("Opdrachtregel")


class ExportLog(models.Model):
    """One export or download of a list with personal data: who, when, which list, how many rows (AVG)."""

    created = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exports",
    )
    operator = models.CharField(
        _("uitgevoerd door"),
        max_length=150,
        blank=True,
        help_text=_("Systeemgebruiker bij een export via de opdrachtregel"),
    )
    list_name = models.CharField(_("lijst"), max_length=200)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    rows = models.PositiveIntegerField(_("aantal rijen"))
    format = models.CharField(_("formaat"), max_length=10)
    door = models.CharField(_("via"), max_length=10, choices=ExportDoor.choices)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("export")
        verbose_name_plural = _("exportlog")

    def __str__(self) -> str:
        who = self.user or self.operator or "?"
        when = timezone.localtime(self.created)
        return f"{when:%d-%m-%Y %H:%M} {who}: {self.list_name} ({self.rows} rijen, {self.format})"
