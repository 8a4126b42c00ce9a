"""The change history of a record (who, when, old → new), as an action on its viewset."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from network import selectors

from ..serializers.history import HistoryEntrySerializer


class HistoryMixin:
    """`GET …/{lookup}/history/`: readable by whoever may read the record, under the viewset's permissions."""

    @extend_schema(
        summary="Wijzigingsgeschiedenis",
        description="Wie het object wanneer aanmaakte, wijzigde of verwijderde, met per gewijzigd veld de oude en "
        "de nieuwe waarde; nieuwste eerst. Van een geanonimiseerde contactpersoon is ook de geschiedenis "
        "geanonimiseerd.",
        responses={200: HistoryEntrySerializer(many=True)},
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def history(self, request, **kwargs):
        entries = selectors.object_history(instance=self.get_object())
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(HistoryEntrySerializer(page, many=True).data)
