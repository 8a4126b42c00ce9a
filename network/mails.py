"""Mails of the registry, rendered from templates in Dutch: a plain-text body and an HTML alternative.

Only the management commands send (cron or a systemd timer, docs/deploy.md); web requests never wait on SMTP.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_mail(name: str, context: dict, *, to: str) -> EmailMultiAlternatives:
    """The mail `templates/network/mail/<name>_subject.txt`, `<name>.txt` and `<name>.html` with `context`.

    `site_url` (SITE_URL) is added to the context. Returns an unsent message from DEFAULT_FROM_EMAIL to `to`.
    Raises `TemplateDoesNotExist` for an unknown name (a programming error).
    """
    context = {**context, "site_url": settings.SITE_URL}
    subject = " ".join(render_to_string(f"network/mail/{name}_subject.txt", context).split())
    text = render_to_string(f"network/mail/{name}.txt", context)
    html = render_to_string(f"network/mail/{name}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    return message


def verification_link(token: str) -> str:
    """The personal page of a request, as an absolute link: SITE_URL/controle/<token>/."""
    return f"{settings.SITE_URL}/controle/{token}/"
