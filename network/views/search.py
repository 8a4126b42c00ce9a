"""The search box in the header: gemeenten, networks and contacts in one result page."""

from django.shortcuts import render

from .. import selectors
from .base import login_and_read_right

CONTACTS_SHOWN = 25


@login_and_read_right
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    context = {"q": query}
    if query:
        found = list(selectors.contact_search(query=query)[: CONTACTS_SHOWN + 1])
        context.update(
            gemeenten=selectors.gemeente_search(query=query),
            networks=selectors.network_search(query=query),
            contacts=found[:CONTACTS_SHOWN],
            contacts_more=len(found) > CONTACTS_SHOWN,
        )
    return render(request, "network/search.html", context)
