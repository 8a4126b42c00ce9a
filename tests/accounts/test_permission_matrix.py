"""The permission matrix: four roles × read/write/import/export × every door, each cell with its expected outcome.

One table drives it. A door is a small function that tries the operation as a logged-in user and reports
whether it happened ("allowed") or was refused ("denied"); an allowed write must have its effect and a denied
one must leave the registry as it was. Adding a door or an operation is one line in DOORS.

The write in the matrix is on a network the coordinator is *not* assigned to; the coordinator's own network is
covered by the scoping tests below, through the same doors.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from accounts.models import ExportLog
from accounts.roles import BEHEERDER, COORDINATOR, KERNTEAM, RAADPLEGER
from network.models import ImportBatch, Membership, Outreach, Participation
from tests.factories import MembershipFactory, gemeente, network

END = datetime.date(2024, 1, 31)
DATA = Path(__file__).resolve().parents[1] / "data"

# What each role may do, whichever door it uses (issue 6).
EXPECTED = {
    BEHEERDER: {"read": "allowed", "write": "allowed", "import": "allowed", "export": "allowed"},
    KERNTEAM: {"read": "allowed", "write": "allowed", "import": "allowed", "export": "allowed"},
    COORDINATOR: {"read": "allowed", "write": "denied", "import": "denied", "export": "allowed"},
    RAADPLEGER: {"read": "allowed", "write": "denied", "import": "denied", "export": "denied"},
}


@dataclass
class World:
    """A HackShield role (not the coordinator's network) and an afm role in Schiedam (the coordinator's)."""

    other: Membership
    own: Membership


@pytest.fixture
def world(db):
    return World(
        other=MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599")),
        own=MembershipFactory(network=network("aandachtsfunctionarissen-mensenhandel"), gemeente=gemeente("GM0606")),
    )


def _ended(membership: Membership) -> bool:
    membership.refresh_from_db()
    return membership.end_date == END


def _read(status: int) -> str:
    assert status in (200, 302, 403), status
    return "allowed" if status == 200 else "denied"


def _write(status: int, membership: Membership, denied_status=(403,)) -> str:
    assert status < 500, status
    if _ended(membership):
        return "allowed"
    assert status in denied_status, status
    return "denied"


# --- admin ------------------------------------------------------------------------------------------------------


def admin_read(client, user, world):
    return _read(client.get(reverse("admin:network_membership_changelist")).status_code)


def admin_write(client, user, world):
    response = client.post(
        reverse("admin:network_membership_changelist"),
        {"action": "end_memberships", "_selected_action": [world.other.pk], "apply": "1", "end_date": END.isoformat()},
    )
    # Without the change permission the admin does not offer the action: it answers with the list again.
    return _write(response.status_code, world.other, denied_status=(200, 302, 403))


def admin_import(client, user, world):
    """The upload is the dry run and preview; the pipeline refuses it for anyone without the import right."""
    with open(DATA / "werkgroep_utf8_bom.csv", "rb") as handle:
        response = client.post(reverse("admin:network_contact_import"), {"import_file": handle})
    assert response.status_code in (200, 403), response.status_code
    return "allowed" if response.status_code == 200 and "form" in response.context else "denied"


def admin_export(client, user, world):
    before = ExportLog.objects.count()
    return _export(client.post(reverse("admin:network_membership_export"), {"format": "csv"}).status_code, before)


# --- web --------------------------------------------------------------------------------------------------------


def web_read(client, user, world):
    return _read(client.get(reverse("network:gemeente-detail", kwargs={"code": "GM0606"})).status_code)


def web_write(client, user, world):
    url = reverse("network:membership-end", kwargs={"pk": world.other.pk})
    return _write(client.post(url, {"end": END.isoformat()}).status_code, world.other)


def web_import(client, user, world):
    """The wizard's first step; its preview and confirm run the pipeline, which checks the import right again."""
    return _read(client.get(reverse("network:import-upload")).status_code)


def web_export(client, user, world):
    before = ExportLog.objects.count()
    url = reverse("network:gemeente-export", kwargs={"code": "GM0606", "fmt": "csv"})
    return _export(client.get(url).status_code, before)


# --- API (token authentication, as partners' scripts use it) -----------------------------------------------------


def _api(client, user):
    token, _ = Token.objects.get_or_create(user=user)
    client.logout()
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def api_read(client, user, world):
    return _read(_api(client, user).get("/api/v1/contacts/").status_code)


def api_write(client, user, world):
    url = f"/api/v1/memberships/{world.other.pk}/end/"
    response = _api(client, user).post(url, {"end_date": END.isoformat()}, content_type="application/json")
    return _write(response.status_code, world.other)


def api_import(client, user, world):
    """A dry run: allowed answers with the summary, denied with 403."""
    with open(DATA / "werkgroep_utf8_bom.csv", "rb") as handle:
        response = _api(client, user).post("/api/v1/imports/", {"file": handle, "dry_run": "true"})
    assert response.status_code in (200, 403), response.status_code
    return "allowed" if response.status_code == 200 else "denied"


def api_export(client, user, world):
    before = ExportLog.objects.count()
    return _export(_api(client, user).get("/api/v1/memberships/?format=csv").status_code, before)


