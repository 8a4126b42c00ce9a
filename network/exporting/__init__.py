"""Writing the registry's lists and an inzageverzoek to .xlsx and .csv, behind one formula guard.

    from network.exporting import export_memberships, write_table
    data = export_memberships(selectors.export_memberships(on=day, network=afm), "xlsx")

Every cell any writer here emits, headers included, goes through `formulas.guard_csv` or
`formulas.guard_xlsx`; nothing else in the project writes spreadsheet cells.
"""

from .events import ATTENDEE_HEADERS, export_attendees, export_invitees, export_year_report
from .lists import (
    CONTACT_HEADERS,
    MEMBERSHIP_HEADERS,
    contact_rows,
    export_contact_list,
    export_contacts,
    export_memberships,
    export_registry,
    import_template_xlsx,
    membership_rows,
)
from .writers import CONTENT_TYPES, FORMATS, write_csv, write_table, write_workbook, write_xlsx

__all__ = [
    "ATTENDEE_HEADERS",
    "CONTACT_HEADERS",
    "CONTENT_TYPES",
    "FORMATS",
    "MEMBERSHIP_HEADERS",
    "contact_rows",
    "export_attendees",
    "export_contact_list",
    "export_contacts",
    "export_invitees",
    "export_memberships",
    "export_registry",
    "export_year_report",
    "import_template_xlsx",
    "membership_rows",
    "write_csv",
    "write_table",
    "write_workbook",
    "write_xlsx",
]
