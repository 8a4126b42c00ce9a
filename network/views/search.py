"""The search box in the header: gemeenten, networks and contacts in one result page."""

from django.db.models import Q
from django.shortcuts import render

from .. import selectors
from ..filtersets import ContactFilterSet
from ..models import Gemeente, Network
from .base import login_and_read_right

CONTACTS_SHOWN = 25


@login_and_read_right
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    context = {"q": query}
    if query:
        terms = query.split()
        gemeente_q, network_q = Q(), Q()
        for term in terms:
            gemeente_q |= Q(name__icontains=term) | Q(code__iexact=term)
            network_q |= Q(name__icontains=term)
        matched = selectors.gemeente_matcher().match(query)
        if matched is not None:
            gemeente_q |= Q(pk=matched.pk)
        contacts = ContactFilterSet({"search": query}, queryset=selectors.contacts_with_related()).qs
        found = list(contacts[: CONTACTS_SHOWN + 1])
        context.update(
            gemeenten=list(Gemeente.objects.filter(gemeente_q).select_related("region", "successor").order_by("name")),
            networks=list(Network.objects.filter(network_q).select_related("theme").order_by("name")),
            contacts=found[:CONTACTS_SHOWN],
            contacts_more=len(found) > CONTACTS_SHOWN,
        )
    return render(request, "network/search.html", context)
