"""Events attended, carried along in the query that already reads a contact or gemeente page's main row: one JSON
list per row (a subquery), so showing them costs those pages no extra query."""

import datetime

from django.db.models import Aggregate, F, Func, JSONField, OuterRef, Subquery, Value

from ...choices import AttendeeRole, AttendeeStatus
from ...models import Attendee


class JSONArrayAgg(Aggregate):
    """The rows' values as one JSON array, as text on both databases (SQLite json_group_array, PostgreSQL json_agg
    cast to text: psycopg would decode json itself, and JSONField decodes once more)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, function="JSON_AGG", **extra)
        return f"({sql})::text", params


class JSONPairs(Func):
    """A JSON object of the given (key, field) pairs (SQLite json_object, PostgreSQL json_build_object).

    Django's JSONObject would first probe SQLite for JSON support, a query of its own on every new connection."""

    function = "JSON_OBJECT"
    output_field = JSONField()

    def __init__(self, **fields):
        expressions = []
        for key, value in fields.items():
            expressions.extend((Value(key), F(value)))
        super().__init__(*expressions)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="JSON_BUILD_OBJECT", **extra)


def _events_json(attendances, group_by: str) -> Subquery:
    item = JSONPairs(slug="event__slug", title="event__title", date="event__date", status="status", role="role")
    rows = attendances.order_by().values(group_by).annotate(items=JSONArrayAgg(item)).values("items")
    return Subquery(rows, output_field=JSONField())


def contact_events_annotation() -> dict:
    """`attended_events` for a Contact queryset: every attendance of the contact (see attended_events)."""
    return {"attended_events": _events_json(Attendee.objects.filter(contact=OuterRef("pk")), "contact")}


def gemeente_events_annotation() -> dict:
    """`attended_events` for a Gemeente queryset: every attendance present for the gemeente."""
    present = Attendee.objects.filter(gemeente=OuterRef("pk"), status=AttendeeStatus.PRESENT)
    return {"attended_events": _events_json(present, "gemeente")}


def attended_events(obj) -> list[dict]:
    """The events in `obj.attended_events` (annotated above), newest first: [{slug, title, date (a date), status,
    status_label, role, present (how many rows of that event)}], one entry per event. No query."""
    by_slug: dict[str, dict] = {}
    for item in getattr(obj, "attended_events", None) or []:
        entry = by_slug.get(item["slug"])
        if entry is None:
            entry = by_slug[item["slug"]] = {
                **item,
                "date": datetime.date.fromisoformat(str(item["date"])[:10]),
                "status_label": AttendeeStatus(item["status"]).label,
                "role_label": AttendeeRole(item["role"]).label,
                "present": 0,
            }
        entry["present"] += 1
    return sorted(by_slug.values(), key=lambda entry: (entry["date"], entry["title"]), reverse=True)


__all__ = ["attended_events", "contact_events_annotation", "gemeente_events_annotation"]
