"""Login hardening: django-axes for every `authenticate()` call that carries a request, whichever door it is.

The admin, the web login and the API token endpoint all end in `django.contrib.auth.authenticate(request, …)`.
The API passes a Django REST Framework `Request`, which wraps the `HttpRequest` that `AxesMiddleware` sees;
this module makes the lockout reach that inner request so the API answers a locked-out client the same way
as the pages do.
"""

import functools
import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string


def _http_request(request):
    """The Django request behind a DRF request (or the request itself)."""
    return getattr(request, "_request", request)


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins of locked-out clients before the password is even checked.

    Calls without a request (a shell, a test helper) are not HTTP logins and cannot be rate-limited by client,
    so they pass on to the next backend instead of failing as plain `AxesStandaloneBackend` does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(_http_request(request), username, password, **kwargs)


@receiver(user_login_failed, dispatch_uid="accounts.copy_lockout_to_http_request")
def copy_lockout_to_http_request(sender, credentials, request=None, **kwargs):
    """Axes flags the request it was given; for a DRF request, flag the inner one the middleware reads."""
    if request is None or not hasattr(request, "_request"):
        return
    for name in ("axes_locked_out", "axes_credentials"):
        if name in vars(request):
            setattr(request._request, name, vars(request)[name])


def client_ip(request) -> str:
    """The client's address; behind `TRUSTED_PROXY_COUNT` proxies, taken from X-Forwarded-For.

    The header counts only when the direct peer (REMOTE_ADDR) is one of `TRUSTED_PROXY_ADDRESSES`: a client
    that reaches the app server directly could otherwise send a new X-Forwarded-For with every attempt and
    never be locked out. Even then only the entries the own proxies appended are trusted: a client can put
    anything at the front.
    """
    request = _http_request(request)
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies and _is_trusted_proxy(peer):
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return peer


def _is_trusted_proxy(address: str) -> bool:
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(peer in network for network in _trusted_proxy_networks(tuple(settings.TRUSTED_PROXY_ADDRESSES)))


@functools.cache
def _trusted_proxy_networks(addresses: tuple[str, ...]) -> list:
    return [ipaddress.ip_network(address, strict=False) for address in addresses]


LOCKOUT_MESSAGE = "Te veel mislukte inlogpogingen. Uw account is tijdelijk geblokkeerd; probeer het later opnieuw."


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": LOCKOUT_MESSAGE}, status=status)
    html = render_to_string("accounts/lockout.html", {"message": LOCKOUT_MESSAGE}, request=request)
    return HttpResponse(html, status=status)
