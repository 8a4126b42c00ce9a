"""python manage.py undo_import BATCH — revert one import (refused when a later import built on it)."""

import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from network import services
from network.models import ImportBatch


class Command(BaseCommand):
    help = "Draai een import terug: nieuwe rollen en contactpersonen weg, beëindigde rollen weer open."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("batch", type=int, help="Het nummer van de import.")
        parser.add_argument("--user", help="Gebruikersnaam die in de historie komt (standaard geen).")

    def handle(self, *args, **options):
        batch = ImportBatch.objects.filter(pk=options["batch"]).first()
        if batch is None:
            self.stderr.write(f"Import #{options['batch']} bestaat niet.")
            sys.exit(2)
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                self.stderr.write(f"De gebruiker '{options['user']}' bestaat niet.")
                sys.exit(2)
        try:
            services.import_undo(actor=actor, batch=batch)
        except ValidationError as exc:
            self.stderr.write(" ".join(exc.messages))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(f"Import #{batch.pk} ({batch.file_name}) is teruggedraaid."))
