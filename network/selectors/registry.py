"""Reads of the registry's resources as lists, with the related rows each list shows fetched up front."""

from django.db.models import Prefetch, QuerySet

from ..models import Contact, Gemeente, Network, Organisation, Outreach, Region, Theme


def regions_list() -> QuerySet[Region]:
    return Region.objects.order_by("code")


def gemeenten_with_related() -> QuerySet[Gemeente]:
    """All gemeenten ever members, merged ones included, with their region, successor and predecessors."""
    return Gemeente.objects.select_related("region", "successor").prefetch_related(
        Prefetch("predecessors", queryset=Gemeente.objects.order_by("name"))
    )


def themes_list() -> QuerySet[Theme]:
    return Theme.objects.all()


def networks_with_related() -> QuerySet[Network]:
    return Network.objects.select_related("theme")


def organisations_with_related() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("gemeente")


def outreach_with_related() -> QuerySet[Outreach]:
    return Outreach.objects.select_related("gemeente", "network", "user", "contact")


def contacts_for_export() -> QuerySet[Contact]:
    """Contacts with their organisation only: an export lists contact details, not roles."""
    return Contact.objects.select_related("organisation")
