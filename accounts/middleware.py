"""A second factor for the roles that may change everything, when the settings ask for it."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse


def needs_second_factor(user) -> bool:
    required = set(getattr(settings, "OTP_REQUIRED_FOR_ROLES", ()))
    if not required or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=required).exists()


class RequireSecondFactorMiddleware:
    """Sends a beheerder or kernteam member who logged in with a password only to the code page first.

    Sits after django-otp's `OTPMiddleware`, which tells whether this session was verified with a device.
    Covers the admin, the web pages and session-authenticated API calls; API tokens are a credential of
    their own, issued only after a login, and are not asked for a code.
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
            and needs_second_factor(user)
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
