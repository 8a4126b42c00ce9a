"""Importing a contact list over HTTP: the same pipeline, options and summary as `import_contacts --json`."""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from accounts.permissions import Action
from network.importing import ImportFileError, run_import
from network.models import ImportBatch

from ..exceptions import UnprocessableFile
from ..schema import ErrorSerializer
from ..serializers.imports import ImportRequestSerializer, ImportSummarySerializer
from .base import RegistryViewSet

SUMMARY_EXAMPLE = {
    "file": "aandachtsfunctionarissen.xlsx",
    "dry_run": False,
    "rows": 22,
    "contacts": {"new": 20, "updated": 1, "unchanged": 1},
    "memberships": {"new": 21, "unchanged": 1, "ended": 0},
    "skipped": 0,
    "warnings": [{"row": 7, "column": "Organisatie", "message": "Nieuwe organisatie 'Gemeente Zwijndrecht'."}],
    "errors": [],
    "ignored_columns": ["Verjaardag"],
    "batch": 12,
}


class ImportViewSet(RegistryViewSet):
    queryset = ImportBatch.objects.none()
    serializer_class = ImportRequestSerializer
    parser_classes = [MultiPartParser]
    action_permissions = {"create": Action.IMPORT}

    @extend_schema(
        summary="Contactlijst importeren",
        description="Importeert een lijst zoals partners die sturen, met dezelfde regels als `import_contacts`: "
        "eerst wordt elke rij gecontroleerd; met een fout in een rij wordt niets opgeslagen (400, met per rij de "
        "fout), tenzij `skip_invalid`. Een bestand dat niet te lezen is geeft 422. Met `dry_run` komt terug wat er "
        "zou veranderen, zonder iets op te slaan (200), met de kolomindeling (`columns`) en per rij wat die wordt "
        "(`row_details`). Met `columns` (JSON-object kolomkop → veld) past u de kolomindeling aan; een gekozen "
        "indeling wordt onthouden voor lijsten met dezelfde kolomkoppen. Een verwerkte import geeft 201 met het id "
        "van de batch.",
        request={"multipart/form-data": ImportRequestSerializer},
        responses={
            201: OpenApiResponse(
                ImportSummarySerializer,
                description="Verwerkt",
                examples=[OpenApiExample("Verwerkt", value=SUMMARY_EXAMPLE, status_codes=["201"])],
            ),
            200: OpenApiResponse(ImportSummarySerializer, description="Proefimport: wat er zou veranderen"),
            400: OpenApiResponse(
                ErrorSerializer,
                description="Rijen met fouten: de samenvatting zoals bij 201, met per rij de fout in `errors`; er is "
                "niets opgeslagen. Of een ongeldig veld van het verzoek (bijv. `file` ontbreekt).",
                examples=[
                    OpenApiExample(
                        "Onbekende gemeente",
                        value={
                            **SUMMARY_EXAMPLE,
                            "batch": None,
                            "errors": [
                                {
                                    "row": 9,
                                    "column": "Gemeente",
                                    "value": "Den Haag",
                                    "message": "Rij 9, kolom Gemeente: 'Den Haag' is geen VAR-gemeente.",
                                }
                            ],
                        },
                        status_codes=["400"],
                    )
                ],
            ),
            422: OpenApiResponse(ErrorSerializer, description="Het bestand kan niet worden gelezen"),
        },
    )
    def create(self, request, *args, **kwargs):
        data = self.validated_input(request)
        upload = data["file"]
        options = data["options"]
        try:
            result = run_import(actor=request.user, file=upload, file_name=upload.name, options=options)
        except ImportFileError as exc:
            raise UnprocessableFile(exc.message) from exc
        if result.has_errors and not options.skip_invalid:
            return Response(result.preview, status=status.HTTP_400_BAD_REQUEST)
        return Response(result.preview, status=status.HTTP_200_OK if options.dry_run else status.HTTP_201_CREATED)
