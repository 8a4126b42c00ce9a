"""Request bodies are JSON with typed values: `"12"` is not a number and `12` is not a name.

DRF coerces such values quietly; a client that sends the wrong type has a bug it should hear about.
"""

import datetime

from rest_framework import serializers

from common.dates import InvalidDate, check_registry_range, parse_registry_date


class RegistryDateField(serializers.DateField):
    """A date as JJJJ-MM-DD within the registry's years, read by the same parser as the web's `?date=`
    (common.dates), with its Dutch messages."""

    def to_internal_value(self, value):
        try:
            if isinstance(value, datetime.datetime):
                raise InvalidDate("Verwacht een datum zonder tijd.")
            if isinstance(value, datetime.date):
                return check_registry_range(value)
            return parse_registry_date(value)
        except InvalidDate as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from exc


_TEXT = (
    serializers.CharField,
    serializers.ChoiceField,
    serializers.DateField,
    serializers.SlugRelatedField,
)
_WHOLE_NUMBER = (serializers.IntegerField, serializers.PrimaryKeyRelatedField)


def _type_error(field, value) -> str | None:
    if value is None:
        return None
    if isinstance(field, serializers.BooleanField):
        return None if isinstance(value, bool) else "Verwacht true of false."
    if isinstance(field, _WHOLE_NUMBER):
        return None if isinstance(value, int) and not isinstance(value, bool) else "Verwacht een geheel getal."
    if isinstance(field, _TEXT):
        if not isinstance(value, str):
            return "Verwacht tekst."
        return None if is_storable(value) else UNSTORABLE
    return None


UNSTORABLE = "De tekst bevat tekens die niet kunnen worden opgeslagen (zoals NUL)."


def is_storable(text: str) -> bool:
    """PostgreSQL stores neither NUL nor unpaired surrogates; refusing them here keeps SQLite and PostgreSQL alike."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class StrictJSONSerializer(serializers.Serializer):
    def to_internal_value(self, data):
        if isinstance(data, dict) and not hasattr(data, "getlist"):
            errors = {}
            for name, field in self.fields.items():
                if name in data and not field.read_only:
                    message = _type_error(field, data[name])
                    if message:
                        errors[name] = [message]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
