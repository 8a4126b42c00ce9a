"""Events, their attendees, invitations, the attendance import and the year in figures (EVENTS.md)."""

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import Action, can
from common.dates import EARLIEST, LATEST
from network import selectors, services
from network.attendance import AttendanceOptions, run_attendance_import
from network.choices import EventKind, EventStatus
from network.exporting import CONTENT_TYPES, export_year_report
from network.importing import ImportFileError

from ..exceptions import UnprocessableFile
from ..permissions import ModelPermissions
from ..renderers import XLSXRenderer
from ..schema import RegistryAutoSchema
from ..serializers.events import (
    AttendanceImportRequestSerializer,
    AttendanceSummarySerializer,
    AttendeeInputSerializer,
    AttendeeSerializer,
    EventDetailSerializer,
    EventInputSerializer,
    EventSerializer,
    InvitationInputSerializer,
    InvitationResultSerializer,
)
from .base import CreateMixin, PartialUpdateMixin, RegistryViewSet

FILTERS = [
    OpenApiParameter(
        "year",
        {"type": "integer", "minimum": EARLIEST.year, "maximum": LATEST.year},
        description="Jaar van de (eerste) dag",
    ),
    OpenApiParameter("kind", str, enum=EventKind.values, description="Soort evenement"),
    OpenApiParameter("status", str, enum=EventStatus.values, description="Status van het evenement"),
    OpenApiParameter("theme", str, description="Slug van een thema"),
    OpenApiParameter("network", str, description="Slug van een netwerk"),
    OpenApiParameter(
        "contact",
        {"type": "integer", "minimum": 1},
        description="Id van een contactpersoon: evenementen waar die aanwezig was",
    ),
    OpenApiParameter("gemeente", str, description="CBS-code: evenementen met iemand aanwezig namens die gemeente"),
]


def _number(value, name: str) -> int | None:
    if value in (None, ""):
        return None
    if not str(value).isdigit():
        raise ValidationError({name: "Geef een nummer."})
    return int(value)


def _year(value) -> int | None:
    if value in (None, ""):
        return None
    if not str(value).isdigit() or not EARLIEST.year <= int(value) <= LATEST.year:
        raise ValidationError({"year": f"Geef een jaartal tussen {EARLIEST.year} en {LATEST.year}, bijvoorbeeld 2021."})
    return int(value)


