"""Who a selection (networks, themes, levels, roles, gemeenten, regions) yields on a date (EVENTS.md, invitations)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ...models import Contact, DistributionList, Membership, active_on_q


@dataclass
class Selection:
    """A selection; an empty criterion means any. Within a criterion any value counts, across criteria all must hold
    for the same role. Networks, themes, gemeenten and regions are model instances or ids; levels and roles values."""

    networks: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gemeenten: list = field(default_factory=list)
    regions: list = field(default_factory=list)

    @classmethod
    def from_distribution_list(cls, distribution_list: DistributionList) -> "Selection":
        return cls(
            networks=list(distribution_list.networks.all()),
            themes=list(distribution_list.themes.all()),
            levels=list(distribution_list.levels),
            roles=list(distribution_list.roles),
            gemeenten=list(distribution_list.gemeenten.all()),
            regions=list(distribution_list.regions.all()),
        )

    def roles_on(self, on: datetime.date) -> QuerySet:
        """The roles (memberships) active on `on` that the selection names (the one active-on rule)."""
        roles = Membership.objects.filter(active_on_q(on))
        filters = {
            "network__in": self.networks,
            "network__theme__in": self.themes,
            "network__level__in": self.levels,
            "role__in": self.roles,
            "gemeente__in": self.gemeenten,
            "gemeente__region__in": self.regions,
        }
        return roles.filter(**{name: values for name, values in filters.items() if values})


@dataclass
class Invitees:
    """`contacts`: each person once, by name, without objections; `objected`: people left out for their
    mailing objection; `without_email`: invitees that have no address (invited, but not in the BCC line)."""

    contacts: list[Contact]
    objected: int
    without_email: int

    @property
    def bcc(self) -> str:
        """The addresses as one line separated by `; ` (Outlook's BCC field)."""
        return "; ".join(contact.email for contact in self.contacts if contact.email)


def invitees(*, selection: Selection, on: datetime.date) -> Invitees:
    """The people a selection yields on `on` (inclusive, the one active-on rule of querysets.py), each once,
    minus anonymised contacts and those with a mailing objection (EVENTS.md). Two queries; raises nothing."""
    ids = selection.roles_on(on).values("contact_id")
    people = list(
        Contact.objects.filter(pk__in=ids, anonymised_on__isnull=True)
        .select_related("organisation")
        .order_by("last_name", "first_name", "id")
    )
    kept = [contact for contact in people if contact.mailing_objection_on is None]
    return Invitees(
        contacts=kept,
        objected=len(people) - len(kept),
        without_email=sum(1 for contact in kept if not contact.email),
    )


__all__ = ["Invitees", "Selection", "invitees"]
