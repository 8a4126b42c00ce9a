from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("account/2fa/", views.otp_verify, name="otp-verify"),
    path("account/2fa/instellen/", views.otp_setup, name="otp-setup"),
    path("account/api-sleutels/", views.api_tokens, name="api-tokens"),
]
