"""python manage.py send_verification_requests — ask people to confirm their roles (DOMAIN.md, issue 14).

One mail per person with an e-mail address and at least one active role in scope that was not confirmed in the
last DAYS days (or never), listing their active roles, with one personal link. Someone with an open request that
has not expired is not asked again. Run it from cron or a systemd timer (docs/deploy.md).
"""

import json

from django.conf import settings
from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from network import selectors, services
from network.mails import render_mail, verification_link
from network.management.importing import resolve_network

NO_EMAIL = "geen e-mailadres"
OPEN_REQUEST = "er staat al een controleverzoek open"
OBJECTION = "bezwaar tegen mailings"


class Command(BaseCommand):
    help = "Mail iedereen met een rol die lang niet bevestigd is een persoonlijke link om die te controleren."

    def add_arguments(self, parser):
        parser.add_argument("--network", help="Alleen wie een onbevestigde rol in dit netwerk heeft (slug of naam).")
        parser.add_argument("--gemeente", help="Alleen wie een onbevestigde rol namens deze gemeente heeft (CBS-code).")
        parser.add_argument(
            "--older-than",
            type=int,
            default=365,
            metavar="DAYS",
            help="Niet bevestigd in zoveel dagen (standaard 365).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Toon wie een mail zou krijgen; verstuur niets.")
        parser.add_argument("--json", action="store_true", help='Uitvoer als JSON: {"sent": N, "skipped": [...]}.')

    def handle(self, *args, **options):
        if options["older_than"] < 0:
            raise CommandError("--older-than moet 0 of meer dagen zijn.")
        network = resolve_network(options["network"])
        gemeente = None
        if options["gemeente"]:
            gemeente = selectors.gemeente_matcher().match(options["gemeente"])
            if gemeente is None:
                raise CommandError(f"De gemeente '{options['gemeente']}' is niet bekend.")
        today = timezone.localdate()
        candidates = selectors.verification_candidates(
            on=today, older_than_days=options["older_than"], network=network, gemeente=gemeente
        )
        asked = selectors.open_fresh_request_contact_ids()
        sent, skipped, lines = 0, [], []
        connection = None if options["dry_run"] else get_connection()
        for candidate in candidates:
            contact = candidate.contact
            if not contact.email:
                reason = NO_EMAIL
            elif contact.mailing_objection_on is not None:
                reason = OBJECTION  # AVG: someone who objected to mailings gets none, this one included
            elif contact.pk in asked:
                reason = OPEN_REQUEST
            else:
                reason = None
            if reason:
                skipped.append({"contact": contact.pk, "reason": reason})
                continue
            if options["dry_run"]:
                sent += 1
                lines.append(f"zou mailen: {contact.full_name} <{contact.email}> ({len(candidate.roles)} rol(len))")
                continue
            request, token = services.verification_request_create(actor=None, contact=contact)
            message = render_mail(
                "verification_request",
                {
                    "contact": contact,
                    "roles": candidate.roles,
                    "link": verification_link(token),
                    "max_age_days": settings.VERIFICATION_TOKEN_MAX_AGE_DAYS,
                },
                to=contact.email,
            )
            message.connection = connection
            try:
                message.send()
            except OSError as exc:
                services.verification_request_discard(actor=None, request=request)
                skipped.append({"contact": contact.pk, "reason": f"verzenden mislukt ({exc.__class__.__name__})"})
                continue
            services.verification_request_mark_sent(actor=None, request=request)
            sent += 1
            lines.append(f"gemaild: {contact.full_name} <{contact.email}>")
        if options["json"]:
            result = {"sent": sent, "skipped": skipped}
            if options["dry_run"]:
                result["dry_run"] = True
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for line in lines:
            self.stdout.write(line)
        for skip in skipped:
            self.stdout.write(f"overgeslagen: contactpersoon #{skip['contact']}: {skip['reason']}")
        verb = "zou versturen" if options["dry_run"] else "verstuurd"
        self.stdout.write(self.style.SUCCESS(f"{sent} controleverzoek(en) {verb}, {len(skipped)} overgeslagen."))
