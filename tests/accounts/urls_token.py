"""The project's URLs plus DRF's stock token view, to test the lockout on a DRF `authenticate()` call."""

from django.urls import path
from rest_framework.authtoken.views import obtain_auth_token

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("api/test-token/", obtain_auth_token)]
