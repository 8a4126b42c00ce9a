"""OpenAPI generation: every operation documents the errors the exception handler can return."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_view_model
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers

from common.dates import SCHEMA_PATTERN
from network.exporting import CONTENT_TYPES
from network.filtersets import DateFilter, IdFilter

TEXT_PATTERN = r"^[^\x00]+$"  # the empty text of a blank field is allowed next to it (drf-spectacular)
FILLED_TEXT_PATTERN = r"^[^\x00]*[^\x00\s][^\x00]*$"
DATE_SCHEMA = {"type": "string", "format": "date", "pattern": SCHEMA_PATTERN}


class RegistryDateFieldExtension(OpenApiSerializerFieldExtension):
    """A date field of the registry: JJJJ-MM-DD from 1900 to 2999 (common.dates), said in the schema too."""

    target_class = "api.serializers.strict.RegistryDateField"

    def map_serializer_field(self, auto_schema, direction):
        return dict(DATE_SCHEMA)


class ErrorSerializer(serializers.Serializer):
    """A failed request: `detail`, or per field a list of messages (400)."""

    detail = serializers.CharField(required=False, help_text="Wat er mis is, in het Nederlands")


ERRORS = {
    "400": OpenApiResponse(
        ErrorSerializer,
        description="Ongeldige invoer; per veld de meldingen",
        examples=[
            OpenApiExample(
                "Ongeldige datum",
                value={"date": ["Ongeldige datum: gebruik JJJJ-MM-DD."]},
                status_codes=["400"],
            )
        ],
    ),
    "401": OpenApiResponse(ErrorSerializer, description="Niet ingelogd: stuur `Authorization: Token …`"),
    "403": OpenApiResponse(ErrorSerializer, description="Geen toestemming voor deze handeling"),
    "404": OpenApiResponse(ErrorSerializer, description="Niet gevonden"),
    "409": OpenApiResponse(
        ErrorSerializer,
        description="Botst met het register (overlappende rol, rol al beëindigd, e-mailadres in gebruik)",
        examples=[
            OpenApiExample(
                "Rol al beëindigd",
                value={"detail": "Deze rol is al beëindigd op 31-12-2022."},
                status_codes=["409"],
            )
        ],
    ),
}


DOWNLOAD_SCHEMAS = {
    CONTENT_TYPES["xlsx"]: {"type": "string", "format": "binary", "description": "Excel-werkmap (.xlsx)"},
    "text/csv": {"type": "string", "description": "CSV met ; als scheidingsteken, UTF-8 met BOM"},
}


PATH_DESCRIPTIONS = {
    "code": "Code van de {name}: een CBS-code zoals GM0599 voor een gemeente, RR of ZHZ voor een veiligheidsregio",
    "slug": "Slug van {name} zoals in de URL, bijv. hackshield (netwerk) of mensenhandel (thema)",
    "id": "Id van de {name}",
}


class RegistryAutoSchema(AutoSchema):
    """Adds the error responses to every operation, so clients and schema checks know every status code."""

    public = False

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        model = get_view_model(self.view, emit_warnings=False)
        name = model._meta.verbose_name if model is not None else "object"
        for parameter in parameters:
            parameter["description"] = PATH_DESCRIPTIONS.get(parameter["name"], "Id van {name}").format(name=name)
        return parameters

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        # An empty string is refused ("Dit veld mag niet leeg zijn.") by a text field without allow_blank and by a
        # reference that is not nullable; the schema says so, so that its valid examples are valid.
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.RelatedField) and field.allow_null:
            # A nullable reference takes "" for null: the text rules of the slug it is mapped from do not apply.
            schema.pop("minLength", None)
            schema.pop("pattern", None)
            return schema
        if field.read_only or schema.get("type") != "string" or "enum" in schema:
            return schema
        text = isinstance(field, serializers.CharField)
        reference = isinstance(field, serializers.RelatedField) and not field.allow_null
        if ((text and not field.allow_blank) or reference) and not schema.get("minLength"):
            schema["minLength"] = 1
        if text and "pattern" not in schema:
            # No NUL (neither database stores it), and text that is more than spaces when it may not be blank.
            schema["pattern"] = TEXT_PATTERN if field.allow_blank else FILLED_TEXT_PATTERN
        return schema

    def _get_format_parameters(self):
        parameters = super()._get_format_parameters()
        for parameter in parameters:
            parameter["description"] = "Formaat van het antwoord: json (standaard), xlsx of csv (downloadbestand)."
        return parameters

    def _get_filter_parameters(self):
        # An empty filter value means "no filter", as on the web pages that share these FilterSets.
        parameters = super()._get_filter_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        filters = filterset_class.base_filters if filterset_class else {}
        for parameter in parameters:
            parameter["allowEmptyValue"] = True
            if isinstance(filters.get(parameter["name"]), IdFilter):
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
            elif isinstance(filters.get(parameter["name"]), DateFilter):
                parameter["schema"] = dict(DATE_SCHEMA)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        # A public operation (the token endpoint) has no record to find or to conflict with: it answers 400,
        # and the 429 of a lockout that it documents itself.
        codes = ["400"] if self.public else ["400", "401", "403", "404"]
        if self.method in ("POST", "PATCH", "PUT") and not self.public:
            codes.append("409")
        for code in codes:
            responses.setdefault(code, self._get_response_for_code(ERRORS[code], code, direction=direction))
        for media_type, content in responses.get("200", {}).get("content", {}).items():
            if media_type in DOWNLOAD_SCHEMAS:
                content["schema"] = DOWNLOAD_SCHEMAS[media_type]
        return responses


class PublicAutoSchema(RegistryAutoSchema):
    public = True
