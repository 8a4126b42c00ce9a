"""Keeping the register current (DOMAIN.md): a mailed request to confirm one's roles, and the answers that wait
for the kernteam as change proposals."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import ProposalKind, ProposalStatus, VerificationStatus
from .contacts import Contact
from .memberships import Membership


class VerificationRequest(models.Model):
    """One mail to one person with a personal link; the link's token is never stored, only a hash of its nonce."""

    contact = models.ForeignKey(
        Contact, verbose_name=_("contactpersoon"), on_delete=models.CASCADE, related_name="verification_requests"
    )
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    sent = models.DateTimeField(_("verstuurd"), null=True, blank=True)
    expires = models.DateTimeField(_("verloopt"))
    answered = models.DateTimeField(_("beantwoord"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VerificationStatus.choices, default=VerificationStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verification_requests",
    )
    nonce_hash = models.CharField(_("kenmerk van de link"), max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("controleverzoek")
        verbose_name_plural = _("controleverzoeken")
        indexes = [models.Index(fields=["contact", "status", "expires"], name="verifreq_contact_open_idx")]

    def __str__(self) -> str:
        return f"Controleverzoek #{self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires <= timezone.now()

    @property
    def source(self) -> str:
        """How the change history names this request as the source of a change."""
        return f"controleverzoek #{self.pk}"


class ChangeProposal(models.Model):
    """A change a person reported through their personal page; nothing changes until the kernteam accepts it."""

    request = models.ForeignKey(
        VerificationRequest, verbose_name=_("controleverzoek"), on_delete=models.CASCADE, related_name="proposals"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("rol"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="change_proposals",
    )
    kind = models.CharField(_("soort"), max_length=30, choices=ProposalKind.choices)
    payload = models.JSONField(_("voorstel"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decided_proposals",
    )
    decided_on = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("wijzigingsvoorstel")
        verbose_name_plural = _("wijzigingsvoorstellen")
        indexes = [models.Index(fields=["status", "created"], name="proposal_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (#{self.pk})"
