"""The export log (who, when, which list, how many rows) for a beheerder, and API tokens owners can revoke."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token

from accounts.models import ExportLog
from accounts.services import export_logged, token_revoke, tokens_visible_to
from tests.factories import MembershipFactory, gemeente, network


class TestExportLogged:
    def test_records_who_when_which_list_filters_rows_format_and_door(self, kernteam):
        log = export_logged(
            actor=kernteam,
            list_name="Contactpersonen Schiedam",
            rows=12,
            format="xlsx",
            door="web",
            filters={"gemeente": "GM0606", "network": "", "date": None},
        )
        assert (log.user, log.list_name, log.rows, log.format, log.door) == (
            kernteam,
            "Contactpersonen Schiedam",
            12,
            "xlsx",
            "web",
        )
        assert log.filters == {"gemeente": "GM0606"}
        assert log.created is not None

    def test_command_line_exports_record_the_system_user(self, db):
        log = export_logged(actor=None, list_name="Contactpersonen", rows=3, format="csv", door="command")
        assert log.user is None
        assert log.operator

    @pytest.mark.parametrize("door", ["admin", "web", "api", "command"])
    def test_raadpleger_is_refused_at_every_door_and_nothing_is_logged(self, raadpleger, door):
        with pytest.raises(PermissionDenied, match="exporteren"):
            export_logged(actor=raadpleger, list_name="x", rows=1, format="csv", door=door)
        assert not ExportLog.objects.exists()

    def test_coordinator_may_export(self, coordinator):
        assert export_logged(actor=coordinator, list_name="x", rows=1, format="csv", door="api").pk


class TestExportLogAdmin:
    @pytest.fixture
    def logs(self, kernteam):
        for rows in (5, 7, 9):
            export_logged(actor=kernteam, list_name=f"Lijst {rows}", rows=rows, format="csv", door="admin")

    def test_beheerder_sees_the_log_with_a_fixed_number_of_queries(
        self, client, beheerder, kernteam, coordinator, logs, django_assert_num_queries
    ):
        client.force_login(beheerder)
        url = reverse("admin:accounts_exportlog_changelist")
        with django_assert_num_queries(11):
            response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert all(f"Lijst {rows}" in body for rows in (5, 7, 9))
        for rows in (11, 13, 15):
            export_logged(actor=coordinator, list_name=f"Lijst {rows}", rows=rows, format="xlsx", door="api")
        with django_assert_num_queries(11):
            client.get(url)

    @pytest.mark.parametrize("role", ["kernteam", "coordinator", "raadpleger"])
    def test_nobody_else_sees_it(self, client, role_users, logs, role):
        user = role_users["netwerkcoördinator" if role == "coordinator" else role]
        client.force_login(user)
        assert client.get(reverse("admin:accounts_exportlog_changelist")).status_code == 403

    def test_the_log_cannot_be_changed_or_deleted_even_by_a_beheerder(self, client, beheerder, logs):
        client.force_login(beheerder)
        log = ExportLog.objects.first()
        assert (
            client.post(reverse("admin:accounts_exportlog_delete", args=[log.pk]), {"post": "yes"}).status_code == 403
        )
        assert ExportLog.objects.count() == 3


class TestTokens:
    def test_owner_sees_and_revokes_only_their_own_token(self, kernteam, raadpleger):
        own = Token.objects.create(user=kernteam)
        other = Token.objects.create(user=raadpleger)
        assert list(tokens_visible_to(actor=kernteam)) == [own]
        with pytest.raises(PermissionDenied):
            token_revoke(actor=kernteam, token=other)
        token_revoke(actor=kernteam, token=own)
        assert list(Token.objects.all()) == [other]

    def test_beheerder_sees_and_revokes_every_token(self, beheerder, kernteam, raadpleger):
        tokens = [Token.objects.create(user=kernteam), Token.objects.create(user=raadpleger)]
        assert set(tokens_visible_to(actor=beheerder)) == set(tokens)
        token_revoke(actor=beheerder, token=tokens[0])
        assert list(Token.objects.all()) == [tokens[1]]

    def test_beheerder_revokes_tokens_in_the_admin(self, client, beheerder, kernteam):
        token = Token.objects.create(user=kernteam)
        client.force_login(beheerder)
        response = client.post(
            reverse("admin:authtoken_tokenproxy_changelist"),
            {"action": "revoke", "_selected_action": [token.pk]},
        )
        assert response.status_code == 302
        assert not Token.objects.exists()

    def test_admin_token_list_shows_a_kernteam_member_only_their_own(self, client, kernteam, raadpleger):
        Token.objects.create(user=kernteam)
        Token.objects.create(user=raadpleger)
        client.force_login(kernteam)
        response = client.get(reverse("admin:authtoken_tokenproxy_changelist"))
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1


class TestExportDoorsLog:
    """Each export door writes one log row: who, which list, which filters, how many rows, format, door."""

    @pytest.fixture
    def roles(self, db):
        for code in ("GM0606", "GM0599", "GM0505"):
            MembershipFactory(gemeente=gemeente(code), start_date=datetime.date(2020, 1, 1))
        MembershipFactory(network=network("hackshield"), gemeente=gemeente("GM0599"))

    def test_admin_export_logs_the_list_with_its_filters_and_row_count(self, client, kernteam, roles):
        client.force_login(kernteam)
        url = f"{reverse('admin:network_membership_export')}?network__id__exact={network('hackshield').pk}"
        response = client.post(url, {"format": "xlsx"})
        assert response.status_code == 200
        log = ExportLog.objects.get()
        assert (log.user, log.door, log.format, log.rows, log.list_name) == (kernteam, "admin", "xlsx", 1, "rollen")
        assert "network__id__exact" in log.filters

    def test_raadpleger_gets_403_from_the_admin_export_and_nothing_is_logged(self, client, raadpleger, roles):
        client.force_login(raadpleger)
        assert client.post(reverse("admin:network_membership_export"), {"format": "csv"}).status_code == 403
        assert not ExportLog.objects.exists()

    def test_export_contacts_command_logs_the_export(self, roles, tmp_path):
        call_command("export_contacts", "--gemeente", "GM0599", "--format", "csv", "--output", str(tmp_path / "x.csv"))
        log = ExportLog.objects.get()
        assert (log.user, log.door, log.format, log.rows) == (None, "command", "csv", 2)
        assert log.filters["gemeente"] == "GM0599"