@extend_schema_view(
    list=extend_schema(
        summary="Evenementen",
        description="Evenementen van de kennis- en leerfunctie, nieuwste eerst, met `counts` per status.",
        parameters=FILTERS,
    ),
    retrieve=extend_schema(
        summary="Eén evenement", description="Met `counts` en `gemeenten` (CBS-codes van de aanwezigen)."
    ),
    create=extend_schema(
        summary="Evenement toevoegen",
        description="Voegt een evenement toe; de slug wordt uit de titel gemaakt en komt terug in het antwoord.",
        request=EventInputSerializer,
        responses={201: EventDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Evenement wijzigen",
        description="Wijzigt alleen de meegestuurde velden; de wijziging komt in de geschiedenis.",
        request=EventInputSerializer,
        responses={200: EventDetailSerializer},
    ),
)
class EventViewSet(CreateMixin, PartialUpdateMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, RegistryViewSet):
    serializer_class = EventSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    input_serializers = {"create": EventInputSerializer, "partial_update": EventInputSerializer}
    action_permissions = {
        "invitations": Action.CHANGE_EVENT,
        "attendance_imports": Action.IMPORT,
    }
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        params = self.request.query_params
        if self.action != "list":
            return selectors.event_list()
        return selectors.event_list(
            year=_year(params.get("year")),
            kind=params.get("kind"),
            status=params.get("status"),
            theme=params.get("theme"),
            network=params.get("network"),
            contact=_number(params.get("contact"), "contact"),
            gemeente=params.get("gemeente"),
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return EventDetailSerializer
        return super().get_serializer_class()

    def read_back(self, instance, *, status_code=status.HTTP_200_OK):
        event = selectors.event_get_for_page(slug=instance.slug)
        return Response(EventDetailSerializer(event).data, status=status_code)

    def perform_create(self, data):
        return services.event_create(actor=self.request.user, **data)

    def perform_update(self, event, data):
        return services.event_update(actor=self.request.user, event=event, **data)

    @extend_schema(
        methods=["GET"],
        summary="Deelnemers van een evenement",
        description="Iedereen die bij het evenement hoort (uitgenodigd, aangemeld, aanwezig, afwezig, afgemeld).",
        responses={200: AttendeeSerializer(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Deelnemer toevoegen of status wijzigen",
        description="Eén deelnemer per contactpersoon per evenement; elke statuswijziging blijft in de geschiedenis.",
        request=AttendeeInputSerializer,
        responses={201: AttendeeSerializer, 200: AttendeeSerializer},
    )
    @action(detail=True, methods=["get", "post"], url_path="attendees")
    def attendees(self, request, slug=None):
        event = self.get_object()
        if request.method == "GET":
            rows = selectors.attendee_list(event=event)
            page = self.paginate_queryset(rows)
            return self.get_paginated_response(AttendeeSerializer(page, many=True).data)
        if not can(request.user, Action.CHANGE_EVENT):
            self.permission_denied(request, message=Action.CHANGE_EVENT.denied)
        serializer = AttendeeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attendee, created = services.attendee_set(actor=request.user, event=event, **serializer.validated_data)
        attendee = selectors.attendee_list(event=event).get(pk=attendee.pk)
        return Response(AttendeeSerializer(attendee).data, status=201 if created else 200)

    @extend_schema(
        summary="Uitnodigen uit een selectie",
        description="Iedereen die de selectie op de datum van het evenement oplevert (ieder één keer, zonder wie "
        "bezwaar maakte tegen mailings) komt erbij als uitgenodigd; met `dry_run` alleen wie erbij zou komen.",
        request=InvitationInputSerializer,
        responses={200: InvitationResultSerializer, 201: InvitationResultSerializer},
    )
    @action(detail=True, methods=["post"], url_path="invitations")
    def invitations(self, request, slug=None):
        event = self.get_object()
        serializer = InvitationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        dry_run = data.pop("dry_run")
        found = selectors.invitees(selection=selectors.Selection(**data), on=event.date)
        already = set(selectors.attendee_list(event=event).values_list("contact_id", flat=True))
        to_add = [contact for contact in found.contacts if contact.pk not in already]
        if not dry_run:
            services.invitations_add(actor=request.user, event=event, contacts=to_add)
        body = {
            "dry_run": dry_run,
            "invitees": len(found.contacts),
            "added": len(to_add),
            "objected": found.objected,
            "contacts": [contact.pk for contact in to_add],
            "bcc": found.bcc,
        }
        return Response(body, status=status.HTTP_200_OK if dry_run else status.HTTP_201_CREATED)

    @extend_schema(
        summary="Aanwezigheid importeren",
        description="Zoals `import_attendance --json`: een aanmeldlijst, Teams- of Zoom-rapport. Rijen met fouten: "
        "400 en niets opgeslagen; onleesbaar bestand: 422; `dry_run`: 200; verwerkt: 201.",
        request={"multipart/form-data": AttendanceImportRequestSerializer},
        responses={
            200: AttendanceSummarySerializer,
            201: AttendanceSummarySerializer,
            400: AttendanceSummarySerializer,
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="attendance-imports",
        parser_classes=[MultiPartParser],
    )
    def attendance_imports(self, request, slug=None):
        event = self.get_object()
        if not can(request.user, Action.CHANGE_EVENT):
            self.permission_denied(request, message=Action.CHANGE_EVENT.denied)
        serializer = AttendanceImportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        options = AttendanceOptions(
            create_missing=data["create_missing"], dry_run=data["dry_run"], skip_organisers=data["skip_organisers"]
        )
        upload = data["file"]
        try:
            result = run_attendance_import(
                actor=request.user, file=upload, file_name=upload.name, event=event, options=options
            )
        except ImportFileError as exc:
            raise UnprocessableFile(exc.message) from exc
        if result.errors:
            return Response(result.summary, status=status.HTTP_400_BAD_REQUEST)
        return Response(result.summary, status=status.HTTP_200_OK if options.dry_run else status.HTTP_201_CREATED)


class YearReportView(APIView):
    """GET /api/v1/reports/years/{year}/ — the year in figures; `?format=xlsx` downloads it."""

    renderer_classes = [JSONRenderer, XLSXRenderer]
    schema = RegistryAutoSchema()

    permission_classes = [ModelPermissions]

    def get_queryset(self):  # ModelPermissions asks for the view permission on events
        return selectors.event_list()

    @extend_schema(
        summary="Jaaroverzicht",
        description="De cijfers van een jaar voor het jaarverslag (EVENTS.md); `?format=xlsx` geeft een werkmap.",
        responses={200: dict},
    )
    def get(self, request, year: int):
        if not EARLIEST.year <= year <= LATEST.year:
            raise NotFound("Geen jaar in het register.")
        report = selectors.year_report(year=year)
        if getattr(request.accepted_renderer, "format", None) == "xlsx":
            response = HttpResponse(export_year_report(report), content_type=CONTENT_TYPES["xlsx"])
            response["Content-Disposition"] = f'attachment; filename="jaaroverzicht-{year}.xlsx"'
            return response
        return Response(report)
