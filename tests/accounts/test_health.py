"""/health/ for the load balancer: no login, JSON, and a 503 when the database is gone."""

from unittest import mock

from django.db import DatabaseError


def test_health_reports_the_database_without_login(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_is_unreachable(client, db):
    with mock.patch("accounts.views.connection.cursor", side_effect=DatabaseError("weg")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "onbereikbaar"


def test_health_takes_no_writes(client, db):
    assert client.post("/health/").status_code in (403, 405)