# --- export: every door logs through the one service that also checks the right --------------------------------


def _export(status: int, before: int) -> str:
    assert status < 500, status
    if ExportLog.objects.count() > before:
        assert status == 200, status
        return "allowed"
    assert status == 403, status
    return "denied"


DOORS = {
    ("admin", "read"): admin_read,
    ("admin", "write"): admin_write,
    ("admin", "import"): admin_import,
    ("admin", "export"): admin_export,
    ("web", "read"): web_read,
    ("web", "write"): web_write,
    ("web", "import"): web_import,
    ("web", "export"): web_export,
    ("api", "read"): api_read,
    ("api", "write"): api_write,
    ("api", "import"): api_import,
    ("api", "export"): api_export,
}

CELLS = [
    pytest.param(role, door, operation, id=f"{role}-{door}-{operation}")
    for role in EXPECTED
    for (door, operation) in DOORS
]


@pytest.mark.parametrize(("role", "door", "operation"), CELLS)
def test_permission_matrix(client, role_users, world, role, door, operation):
    user = role_users[role]
    client.force_login(user)
    assert DOORS[(door, operation)](client, user, world) == EXPECTED[role][operation]
    assert not ImportBatch.objects.exists()  # the import cells only preview


# --- coordinator scoping: the own network through every door ----------------------------------------------------


def admin_write_own(client, user, world):
    response = client.post(
        reverse("admin:network_membership_changelist"),
        {"action": "end_memberships", "_selected_action": [world.own.pk], "apply": "1", "end_date": END.isoformat()},
    )
    return _write(response.status_code, world.own)


def web_write_own(client, user, world):
    url = reverse("network:membership-end", kwargs={"pk": world.own.pk})
    return _write(client.post(url, {"end": END.isoformat()}).status_code, world.own)


def api_write_own(client, user, world):
    url = f"/api/v1/memberships/{world.own.pk}/end/"
    response = _api(client, user).post(url, {"end_date": END.isoformat()}, content_type="application/json")
    return _write(response.status_code, world.own)


OWN_NETWORK_DOORS = {
    "admin": (admin_write_own, admin_write),
    "web": (web_write_own, web_write),
    "api": (api_write_own, api_write),
}


@pytest.mark.parametrize("door", OWN_NETWORK_DOORS)
def test_coordinator_changes_roles_of_their_own_network_and_gets_403_for_another(client, coordinator, world, door):
    own, other = OWN_NETWORK_DOORS[door]
    client.force_login(coordinator)
    assert own(client, coordinator, world) == "allowed"
    client.force_login(coordinator)
    assert other(client, coordinator, world) == "denied"


# --- audit: a change through any door is in the history with who made it ---------------------------------------

CHANGE_DOORS = {"admin": admin_write, "web": web_write, "api": api_write}


@pytest.mark.parametrize("door", CHANGE_DOORS)
def test_a_change_through_every_door_is_recorded_with_who_and_old_and_new(client, kernteam, world, door):
    client.force_login(kernteam)
    assert CHANGE_DOORS[door](client, kernteam, world) == "allowed"
    latest = world.other.history.latest()
    assert latest.history_user == kernteam
    change = latest.diff_against(latest.prev_record).changes
    assert [(c.field, c.old, c.new) for c in change if c.field == "end_date"] == [("end_date", None, END)]


def _outreach_logged(slug: str, status: int) -> str:
    assert status < 500, status
    if Outreach.objects.filter(network__slug=slug).exists():
        return "allowed"
    assert status == 403, status
    return "denied"


def web_outreach(slug):
    def attempt(client, user, world):
        url = reverse("network:outreach-log", kwargs={"slug": slug, "code": "GM0606"})
        return _outreach_logged(slug, client.post(url, {"date": "2024-01-10", "channel": "email"}).status_code)

    return attempt


def api_outreach(slug):
    def attempt(client, user, world):
        data = {"gemeente": "GM0606", "network": slug, "date": "2024-01-10", "channel": "email"}
        response = _api(client, user).post("/api/v1/outreach/", data, content_type="application/json")
        return _outreach_logged(slug, response.status_code)

    return attempt


def api_participation(slug):
    def attempt(client, user, world):
        participation, _ = Participation.objects.get_or_create(gemeente=gemeente("GM0606"), network=network(slug))
        url = f"/api/v1/participations/{participation.pk}/status/"
        data = {"status": "benaderd", "date": "2024-01-10"}
        response = _api(client, user).post(url, data, content_type="application/json")
        assert response.status_code < 500, response.status_code
        if participation.changes.exists():
            return "allowed"
        assert response.status_code == 403, response.status_code
        return "denied"

    return attempt


SCOPED_WRITES = {"web-outreach": web_outreach, "api-outreach": api_outreach, "api-participation": api_participation}


@pytest.mark.parametrize("write", SCOPED_WRITES)
def test_coordinator_logs_outreach_and_participation_only_in_their_own_network(client, coordinator, world, write):
    attempt = SCOPED_WRITES[write]
    client.force_login(coordinator)
    assert attempt("aandachtsfunctionarissen-mensenhandel")(client, coordinator, world) == "allowed"
    client.force_login(coordinator)
    assert attempt("hackshield")(client, coordinator, world) == "denied"
