"""The records the kernteam keeps: organisations, contacts, roles, participations, outreach, imports."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import Action
from network import selectors, services
from network.exceptions import ConflictError
from network.exporting import CONTACT_HEADERS, MEMBERSHIP_HEADERS, contact_rows, membership_rows
from network.filtersets import (
    ContactFilterSet,
    ImportBatchFilterSet,
    MembershipFilterSet,
    OrganisationFilterSet,
    OutreachFilterSet,
    ParticipationFilterSet,
)

from .. import examples
from ..pagination import BulkReadLogMixin
from ..renderers import DownloadMixin
from ..serializers import inputs
from ..serializers.resources import (
    ContactSerializer,
    ImportBatchDetailSerializer,
    ImportBatchSerializer,
    MembershipHandoverResultSerializer,
    MembershipSerializer,
    OrganisationSerializer,
    OutreachSerializer,
    ParticipationSerializer,
)
from .base import CreateMixin, PartialUpdateMixin, ReadOnlyViewSet
from .history import HistoryMixin


@extend_schema_view(
    list=extend_schema(summary="Organisaties", description="Partnerorganisaties."),
    retrieve=extend_schema(summary="Eén organisatie", description="Een partnerorganisatie, op id."),
    create=extend_schema(
        summary="Organisatie toevoegen",
        description="Voegt een organisatie toe. Bestaat er al een met dezelfde naam, dan volgt 409.",
        request=inputs.OrganisationInputSerializer,
        responses={201: OrganisationSerializer},
    ),
)
class OrganisationViewSet(CreateMixin, ReadOnlyViewSet):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    input_serializers = {"create": inputs.OrganisationInputSerializer}

    def get_queryset(self):
        return selectors.organisation_list()

    def perform_create(self, data):
        organisation, created = services.organisation_get_or_create(actor=self.request.user, **data)
        if not created:
            raise ConflictError({"name": f"De organisatie {organisation.name} bestaat al (id {organisation.pk})."})
        return organisation


@extend_schema_view(
    list=extend_schema(
        summary="Contactpersonen",
        description="Contactpersonen met hun organisatie en al hun rollen. De filters op gemeente, netwerk, thema, "
        "niveau, rol, regio en `active_on` gelden samen voor één en dezelfde rol.",
    ),
    retrieve=extend_schema(summary="Eén contactpersoon", description="Een contactpersoon met al zijn rollen."),
    create=extend_schema(
        summary="Contactpersoon toevoegen",
        description="Een e-mailadres dat al bij een ander hoort geeft 409.",
        request=inputs.ContactInputSerializer,
        responses={201: ContactSerializer},
        examples=[examples.CONTACT_CREATE],
    ),
    partial_update=extend_schema(
        summary="Contactpersoon wijzigen",
        description="Wijzigt alleen de meegestuurde velden; de wijziging komt in de geschiedenis.",
        request=inputs.ContactInputSerializer,
        responses={200: ContactSerializer},
    ),
)
class ContactViewSet(HistoryMixin, DownloadMixin, BulkReadLogMixin, PartialUpdateMixin, CreateMixin, ReadOnlyViewSet):
    bulk_read_name = "Contactpersonen"
    serializer_class = ContactSerializer
    filterset_class = ContactFilterSet
    input_serializers = {"create": inputs.ContactInputSerializer, "partial_update": inputs.ContactInputSerializer}

    def get_queryset(self):
        return selectors.contact_list()

    def list(self, request, *args, **kwargs):
        if self.download_format():
            return self.download(
                name="contactpersonen",
                headers=CONTACT_HEADERS,
                rows=contact_rows(self.filter_queryset(selectors.contact_list_for_export())),
                sheet_title="Contactpersonen",
            )
        return super().list(request, *args, **kwargs)

    def perform_create(self, data):
        return services.contact_create(actor=self.request.user, **data)

    def perform_update(self, contact, data):
        return services.contact_update(actor=self.request.user, contact=contact, **data)


@extend_schema_view(
    list=extend_schema(
        summary="Rollen",
        description="Rollen van contactpersonen in netwerken, met periode. Met `active_on` de rollen die op die "
        "datum actief waren (tijdreizen).",
    ),
    retrieve=extend_schema(summary="Eén rol", description="Een rol, op id."),
    create=extend_schema(
        summary="Rol toevoegen",
        description="Geeft een contactpersoon een rol in een netwerk. Een overlappende gelijke rol geeft 409.",
        request=inputs.MembershipCreateSerializer,
        responses={201: MembershipSerializer},
        examples=[examples.MEMBERSHIP_CREATE],
    ),
    partial_update=extend_schema(
        summary="Rol corrigeren",
        description="Corrigeert rol, gemeente, periode of opmerkingen. Een overlap met een gelijke rol geeft 409.",
        request=inputs.MembershipUpdateSerializer,
        responses={200: MembershipSerializer},
    ),
)
class MembershipViewSet(
    HistoryMixin, DownloadMixin, BulkReadLogMixin, PartialUpdateMixin, CreateMixin, ReadOnlyViewSet
):
    bulk_read_name = "Rollen"
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
    input_serializers = {
        "create": inputs.MembershipCreateSerializer,
        "partial_update": inputs.MembershipUpdateSerializer,
        "end": inputs.MembershipEndSerializer,
        "handover": inputs.MembershipHandoverSerializer,
    }
    action_permissions = {
        "end": ["network.change_membership"],
        "handover": ["network.change_membership", "network.add_membership"],
    }

    def get_queryset(self):
        return selectors.membership_list().order_by("network__name", "start_date", "id")

    def list(self, request, *args, **kwargs):
        if self.download_format():
            return self.download(
                name="rollen",
                headers=MEMBERSHIP_HEADERS,
                rows=membership_rows(self.filter_queryset(self.get_queryset())),
                sheet_title="Rollen",
            )
        return super().list(request, *args, **kwargs)

    def perform_create(self, data):
        return services.membership_start(
            actor=self.request.user,
            contact=data["contact"],
            network=data["network"],
            role=data.get("role"),
            gemeente=data.get("gemeente"),
            start=data["start_date"],
            end=data.get("end_date"),
            notes=data.get("notes", ""),
        )

    def perform_update(self, membership, data):
        changes = {"start": data.get("start_date"), "role": data.get("role"), "notes": data.get("notes")}
        if "gemeente" in data:
            changes["gemeente"] = data["gemeente"]
        if "end_date" in data:
            changes["end"] = data["end_date"]
        return services.membership_update(actor=self.request.user, membership=membership, **changes)

    @extend_schema(
        summary="Rol beëindigen",
        description="Zet de einddatum (laatste dag in de rol). De rol blijft bewaard als geschiedenis. Een rol die "
        "al beëindigd is geeft 409.",
        request=inputs.MembershipEndSerializer,
        responses={200: MembershipSerializer},
        examples=[OpenApiExample("Einde per jaarwisseling", value={"end_date": "2022-12-31"}, request_only=True)],
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def end(self, request, pk=None):
        membership = self.get_object()
        data = self.validated_input(request)
        services.membership_end(actor=request.user, membership=membership, end=data["end_date"])
        return self.read_back(membership)

    @extend_schema(
        summary="Rol overdragen",
        description="De huidige rolhouder stopt de dag voor `date`; de opvolger begint op `date` in dezelfde rol, "
        "hetzelfde netwerk en namens dezelfde gemeente. Alles of niets.",
        request=inputs.MembershipHandoverSerializer,
        responses={201: MembershipHandoverResultSerializer},
        examples=[OpenApiExample("Overdracht", value={"successor": 42, "date": "2021-09-01"}, request_only=True)],
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def handover(self, request, pk=None):
        membership = self.get_object()
        data = self.validated_input(request)
        started = services.membership_handover(
            actor=request.user,
            membership=membership,
            successor=data["successor"],
            on=data["date"],
            role=data.get("role"),
        )
        queryset = self.get_queryset()
        result = {"ended": queryset.get(pk=membership.pk), "started": queryset.get(pk=started.pk)}
        return Response(
            MembershipHandoverResultSerializer(result, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=extend_schema(
        summary="Deelnames",
        description="De status van gemeenten in programma's (zoals HackShield), met de volledige statusgeschiedenis.",
    ),
    retrieve=extend_schema(summary="Eén deelname", description="Een deelname met statusgeschiedenis."),
    create=extend_schema(
        summary="Status van een gemeente vastleggen",
        description="Legt een gedateerde status vast voor een gemeente in een netwerk; de deelname ontstaat als "
        "die er nog niet is.",
        request=inputs.ParticipationCreateSerializer,
        responses={201: ParticipationSerializer},
        examples=[examples.PARTICIPATION_CREATE],
    ),
)
class ParticipationViewSet(HistoryMixin, CreateMixin, ReadOnlyViewSet):
    serializer_class = ParticipationSerializer
    filterset_class = ParticipationFilterSet
    input_serializers = {
        "create": inputs.ParticipationCreateSerializer,
        "set_status": inputs.ParticipationStatusSerializer,
    }
    action_permissions = {"set_status": ["network.change_participation"]}

    def get_queryset(self):
        return selectors.participation_list()

    def perform_create(self, data):
        return services.participation_set_status(
            actor=self.request.user,
            gemeente=data["gemeente"],
            network=data["network"],
            status=data["status"],
            on=data["date"],
            note=data.get("note", ""),
        )

    @extend_schema(
        summary="Status van een deelname wijzigen",
        description="Legt een gedateerde statuswijziging vast (niet benaderd → benaderd → in gesprek → deelnemer, "
        "of afgewezen / gestopt). De status van de deelname is die van de laatste wijziging op datum.",
        request=inputs.ParticipationStatusSerializer,
        responses={200: ParticipationSerializer},
        examples=[
            OpenApiExample(
                "Deelnemer geworden",
                value={"status": "deelnemer", "date": "2021-06-01", "note": "Convenant getekend"},
                request_only=True,
            )
        ],
    )
    @action(detail=True, methods=["post"], url_path="status", filterset_class=None)
    def set_status(self, request, pk=None):
        participation = self.get_object()
        data = self.validated_input(request)
        services.participation_set_status(
            actor=request.user,
            gemeente=participation.gemeente,
            network=participation.network,
            status=data["status"],
            on=data["date"],
            note=data.get("note", ""),
        )
        return self.read_back(participation)


@extend_schema_view(
    list=extend_schema(summary="Contactmomenten", description="Wie welke gemeente over welk netwerk benaderde."),
    retrieve=extend_schema(summary="Eén contactmoment", description="Een contactmoment, op id."),
    create=extend_schema(
        summary="Contactmoment vastleggen",
        description="Legt een contactmoment vast, met de ingelogde gebruiker als benaderaar.",
        request=inputs.OutreachInputSerializer,
        responses={201: OutreachSerializer},
        examples=[examples.OUTREACH_CREATE],
    ),
)
class OutreachViewSet(CreateMixin, ReadOnlyViewSet):
    serializer_class = OutreachSerializer
    filterset_class = OutreachFilterSet
    input_serializers = {"create": inputs.OutreachInputSerializer}

    def get_queryset(self):
        return selectors.outreach_list()

    def perform_create(self, data):
        return services.outreach_log(actor=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(summary="Importbatches", description="Geïmporteerde contactlijsten, nieuwste eerst."),
    retrieve=extend_schema(summary="Eén importbatch", description="Een importbatch met het resultaat per rij."),
)
class ImportBatchViewSet(ReadOnlyViewSet):
    serializer_class = ImportBatchSerializer
    filterset_class = ImportBatchFilterSet
    action_permissions = {"undo": Action.IMPORT}

    def get_queryset(self):
        return selectors.import_batch_list()

    def get_serializer_class(self):
        if self.action in ("retrieve", "undo"):
            return ImportBatchDetailSerializer
        return super().get_serializer_class()

    @extend_schema(
        summary="Import terugdraaien",
        description="Draait een importbatch terug: de rollen die hij maakte verdwijnen, rollen die hij beëindigde "
        "gaan weer open, gewijzigde gegevens krijgen hun oude waarde en nieuwe contactpersonen zonder andere rol "
        "verdwijnen. Een batch die al is teruggedraaid, of waarop een latere import voortbouwt, geeft 409.",
        request=None,
        responses={200: ImportBatchDetailSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def undo(self, request, pk=None):
        batch = services.import_undo(actor=request.user, batch=self.get_object())
        return Response(ImportBatchDetailSerializer(self.get_queryset().get(pk=batch.pk)).data)
