"""The registry's Django admin. Writes to contacts, roles, participations and outreach go through the services."""

from .avg import RetentionReviewAdmin
from .contacts import ContactAdmin, MembershipAdmin
from .events import AttendeeAdmin, DistributionListAdmin, EventAdmin
from .imports import ImportBatchAdmin
from .participation import OutreachAdmin, ParticipationAdmin, ParticipationStatusChangeAdmin
from .reference import GemeenteAdmin, NetworkAdmin, OrganisationAdmin, RegionAdmin, ThemeAdmin
from .verification import ChangeProposalAdmin, ColumnMappingAdmin, VerificationRequestAdmin

__all__ = [
    "AttendeeAdmin",
    "ChangeProposalAdmin",
    "ColumnMappingAdmin",
    "ContactAdmin",
    "DistributionListAdmin",
    "EventAdmin",
    "GemeenteAdmin",
    "ImportBatchAdmin",
    "MembershipAdmin",
    "NetworkAdmin",
    "OrganisationAdmin",
    "OutreachAdmin",
    "ParticipationAdmin",
    "ParticipationStatusChangeAdmin",
    "RegionAdmin",
    "RetentionReviewAdmin",
    "ThemeAdmin",
    "VerificationRequestAdmin",
]
