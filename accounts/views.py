"""Pages of the accounts app: the health check, the second factor (TOTP) and one's API tokens."""

import base64
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .middleware import SECOND_FACTOR_KEY
from .services import token_create, token_revoke, tokens_visible_to


@login_not_required
@never_cache
@require_GET
def health(request):
    """For the load balancer and monitoring: is this app server up and can it reach the database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "onbereikbaar"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Verificatiecode",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text="De zescijferige code uit uw authenticator-app.",
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@login_required
@never_cache
def otp_verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('accounts:otp-setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", "Deze code klopt niet of is verlopen. Probeer de volgende code.")
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)})


@login_required
@never_cache
def otp_setup(request):
    """Link an authenticator app: show the secret once, confirm it with a first code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"{reverse('accounts:otp-verify')}?{urlencode({'next': _next_url(request)})}")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator-app"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[SECOND_FACTOR_KEY] = True
            return redirect(_next_url(request))
        form.add_error("token", "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat.")
    context = {
        "form": form,
        "next": _next_url(request),
        "secret": base64.b32encode(device.bin_key).decode(),
        "config_url": device.config_url,
    }
    return render(request, "accounts/otp_setup.html", context)


class RevokeForm(forms.Form):
    user = forms.IntegerField(
        min_value=1, max_value=2**63 - 1, error_messages={"invalid": "Kies een bestaande API-sleutel om in te trekken."}
    )


@login_required
@never_cache
def api_tokens(request):
    """A user's own API token (a beheerder sees all of them): create one, or revoke one.

    A new key is shown once, on the answer to the POST that made it (never_cache); afterwards only its first
    characters. `POST /api/v1/auth/token/` also hands out the key.
    """
    status, new_token = 200, None
    if request.method == "POST" and request.POST.get("action") == "create":
        try:
            new_token = token_create(actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
    elif request.method == "POST":
        form = RevokeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Kies een bestaande API-sleutel om in te trekken.")
            status = 400
        else:
            token = get_object_or_404(tokens_visible_to(actor=request.user), user_id=form.cleaned_data["user"])
            owner = token.user
            token_revoke(actor=request.user, token=token)
            messages.success(request, f"De API-sleutel van {owner} is ingetrokken.")
            return redirect("accounts:api-tokens")
    tokens = list(tokens_visible_to(actor=request.user))
    context = {
        "tokens": tokens,
        "new_token": new_token,
        "has_own": any(token.user_id == request.user.pk for token in tokens),
    }
    return render(request, "accounts/api_tokens.html", context, status=status)
