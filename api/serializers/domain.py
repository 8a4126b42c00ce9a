"""Representations of the domain questions: a gemeente's contacts on a date and a network's coverage."""

import datetime

from django.utils import timezone
from rest_framework import serializers

from network.choices import CoverageStatus
from network.models import Contact, Membership, Outreach, Theme

from .brief import BriefGemeenteSerializer, BriefNetworkSerializer, BriefOrganisationSerializer, BriefUserSerializer
from .strict import RegistryDateField


class DateQuerySerializer(serializers.Serializer):
    date = RegistryDateField(required=False, help_text="Peildatum (JJJJ-MM-DD); standaard vandaag")

    def on(self) -> datetime.date:
        return self.validated_data.get("date") or timezone.localdate()


class RoleContactSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True)
    organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Contact
        fields = [
            "id",
            "titles",
            "first_name",
            "tussenvoegsel",
            "last_name",
            "full_name",
            "email",
            "phone",
            "mobile",
            "job_title",
            "organisation",
        ]


class GemeenteRoleSerializer(serializers.ModelSerializer):
    contact = RoleContactSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "role", "start_date", "end_date", "verified_on", "contact"]


class NetworkGroupSerializer(serializers.Serializer):
    network = BriefNetworkSerializer(read_only=True)
    memberships = GemeenteRoleSerializer(many=True, read_only=True)


class GroupThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "slug", "name", "cluster"]


class ThemeGroupSerializer(serializers.Serializer):
    theme = GroupThemeSerializer(read_only=True)
    networks = NetworkGroupSerializer(many=True, read_only=True)


class GemeenteContactsSerializer(serializers.Serializer):
    gemeente = BriefGemeenteSerializer(read_only=True)
    date = serializers.DateField(read_only=True, help_text="De peildatum")
    themes = ThemeGroupSerializer(many=True, read_only=True, help_text="Actieve rollen per thema en netwerk")


class CoverageContactSerializer(serializers.ModelSerializer):
    """A role that covers a gemeente (or, as a lead, covered one of its predecessors)."""

    contact = serializers.IntegerField(source="contact_id", read_only=True, help_text="Id van de contactpersoon")
    full_name = serializers.CharField(source="contact.full_name", read_only=True)
    email = serializers.CharField(source="contact.email", read_only=True)
    phone = serializers.CharField(source="contact.phone", read_only=True)
    gemeente = serializers.CharField(
        source="gemeente.code", read_only=True, help_text="CBS-code van de vertegenwoordigde gemeente"
    )

    class Meta:
        model = Membership
        fields = ["id", "contact", "full_name", "email", "phone", "role", "gemeente", "start_date", "end_date"]


class CoverageOutreachSerializer(serializers.ModelSerializer):
    by = BriefUserSerializer(source="user", read_only=True, allow_null=True)

    class Meta:
        model = Outreach
        fields = ["id", "date", "channel", "outcome", "follow_up_date", "by"]


class CoverageSummarySerializer(serializers.Serializer):
    covered = serializers.IntegerField(help_text="Gedekt")
    in_progress = serializers.IntegerField(help_text="In behandeling")
    declined = serializers.IntegerField(help_text="Afgewezen of gestopt")
    to_approach = serializers.IntegerField(help_text="Nog te benaderen")


class CoverageRowSerializer(serializers.Serializer):
    code = serializers.CharField(source="gemeente.code", help_text="CBS-code")
    name = serializers.CharField(source="gemeente.name", help_text="Naam van de gemeente")
    region = serializers.CharField(source="gemeente.region.code", help_text="Veiligheidsregio (RR of ZHZ)")
    status = serializers.ChoiceField(choices=CoverageStatus.choices, help_text="Dekking op de peildatum")
    contacts = CoverageContactSerializer(
        source="memberships", many=True, help_text="Actieve rollen die de gemeente vertegenwoordigen"
    )
    last_outreach = CoverageOutreachSerializer(allow_null=True, help_text="Laatste contactmoment op of voor de datum")
    next_follow_up = serializers.DateField(allow_null=True, help_text="Datum van de volgende vervolgactie")
    leads = CoverageContactSerializer(
        many=True, help_text="Laatste contactpersonen van opgeheven voorgangers (alleen als de gemeente niet gedekt is)"
    )


class CoverageSerializer(serializers.Serializer):
    network = BriefNetworkSerializer()
    date = serializers.DateField(help_text="De peildatum")
    summary = CoverageSummarySerializer()
    gemeenten = CoverageRowSerializer(source="rows", many=True)
