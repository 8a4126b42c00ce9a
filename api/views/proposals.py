"""The kernteam's review queue over the API: open change proposals, accept and reject."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from accounts.permissions import Action
from network import selectors, services
from network.choices import ProposalStatus

from ..serializers.proposals import ChangeProposalSerializer, ProposalRejectSerializer
from .base import ReadOnlyViewSet

STATUS_PARAMETER = OpenApiParameter(
    "status",
    str,
    enum=[*ProposalStatus.values, "all"],
    description="Alleen voorstellen met deze status (standaard `open`; `all` voor alle).",
)


@extend_schema_view(
    list=extend_schema(
        summary="Wijzigingsvoorstellen",
        description="Wat mensen via hun persoonlijke controlelink doorgaven, naast de huidige gegevens; oudste eerst.",
        parameters=[STATUS_PARAMETER],
    ),
    retrieve=extend_schema(summary="Eén wijzigingsvoorstel", description="Een voorstel naast de huidige gegevens."),
)
class ChangeProposalViewSet(ReadOnlyViewSet):
    serializer_class = ChangeProposalSerializer
    input_serializers = {"reject": ProposalRejectSerializer}
    action_permissions = dict.fromkeys(("list", "retrieve", "accept", "reject"), Action.REVIEW_PROPOSALS)

    def get_queryset(self):
        if self.action != "list":
            return selectors.change_proposal_list(status=None)
        status = self.request.query_params.get("status", ProposalStatus.OPEN)
        if status not in (*ProposalStatus.values, "all"):
            raise ValidationError({"status": f"Onbekende status '{status}'; kies uit open, accepted, rejected of all."})
        return selectors.change_proposal_list(status=None if status == "all" else status)

    @extend_schema(
        summary="Voorstel overnemen",
        description="Voert het voorstel door via de gewone wijzigingen (rol beëindigen, opvolger laten beginnen, "
        "werkgegevens bijwerken); de geschiedenis noemt het voorstel. Een voorstel dat al beoordeeld is geeft 409.",
        request=None,
        responses={200: ChangeProposalSerializer},
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        proposal = services.change_proposal_accept(actor=request.user, proposal=self.get_object())
        return self.read_back(proposal)

    @extend_schema(
        summary="Voorstel afwijzen",
        description="Legt vast waarom het voorstel niet wordt doorgevoerd; het register verandert niet.",
        request=ProposalRejectSerializer,
        responses={200: ChangeProposalSerializer},
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        data = self.validated_input(request)
        proposal = services.change_proposal_reject(
            actor=request.user, proposal=self.get_object(), reason=data["reason"]
        )
        return self.read_back(proposal)
