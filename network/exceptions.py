"""Errors the services raise; messages are Dutch because they reach users as they are."""

from django.core.exceptions import ValidationError


class ConflictError(ValidationError):
    """The request contradicts the registry's current state (an overlapping role, ending an ended role)."""
