"""One exception handler for the whole API, so every interface error has the same shape and status.

The services raise Django's `ValidationError` (bad input, 400) and its subclass `ConflictError` (the request
contradicts the registry's state, 409) with Dutch messages; they become DRF responses here, keyed by field
where the service named one, otherwise under `detail`.
"""

import re

from django.apps import apps
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from network.exceptions import ConflictError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Het verzoek botst met de huidige gegevens in het register."
    default_code = "conflict"


class UnprocessableFile(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "Het bestand kan niet worden gelezen."
    default_code = "unreadable_file"


def _detail(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {field: [str(message) for message in errors] for field, errors in error.message_dict.items()}
    messages = [str(message) for message in error.messages]
    return {"detail": messages[0] if len(messages) == 1 else messages}


# Django's get_object_or_404 says "No Gemeente matches the given query." in English, whatever the language.
_NO_MATCH = re.compile(r"^No (?P<model>\w+) matches the given query\.$")


def _not_found(exc: Http404) -> exceptions.NotFound:
    """The Dutch 404 for a missing record: "Gemeente niet gevonden." from the model's verbose name."""
    match = _NO_MATCH.match(str(exc))
    models = {model.__name__: model for model in apps.get_models()}
    model = models.get(match["model"]) if match else None
    if model is None:
        return exceptions.NotFound()
    return exceptions.NotFound(f"{str(model._meta.verbose_name).capitalize()} niet gevonden.")


def exception_handler(exc, context):
    """DRF's handler, after turning the services' errors into 400/409 and every message into Dutch.

    DRF's own messages are Dutch through its `nl` locale (LANGUAGE_CODE); the two it builds from English text
    (a missing record, a JSON parse error, throttling) are replaced here.
    """
    if isinstance(exc, Http404):
        exc = _not_found(exc)
    elif isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse error"):
        exc = exceptions.ParseError("De inhoud van het verzoek is geen geldige JSON.")
    elif isinstance(exc, exceptions.Throttled):
        wait = f" Probeer het over {exc.wait:.0f} seconden opnieuw." if exc.wait is not None else ""
        exc.detail = exceptions.ErrorDetail(f"Te veel verzoeken.{wait}", code="throttled")
    elif isinstance(exc, ConflictError):
        exc = Conflict(_detail(exc))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_detail(exc))
    return drf_exception_handler(exc, context)
