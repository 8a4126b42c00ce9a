"""Top-level URL routes: the admin, the API and the web interface."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "VAR Netwerkregister"
admin.site.site_title = "VAR Netwerkregister"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]
