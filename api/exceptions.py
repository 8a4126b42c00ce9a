"""One exception handler for the whole API, so every interface error has the same shape and status.

The services raise Django's `ValidationError` (bad input, 400) and its subclass `ConflictError` (the request
contradicts the registry's state, 409) with Dutch messages; they become DRF responses here, keyed by field
where the service named one, otherwise under `detail`.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
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


def exception_handler(exc, context):
    if isinstance(exc, ConflictError):
        exc = Conflict(_detail(exc))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_detail(exc))
    return drf_exception_handler(exc, context)
