"""The personal verification page (no login): confirm or correct one's own roles and work details.

Every answer of this view is private and short-lived: not cached, no referrer sent to other sites, and
Django's own logging of the path is redacted (common/logging.py). A wrong, tampered or expired link shows no
personal data; an answered one says "al beantwoord"; a client address that asks too often gets a 429 (Django's
cache).
"""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.auth import client_ip

from .. import selectors, services
from ..choices import VerificationStatus
from ..exceptions import ConflictError
from ..forms import add_service_errors
from ..services import RoleAnswer
from ..tokens import TokenExpired, TokenInvalid
from ..verification_forms import VerificationForm

logger = logging.getLogger("network.verification")

# same-origin, not no-referrer: browsers then send "Origin: null" on the form post, which CSRF refuses.
PRIVATE_HEADERS = {"Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex"}


def _answer(request, template: str, context: dict | None = None, status: int = 200):
    response = render(request, f"network/verification/{template}.html", context or {}, status=status)
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def over_rate_limit(request) -> bool:
    """Count this request for the client address (the axes logic: behind TRUSTED_PROXY_COUNT proxies, the
    X-Forwarded-For entry the own proxy added); True once it is over VERIFICATION_RATE_LIMIT in the window."""
    key = f"verification-rate:{client_ip(request)}"
    window = settings.VERIFICATION_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.VERIFICATION_RATE_LIMIT


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def verification_page(request, token: str):
    if over_rate_limit(request):
        return _answer(request, "limited", status=429)
    try:
        verification = selectors.verification_request_for_token(token)
    except TokenExpired:
        return _answer(request, "expired", status=410)
    except TokenInvalid:
        return _answer(request, "invalid", status=404)
    if verification.status != VerificationStatus.OPEN:
        return _answer(request, "answered")
    contact = verification.contact
    roles = selectors.verification_roles(contact=contact, on=timezone.localdate())
    form = VerificationForm(request.POST or None, contact=contact, roles=roles)
    if request.method == "POST":
        everything_ok = "alles_klopt" in request.POST
        valid = form.is_valid()
        if everything_ok or valid:
            answers = [RoleAnswer(membership=m, ok=True) for m in roles] if everything_ok else form.role_answers()
            try:
                proposals = services.verification_answer(
                    actor=None,
                    request=verification,
                    roles=answers,
                    details={} if everything_ok else form.details(),
                )
            except ConflictError:
                return _answer(request, "answered")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return _answer(request, "thanks", {"confirmed": everything_ok, "proposals": proposals})
    else:
        logger.info("Controleverzoek #%s geopend", verification.pk)
    return _answer(request, "page", {"contact": contact, "form": form})
