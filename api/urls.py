"""Routes of API v1: hyphenated plurals, the token endpoint and the OpenAPI schema with its Swagger UI."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from .views import auth, errors, events, imports, proposals, records, reference

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
# No `contacts.json`-style suffix routes: `?format=` is the one way to ask for a format, and a suffix answers 404.
router.include_format_suffixes = False
router.register("regions", reference.RegionViewSet, basename="region")
router.register("gemeenten", reference.GemeenteViewSet, basename="gemeente")
router.register("themes", reference.ThemeViewSet, basename="theme")
router.register("networks", reference.NetworkViewSet, basename="network")
router.register("organisations", records.OrganisationViewSet, basename="organisation")
router.register("contacts", records.ContactViewSet, basename="contact")
router.register("memberships", records.MembershipViewSet, basename="membership")
router.register("participations", records.ParticipationViewSet, basename="participation")
router.register("outreach", records.OutreachViewSet, basename="outreach")
router.register("import-batches", records.ImportBatchViewSet, basename="importbatch")
router.register("imports", imports.ImportViewSet, basename="import")
router.register("change-proposals", proposals.ChangeProposalViewSet, basename="changeproposal")
router.register("events", events.EventViewSet, basename="event")

urlpatterns = [
    path("auth/token/", auth.ObtainTokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # The split view loads its start-up script as a file, so the page needs no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("reports/years/<int:year>/", events.YearReportView.as_view(), name="year-report"),
    path("", include(router.urls)),
    re_path(r"", errors.NotFoundView.as_view(), name="not-found"),
]
