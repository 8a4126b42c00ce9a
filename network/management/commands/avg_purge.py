"""Anonymise the contacts whose retention period ended (AVG): no role for AVG_RETENTION_MONTHS months."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from network.selectors import contacts_for_retention_review
from network.services import contacts_anonymise


class Command(BaseCommand):
    help = "Anonimiseert contactpersonen die langer dan de bewaartermijn geen rol hebben (AVG)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tonen wie geanonimiseerd zou worden.")
        parser.add_argument("--date", help="Peildatum (JJJJ-MM-DD); standaard vandaag.")
        parser.add_argument("--months", type=int, help="Bewaartermijn in maanden; standaard AVG_RETENTION_MONTHS.")

    def handle(self, *args, dry_run=False, date=None, months=None, **options):
        try:
            on = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"'{date}' is geen datum; gebruik JJJJ-MM-DD.") from exc
        contacts = list(contacts_for_retention_review(on=on, months=months))
        for contact in contacts:
            ended = contact.last_role_end.strftime("%d-%m-%Y") if contact.last_role_end else "nooit een rol"
            self.stdout.write(f"#{contact.pk} {contact.sort_name} (laatste rol: {ended})")
        if dry_run:
            self.stdout.write(f"Proefdraai: {len(contacts)} contactpersonen zouden worden geanonimiseerd.")
            return
        result = contacts_anonymise(actor=None, contacts=contacts, reason="bewaartermijn verstreken")
        self.stdout.write(self.style.SUCCESS(f"{result.count} contactpersonen geanonimiseerd."))
        for pk, why in result.failed.items():
            self.stderr.write(f"#{pk} {why}")
        if result.failed:
            raise CommandError(f"{len(result.failed)} contactpersonen niet geanonimiseerd; zie hierboven.")
