"""Read representations of the registry's resources; related objects are nested as brief serializers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from network import selectors
from network.models import (
    Contact,
    Gemeente,
    ImportBatch,
    Membership,
    Network,
    Organisation,
    Outreach,
    Participation,
    ParticipationStatusChange,
    Region,
    Theme,
)

from .brief import (
    BriefContactSerializer,
    BriefGemeenteSerializer,
    BriefNetworkSerializer,
    BriefOrganisationSerializer,
    BriefRegionSerializer,
    BriefThemeSerializer,
    BriefUserSerializer,
)


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name"]


class GemeenteSerializer(serializers.ModelSerializer):
    region = BriefRegionSerializer(read_only=True)
    successor = BriefGemeenteSerializer(read_only=True, allow_null=True)
    predecessors = BriefGemeenteSerializer(many=True, read_only=True, help_text="Gemeenten die hierin zijn opgegaan")

    class Meta:
        model = Gemeente
        fields = [
            "id",
            "code",
            "name",
            "slug",
            "region",
            "valid_from",
            "valid_to",
            "successor",
            "predecessors",
            "aliases",
            "inhabitants",
        ]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "slug", "name", "cluster", "position"]


class NetworkSerializer(serializers.ModelSerializer):
    theme = BriefThemeSerializer(read_only=True)

    class Meta:
        model = Network
        fields = ["id", "slug", "name", "theme", "level", "kind", "per_gemeente", "default_role", "description"]


class OrganisationSerializer(serializers.ModelSerializer):
    gemeente = BriefGemeenteSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "kind", "gemeente"]


class ContactMembershipSerializer(serializers.ModelSerializer):
    """A role as shown within its contact: the contact itself is implied."""

    network = BriefNetworkSerializer(read_only=True)
    gemeente = BriefGemeenteSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["id", "network", "role", "gemeente", "start_date", "end_date"]


class ContactSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True, help_text="Voornaam, tussenvoegsel en achternaam")
    sort_name = serializers.CharField(read_only=True, help_text='Sorteernaam: "Berg, Jan van der"')
    organisation = BriefOrganisationSerializer(read_only=True, allow_null=True)
    memberships = ContactMembershipSerializer(many=True, read_only=True, help_text="Alle rollen, ook beëindigde")

    class Meta:
        model = Contact
        fields = [
            "id",
            "titles",
            "first_name",
            "tussenvoegsel",
            "last_name",
            "full_name",
            "sort_name",
            "email",
            "phone",
            "mobile",
            "job_title",
            "organisation",
            "notes",
            "is_demo",
            "memberships",
            "created",
            "updated",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    contact = BriefContactSerializer(read_only=True)
    network = BriefNetworkSerializer(read_only=True)
    gemeente = BriefGemeenteSerializer(read_only=True, allow_null=True)
    source = serializers.CharField(read_only=True, help_text='"Handmatig" of de importbatch die de rol aanmaakte')

    class Meta:
        model = Membership
        fields = [
            "id",
            "contact",
            "network",
            "role",
            "gemeente",
            "start_date",
            "end_date",
            "verified_on",
            "source",
            "import_batch",
            "ended_by_batch",
            "notes",
            "created",
            "updated",
        ]


class ParticipationChangeSerializer(serializers.ModelSerializer):
    changed_by = BriefUserSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ParticipationStatusChange
        fields = ["id", "status", "date", "note", "changed_by"]


class ParticipationSerializer(serializers.ModelSerializer):
    gemeente = BriefGemeenteSerializer(read_only=True)
    network = BriefNetworkSerializer(read_only=True)
    changes = ParticipationChangeSerializer(many=True, read_only=True, help_text="Statusgeschiedenis, oudste eerst")

    class Meta:
        model = Participation
        fields = ["id", "gemeente", "network", "status", "status_date", "changes"]


class OutreachSerializer(serializers.ModelSerializer):
    gemeente = BriefGemeenteSerializer(read_only=True)
    network = BriefNetworkSerializer(read_only=True)
    user = BriefUserSerializer(read_only=True, allow_null=True)
    contact = BriefContactSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Outreach
        fields = ["id", "gemeente", "network", "date", "channel", "outcome", "follow_up_date", "user", "contact"]


class ImportBatchSerializer(serializers.ModelSerializer):
    user = BriefUserSerializer(read_only=True, allow_null=True)
    network = BriefNetworkSerializer(read_only=True, allow_null=True)
    undone_by = BriefUserSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "file_name",
            "sha256",
            "user",
            "mode",
            "network",
            "as_of",
            "status",
            "counts",
            "created",
            "undone_at",
            "undone_by",
        ]


class ImportBatchDetailSerializer(ImportBatchSerializer):
    results = serializers.SerializerMethodField(
        help_text="Het resultaat per rij, in volgorde: row, action, contact, contact_id, membership_id (als er een "
        "rol is), changes en messages (als die er zijn)"
    )

    class Meta(ImportBatchSerializer.Meta):
        fields = [*ImportBatchSerializer.Meta.fields, "results"]

    @extend_schema_field({"type": "array", "items": {"type": "object", "additionalProperties": True}})
    def get_results(self, obj) -> list[dict]:
        return selectors.import_batch_results(batch=obj)


class MembershipHandoverResultSerializer(serializers.Serializer):
    ended = MembershipSerializer(read_only=True, help_text="De beëindigde rol van de vorige rolhouder")
    started = MembershipSerializer(read_only=True, help_text="De nieuwe rol van de opvolger")
