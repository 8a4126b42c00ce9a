"""The command through a real SMTP server started by the test (aiosmtpd in-process on 127.0.0.1), configured
the way production is: an EMAIL_URL parsed by django-environ."""

import email
import io
import json
import socket

import environ
import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

pytestmark = pytest.mark.django_db


class Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    for name, value in environ.Env.email_url_config(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, name, value)
    settings.DEFAULT_FROM_EMAIL = "VAR Netwerkregister <register@var.example>"
    settings.SITE_URL = "https://register.var.example"
    yield handler
    controller.stop()


def test_email_url_schemes_give_djangos_backends():
    assert environ.Env.email_url_config("smtp+tls://u:p@mail.example:587")["EMAIL_USE_TLS"] is True
    assert environ.Env.email_url_config("consolemail://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_one_mail_per_person_through_a_real_smtp_server(smtp_server, person, settings):
    from tests.factories import ContactFactory, MembershipFactory

    from .conftest import LONG_AGO

    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    second = ContactFactory(first_name="Joost", last_name="Ridderhof", email="joost@ridderkerk.example")
    MembershipFactory(contact=second, start_date=LONG_AGO, verified_on=None)
    out = io.StringIO()
    call_command("send_verification_requests", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"sent": 2, "skipped": []}
    assert sorted(rcpt for m in smtp_server.messages for rcpt in m.rcpt_tos) == [
        "fenna.vlietstra@schiedam.example",
        "joost@ridderkerk.example",
    ]
    received = email.message_from_bytes(smtp_server.messages[0].content)
    assert received["From"] == "VAR Netwerkregister <register@var.example>"
    assert received.is_multipart()
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in received.walk()
        if not part.is_multipart()
    }
    assert "https://register.var.example/controle/" in parts["text/plain"]
    assert 'href="https://register.var.example/controle/' in parts["text/html"]
