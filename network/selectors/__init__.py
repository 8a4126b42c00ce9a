"""Every non-trivial read. Selectors own select_related/prefetch_related so no caller queries per row."""

from .avg import contact_subject_access, contacts_for_retention_review, months_before
from .core import (
    NetworkGroup,
    ThemeGroup,
    contacts_for_gemeente,
    contacts_with_related,
    follow_ups_due,
    gemeente_matcher,
    gemeenten_on,
    group_by_theme,
    memberships_with_related,
    network_former_members,
    network_members,
    outreach_for_gemeente,
    participations_with_history,
    per_gemeente_networks,
    unverified_memberships,
)
from .coverage import Coverage, CoverageRow, network_coverage, participation_statuses_on

__all__ = [
    "Coverage",
    "CoverageRow",
    "NetworkGroup",
    "ThemeGroup",
    "contact_subject_access",
    "contacts_for_gemeente",
    "contacts_for_retention_review",
    "contacts_with_related",
    "follow_ups_due",
    "gemeente_matcher",
    "gemeenten_on",
    "group_by_theme",
    "memberships_with_related",
    "months_before",
    "network_coverage",
    "network_former_members",
    "network_members",
    "outreach_for_gemeente",
    "participation_statuses_on",
    "participations_with_history",
    "per_gemeente_networks",
    "unverified_memberships",
]
