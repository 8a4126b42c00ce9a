"""Reference data (read-only) and the questions asked of it: a gemeente's contacts, a network's coverage."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from network import selectors
from network.filtersets import (
    GemeenteFilterSet,
    NetworkFilterSet,
    RegionFilterSet,
    ThemeFilterSet,
)

from .. import examples
from ..exports import COVERAGE_HEADERS, coverage_rows
from ..renderers import DownloadMixin
from ..serializers.domain import CoverageSerializer, DateQuerySerializer, GemeenteContactsSerializer
from ..serializers.resources import (
    GemeenteSerializer,
    NetworkSerializer,
    RegionSerializer,
    ThemeSerializer,
)
from .base import ReadOnlyViewSet, date_query
from .history import HistoryMixin

CBS_CODE = r"GM\d{4}"
SLUG = r"[-a-zA-Z0-9_]+"


@extend_schema_view(
    list=extend_schema(summary="Veiligheidsregio's", description="De veiligheidsregio's: RR en ZHZ."),
    retrieve=extend_schema(summary="Eén veiligheidsregio", description="Een veiligheidsregio, op code (RR, ZHZ)."),
)
class RegionViewSet(ReadOnlyViewSet):
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{1,8}"

    def get_queryset(self):
        return selectors.region_list()


@extend_schema_view(
    list=extend_schema(
        summary="Gemeenten",
        description="Alle gemeenten die lid zijn of waren van de VAR, ook opgeheven gemeenten. Met `active_on` "
        "alleen de gemeenten die op die datum lid waren.",
    ),
    retrieve=extend_schema(summary="Eén gemeente", description="Een gemeente, op CBS-code (bijv. GM0599)."),
)
class GemeenteViewSet(ReadOnlyViewSet):
    serializer_class = GemeenteSerializer
    filterset_class = GemeenteFilterSet
    lookup_field = "code"
    lookup_value_regex = CBS_CODE
    action_permissions = {
        "contacts": ["network.view_gemeente", "network.view_membership", "network.view_contact"],
    }

    def get_queryset(self):
        return selectors.gemeente_list().order_by("name")

    @extend_schema(
        summary="Contactpersonen van een gemeente op een datum",
        description="Elke rol die op de peildatum actief is namens de gemeente (of door iemand van haar eigen "
        "organisatie), gegroepeerd per thema en netwerk, met de gegevens van de contactpersoon. Met een datum in "
        "het verleden: wie het toen was.",
        parameters=[DateQuerySerializer],
        responses={200: GemeenteContactsSerializer},
        examples=[examples.GEMEENTE_CONTACTS],
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def contacts(self, request, code=None):
        gemeente = self.get_object()
        on = date_query(request)
        memberships = selectors.contacts_for_gemeente(gemeente=gemeente, on=on)
        data = {"gemeente": gemeente, "date": on, "themes": selectors.group_by_theme(memberships)}
        return Response(GemeenteContactsSerializer(data, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(summary="Thema's", description="De thema's van het jaarverslag, per cluster."),
    retrieve=extend_schema(summary="Eén thema", description="Een thema, op slug."),
)
class ThemeViewSet(ReadOnlyViewSet):
    serializer_class = ThemeSerializer
    filterset_class = ThemeFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return selectors.theme_list()


@extend_schema_view(
    list=extend_schema(summary="Netwerken", description="Bestuurlijke, ambtelijke en publiek-private netwerken."),
    retrieve=extend_schema(summary="Eén netwerk", description="Een netwerk, op slug (bijv. hackshield)."),
)
class NetworkViewSet(HistoryMixin, DownloadMixin, ReadOnlyViewSet):
    serializer_class = NetworkSerializer
    filterset_class = NetworkFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG
    action_permissions = {
        "coverage": [
            "network.view_network",
            "network.view_membership",
            "network.view_participation",
            "network.view_outreach",
        ],
    }

    download_actions = ("coverage",)

    def get_queryset(self):
        return selectors.network_list()

    @extend_schema(
        summary="Dekking van een netwerk per gemeente",
        description="Voor een netwerk met een deelnemer per gemeente: per VAR-gemeente op de peildatum of zij "
        "gedekt is (een actieve rol of status deelnemer), afgewezen/gestopt, in behandeling (benaderd, in gesprek, "
        "of een contactmoment in de 180 dagen ervoor) of nog te benaderen. Opvolgers van heringedeelde gemeenten "
        "zijn niet gedekt door rollen van hun voorgangers; die staan als `leads` in de rij. Voor een netwerk zonder "
        "deelnemer per gemeente bestaat geen dekking (404).",
        parameters=[DateQuerySerializer],
        responses={200: CoverageSerializer},
        examples=[examples.COVERAGE],
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def coverage(self, request, slug=None):
        network = self.get_object()
        if not network.per_gemeente:
            # Coverage exists only for networks that expect a participant per gemeente.
            raise NotFound(f"{network} verwacht geen deelnemer per gemeente; alleen zulke netwerken hebben dekking.")
        coverage = selectors.network_coverage(network=network, on=date_query(request))
        if self.download_format():
            return self.download(
                name=f"dekking-{network.slug}-{coverage.date:%Y-%m-%d}",
                headers=COVERAGE_HEADERS,
                rows=coverage_rows(coverage),
                sheet_title="Dekking",
            )
        return Response(CoverageSerializer(coverage, context=self.get_serializer_context()).data)
