"""The import endpoint: the upload and the summary `import_contacts --json` prints (IMPORT.md)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from network.importing import ImportOptions
from network.importing.options import parse_column_choices
from network.models import Network

from .strict import UNSTORABLE, RegistryDateField, is_storable


@extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
class ColumnChoicesField(serializers.JSONField):
    """A JSON object kolomkop → veld (in a multipart form: its JSON text)."""


@extend_schema_field({"type": "string", "format": "binary"})
class UploadField(serializers.FileField):
    """The uploaded list: a file part of the multipart request."""


class ImportRequestSerializer(serializers.Serializer):
    file = UploadField(help_text="De lijst: .xlsx, .xls, .ods of .csv (zoals Excel hem opslaat)")
    network = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Network.objects.all(),
        required=False,
        help_text="Eén netwerk voor de hele lijst (slug); weglaten of leeg: de kolom Netwerk",
    )
    sheet = serializers.CharField(
        required=False, allow_blank=True, help_text="Werkblad; leeg: het werkblad waarop het bestand opent"
    )
    as_of = RegistryDateField(
        required=False, help_text="Stand per (JJJJ-MM-DD); nieuwe rollen beginnen dan. Weglaten of leeg: vandaag"
    )
    sync = serializers.BooleanField(
        default=False, help_text="Volledige lijst van het netwerk: rollen die ontbreken eindigen de dag ervoor"
    )
    dry_run = serializers.BooleanField(default=False, help_text="Alleen laten zien wat er zou veranderen")
    skip_invalid = serializers.BooleanField(default=False, help_text="Rijen met fouten overslaan en de rest verwerken")
    columns = ColumnChoicesField(
        required=False,
        binary=True,
        help_text='Kolomindeling aanpassen: JSON-object kolomkop → veld, bijv. {"Bedrijfsnaam": "organisatie", '
        '"Partner": "negeren"}. Velden: voornaam, voorletters, aanhef, tussenvoegsel, achternaam, naam, e-mail, '
        "telefoon, mobiel, organisatie, functie, gemeente, netwerk, rol, startdatum, einddatum, opmerkingen, negeren",
    )

    def validate_columns(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError('Geef een JSON-object kolomkop → veld, bijv. {"Bedrijf": "organisatie"}.')
        try:
            return parse_column_choices(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["columns"]) from error

    def to_internal_value(self, data):
        # Form fields are text; a NUL (or an unpaired surrogate) could not even be looked up in PostgreSQL.
        unstorable = {
            name: [UNSTORABLE]
            for name in ("network", "sheet", "as_of")
            if isinstance(data.get(name), str) and not is_storable(data.get(name))
        }
        if unstorable:
            raise serializers.ValidationError(unstorable)
        return super().to_internal_value(data)

    def validate(self, attrs):
        """The import's options, checked by `ImportOptions.clean` (as on the web and admin forms), as `options`."""
        options = ImportOptions(
            network=attrs.get("network"),
            sheet=attrs.get("sheet") or None,
            as_of=attrs.get("as_of"),
            sync=attrs["sync"],
            dry_run=attrs["dry_run"],
            skip_invalid=attrs["skip_invalid"],
            columns=attrs.get("columns") or {},
        )
        try:
            options.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return {**attrs, "options": options}


class ContactCountsSerializer(serializers.Serializer):
    new = serializers.IntegerField(help_text="Nieuwe contactpersonen")
    updated = serializers.IntegerField(help_text="Contactpersonen met gewijzigde gegevens")
    unchanged = serializers.IntegerField(help_text="Ongewijzigde contactpersonen")


class MembershipCountsSerializer(serializers.Serializer):
    new = serializers.IntegerField(help_text="Nieuwe rollen")
    unchanged = serializers.IntegerField(help_text="Rollen die er al waren")
    ended = serializers.IntegerField(help_text="Rollen beëindigd door synchroniseren")


class ImportWarningSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="Rijnummer zoals in het spreadsheet")
    column = serializers.CharField(allow_null=True, allow_blank=True, help_text="Kolomkop")
    message = serializers.CharField(help_text="Melding")


class ImportErrorSerializer(ImportWarningSerializer):
    value = serializers.CharField(allow_null=True, allow_blank=True, help_text="De waarde in de cel")


class ColumnSerializer(serializers.Serializer):
    header = serializers.CharField(help_text="Kolomkop zoals in het bestand")
    field = serializers.CharField(allow_blank=True, help_text="Veld (leeg: genegeerd)")
    label = serializers.CharField(help_text="Het veld in het Nederlands")


class RowDetailSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="Rijnummer zoals in het spreadsheet")
    action = serializers.CharField(help_text="new, updated, unchanged, error of skipped")
    contact = serializers.CharField(allow_blank=True, help_text="De contactpersoon")
    contact_status = serializers.CharField(allow_blank=True, help_text="new (nieuw) of existing (bestaand)")
    contact_id = serializers.IntegerField(allow_null=True, help_text="Id van de bestaande contactpersoon")
    contact_url = serializers.CharField(allow_null=True, help_text="Pagina van de bestaande contactpersoon")
    gemeente = serializers.CharField(allow_blank=True)
    network = serializers.CharField(allow_blank=True)
    role = serializers.CharField(allow_blank=True)
    organisation = serializers.CharField(allow_blank=True)
    start_date = serializers.DateField(allow_null=True, help_text="Eerste dag van de rol")
    end_date = serializers.DateField(allow_null=True, help_text="Laatste dag van de rol (inclusief)")
    changes = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(allow_blank=True)), help_text="veld → [oud, nieuw]"
    )
    messages = serializers.ListField(child=serializers.CharField())


class ImportSummarySerializer(serializers.Serializer):
    file = serializers.CharField(help_text="Bestandsnaam")
    dry_run = serializers.BooleanField(help_text="Proefimport: er is niets opgeslagen")
    rows = serializers.IntegerField(help_text="Aantal gelezen rijen")
    contacts = ContactCountsSerializer()
    memberships = MembershipCountsSerializer()
    skipped = serializers.IntegerField(help_text="Overgeslagen rijen (met skip_invalid)")
    warnings = ImportWarningSerializer(many=True)
    errors = ImportErrorSerializer(many=True)
    ignored_columns = serializers.ListField(child=serializers.CharField(), help_text="Kolommen die niet zijn gebruikt")
    batch = serializers.IntegerField(allow_null=True, help_text="Id van de importbatch; leeg bij een proefimport")
    columns = ColumnSerializer(many=True, required=False, help_text="Alleen bij een proefimport: kolom → veld")
    row_details = RowDetailSerializer(
        many=True, required=False, help_text="Alleen bij een proefimport: per rij wat die wordt"
    )
