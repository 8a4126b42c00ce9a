"""Helpers shared by the services."""

import datetime


def _fmt(day: datetime.date) -> str:
    return day.strftime("%d-%m-%Y")


def _save(instance, actor, reason: str | None = None, **kwargs) -> None:
    """Save with the acting user (and an optional reason) in the change history."""
    instance._history_user = actor
    if reason:
        instance._change_reason = reason
    instance.save(**kwargs)


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()
