"""Remembering the column mapping a user chose for a set of headers (IMPORT.md, "Columns")."""

from ..models import ColumnMapping

__all__ = ["column_mapping_remember"]


def column_mapping_remember(*, actor, header_hash: str, headers: list[str], columns: dict[str, str]) -> ColumnMapping:
    """Store (or replace) the mapping header → field chosen for the header set `header_hash`.

    Called by the import pipeline after an applied import with a chosen mapping; the next file with the
    same headers is read with it. Returns the ColumnMapping; raises nothing.
    """
    mapping, _created = ColumnMapping.objects.update_or_create(
        header_hash=header_hash,
        defaults={"headers": headers, "columns": columns, "user": actor if getattr(actor, "pk", None) else None},
    )
    return mapping
