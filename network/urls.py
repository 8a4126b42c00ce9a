"""Routes of the web interface (mounted at /); Dutch paths because users see and share them."""

from django.urls import path

from .views import contacts, coverage, dashboard, events, exports, gemeenten, imports, networks, search, year

app_name = "network"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("zoeken/", search.search, name="search"),
    path("gemeenten/", gemeenten.gemeente_list, name="gemeente-list"),
    path("gemeenten/<str:code>/", gemeenten.gemeente_detail, name="gemeente-detail"),
    path("gemeenten/<str:code>/export.<str:fmt>", exports.gemeente_export, name="gemeente-export"),
    path("netwerken/", networks.network_list, name="network-list"),
    path("netwerken/<slug:slug>/", networks.network_detail, name="network-detail"),
    path("netwerken/<slug:slug>/export.<str:fmt>", exports.network_export, name="network-export"),
    path("netwerken/<slug:slug>/lid-toevoegen/", networks.membership_add, name="membership-add"),
    path("netwerken/<slug:slug>/contactmoment/<str:code>/", networks.outreach_log, name="outreach-log"),
    path("rollen/<int:pk>/beeindigen/", networks.membership_end, name="membership-end"),
    path("rollen/<int:pk>/overdragen/", networks.membership_handover, name="membership-handover"),
    path("dekking/", coverage.coverage_board, name="coverage-board"),
    path("dekking/export.<str:fmt>", exports.coverage_export, name="coverage-export"),
    path("contactpersonen/", contacts.contact_list, name="contact-list"),
    path("contactpersonen/nieuw/", contacts.contact_create, name="contact-create"),
    path("contactpersonen/kiezen/", networks.contact_picker, name="contact-picker"),
    path("contactpersonen/<int:pk>/", contacts.contact_detail, name="contact-detail"),
    path("contactpersonen/<int:pk>/bewerken/", contacts.contact_edit, name="contact-edit"),
    path("contactpersonen/<int:pk>/rol-toevoegen/", contacts.contact_role_add, name="contact-role-add"),
    path("contactpersonen/<int:pk>/samenvoegen/", contacts.contact_merge, name="contact-merge"),
    path("import/", imports.import_upload, name="import-upload"),
    path("import/voorbeeld/", imports.import_preview, name="import-preview"),
    path("import/bevestigen/", imports.import_confirm, name="import-confirm"),
    path("import/<int:pk>/", imports.import_batch, name="import-batch"),
    path("import/<int:pk>/terugdraaien/", imports.import_undo, name="import-undo"),
    path("evenementen/", events.event_list, name="event-list"),
    path("evenementen/<slug:slug>/", events.event_detail, name="event-detail"),
    path("evenementen/<slug:slug>/uitnodigen/", events.event_invite, name="event-invite"),
    path("evenementen/<slug:slug>/deelnemers.<str:fmt>", events.event_attendees_export, name="event-attendees-export"),
    path("evenementen/<slug:slug>/aanwezigheid/", events.event_import, name="event-import"),
    path("evenementen/<slug:slug>/aanwezigheid/bevestigen/", events.event_import_confirm, name="event-import-confirm"),
    path("jaaroverzicht/<int:year>/", year.year_overview, name="year-overview"),
]
