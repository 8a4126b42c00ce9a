"""Change proposals from personal verification pages, for the kernteam's review queue."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from network import selectors
from network.models import ChangeProposal, Membership

from .brief import BriefContactSerializer, BriefGemeenteSerializer, BriefNetworkSerializer, BriefUserSerializer


class ProposalRoleSerializer(serializers.ModelSerializer):
    network = BriefNetworkSerializer(read_only=True)
    gemeente = BriefGemeenteSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["id", "network", "role", "gemeente", "start_date", "end_date", "verified_on"]


class ComparisonRowSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Welk gegeven (Nederlandse naam)")
    current = serializers.CharField(help_text="Wat nu in het register staat")
    proposed = serializers.CharField(help_text="Wat de persoon voorstelt")


class ChangeProposalSerializer(serializers.ModelSerializer):
    contact = BriefContactSerializer(source="request.contact", read_only=True)
    membership = ProposalRoleSerializer(read_only=True, allow_null=True)
    source = serializers.CharField(source="request.source", read_only=True, help_text="Het controleverzoek")
    comparison = serializers.SerializerMethodField(help_text="Het voorstel naast de huidige gegevens")
    decided_by = BriefUserSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ChangeProposal
        fields = [
            "id",
            "kind",
            "status",
            "contact",
            "membership",
            "source",
            "payload",
            "comparison",
            "created",
            "decided_by",
            "decided_on",
            "reason",
        ]

    @extend_schema_field(ComparisonRowSerializer(many=True))
    def get_comparison(self, proposal):
        return [
            {"field": field, "current": current, "proposed": proposed}
            for field, current, proposed in selectors.change_proposal_comparison(proposal)
        ]


class ProposalRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000, help_text="Waarom het voorstel wordt afgewezen")
