"""Session rules: a second factor for the roles that may change everything, and an idle timeout."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

SECOND_FACTOR_KEY = "_second_factor_required"


def needs_second_factor(user) -> bool:
    """Required by the settings for the user's role, or chosen by the user by linking an authenticator app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not user.is_authenticated:
        return False
    required = set(getattr(settings, "OTP_REQUIRED_FOR_ROLES", ()))
    if required and (user.is_superuser or user.groups.filter(name__in=required).exists()):
        return True
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def remember_second_factor(sender, request, user, **kwargs):
    """Decide at login, so later requests read the answer from the session instead of the database."""
    request.session[SECOND_FACTOR_KEY] = needs_second_factor(user)


def _session_needs_second_factor(request) -> bool:
    required = request.session.get(SECOND_FACTOR_KEY)
    if required is None:
        required = request.session[SECOND_FACTOR_KEY] = needs_second_factor(request.user)
    return required


class RequireSecondFactorMiddleware:
    """Sends a user who must confirm logins with a code (a beheerder or kernteam member when production asks
    for it, or anyone who linked an authenticator app) to the code page before anything else.

    Sits after django-otp's `OTPMiddleware`, which tells whether this session was verified with a device.
    Covers the admin, the web pages and session-authenticated API calls; the API token endpoint asks the same
    users for their code before it hands out a token (api/views/auth.py), so token calls are not asked again.
    """

    EXEMPT_PREFIXES = ("/account/2fa/", "/health/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(self.EXEMPT_PREFIXES)
            and request.path not in self._logout_paths()
            and _session_needs_second_factor(request)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Bevestig eerst uw login met een verificatiecode."}, status=403)
            return redirect(f"{reverse('accounts:otp-verify')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _logout_paths() -> set[str]:
        paths = set()
        for name in ("logout", "admin:logout"):
            try:
                paths.add(reverse(name))
            except NoReverseMatch:
                continue
        return paths


ACTIVITY_KEY = "_last_activity"


def stamp_activity(sender, request, user, **kwargs):
    """At login, the session starts its idle clock (the login saves the session anyway)."""
    request.session[ACTIVITY_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Ends a session after SESSION_COOKIE_AGE seconds without requests, at most one write a minute per user.

    `SESSION_SAVE_EVERY_REQUEST` would give the same sliding expiry but writes the session on every request,
    which with several app servers is a database write per page view for nothing. Here a request extends
    the session only when the last extension is more than a minute (or half the idle period) old, so the
    timeout is exact to within that minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Token-authenticated API calls carry no session; touching one here would create it.
        if session is None or session.session_key is None:
            return response
        if not getattr(request, "user", None) or not request.user.is_authenticated:
            return response
        now = int(time.time())
        last = session.get(ACTIVITY_KEY, 0)
        if now - last >= min(60, settings.SESSION_COOKIE_AGE // 2):
            session[ACTIVITY_KEY] = now
        return response
