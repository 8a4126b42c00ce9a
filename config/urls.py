"""Top-level URL routes: the admin, the API and the web interface."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

# The admin modules register their models here (SimpleAdminConfig: not at start-up, see settings).
admin.autodiscover()

admin.site.site_header = "VAR Netwerkregister"
admin.site.site_title = "VAR Netwerkregister"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("admin/", admin.site.urls),
    # /health/ and the second-factor pages.
    path("", include("accounts.urls")),
    path("api/v1/", include("api.urls")),
    # The web interface: Django's login/logout with Dutch templates, then the kernteam's pages.
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("network.urls")),
]
