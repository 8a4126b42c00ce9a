"""The registry's domain: gemeenten, partner organisations, themes, networks, contacts and their roles.

Split by area; import every model from here (`from network.models import Contact`).
"""

from .base import TimeStampedModel
from .contacts import CONTACT_TEXT_FIELDS, Contact, Organisation, RetentionReviewContact
from .events import Attendee, DistributionList, Event
from .imports import ColumnMapping, ImportBatch, ImportBatchRow
from .memberships import Membership, Outreach, Participation, ParticipationStatusChange
from .querysets import MembershipQuerySet, ValidOnQuerySet, active_on_q, is_active_on, valid_on_q
from .reference import Gemeente, Network, Region, Theme
from .verification import ChangeProposal, VerificationRequest

__all__ = [
    "CONTACT_TEXT_FIELDS",
    "Attendee",
    "ChangeProposal",
    "ColumnMapping",
    "Contact",
    "DistributionList",
    "Event",
    "Gemeente",
    "ImportBatch",
    "ImportBatchRow",
    "Membership",
    "MembershipQuerySet",
    "Network",
    "Organisation",
    "Outreach",
    "Participation",
    "ParticipationStatusChange",
    "Region",
    "RetentionReviewContact",
    "Theme",
    "TimeStampedModel",
    "ValidOnQuerySet",
    "VerificationRequest",
    "active_on_q",
    "is_active_on",
    "valid_on_q",
]
