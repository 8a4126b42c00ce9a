"""Every write to the registry. Interfaces (admin, API, web views, commands, the importer) call these.

Each service is keyword-only, runs in one transaction and takes the acting user, who is recorded in the
change history. `actor: User | None` and what `None` means (a trusted operator at the command line) are
defined once, in the module docstring of `accounts.permissions`; every service asks
`require(actor, Action.X, ...)` from there before it writes, and its docstring names what it returns and
which exceptions a caller must handle (`PermissionDenied`, `ValidationError`, `network.exceptions.ConflictError`).
"""

from .attendance import attendance_import_apply
from .avg import AnonymiseResult, ErasureFailed, contact_anonymise, contacts_anonymise
from .base import normalise_email
from .column_mappings import column_mapping_remember
from .contacts import CONTACT_FIELDS, contact_create, contact_merge, contact_update, organisation_get_or_create
from .events import (
    attendee_set,
    contact_set_mailing_objection,
    distribution_list_save,
    event_create,
    event_update,
    invitations_add,
)
from .imports import import_apply, import_batch_create, import_batch_record
from .locking import CONCURRENT_CHANGE, networks_lock
from .memberships import (
    membership_end,
    membership_handover,
    membership_start,
    membership_update,
    membership_verify,
    memberships_end,
)
from .participation import outreach_log, participation_set_status
from .undo import import_undo
from .verification import (
    RoleAnswer,
    change_proposal_accept,
    change_proposal_reject,
    verification_answer,
    verification_request_create,
    verification_request_discard,
    verification_request_mark_sent,
)

__all__ = [
    "CONCURRENT_CHANGE",
    "CONTACT_FIELDS",
    "AnonymiseResult",
    "ErasureFailed",
    "RoleAnswer",
    "attendance_import_apply",
    "attendee_set",
    "change_proposal_accept",
    "change_proposal_reject",
    "column_mapping_remember",
    "contact_anonymise",
    "contact_create",
    "contact_merge",
    "contact_set_mailing_objection",
    "contact_update",
    "contacts_anonymise",
    "distribution_list_save",
    "event_create",
    "event_update",
    "import_apply",
    "import_batch_create",
    "import_batch_record",
    "import_undo",
    "invitations_add",
    "membership_end",
    "membership_handover",
    "membership_start",
    "membership_update",
    "membership_verify",
    "memberships_end",
    "networks_lock",
    "normalise_email",
    "organisation_get_or_create",
    "outreach_log",
    "participation_set_status",
    "verification_answer",
    "verification_request_create",
    "verification_request_discard",
    "verification_request_mark_sent",
]
