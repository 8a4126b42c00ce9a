"""python manage.py export_contacts — a list the importer reads back unchanged (IMPORT.md)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.services import export_logged
from network import selectors
from network.exporting import FORMATS, export_memberships, export_registry
from network.management.importing import parse_cli_date, resolve_network


class Command(BaseCommand):
    help = "Exporteer contactpersonen en hun rollen naar .xlsx of .csv."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--network", help="Alleen dit netwerk (slug of naam).")
        parser.add_argument("--gemeente", help="Alleen rollen namens deze gemeente (CBS-code of naam).")
        parser.add_argument("--date", help="Rollen actief op deze datum (standaard vandaag).")
        parser.add_argument("--format", choices=FORMATS, default="xlsx", help="xlsx (standaard) of csv.")
        parser.add_argument("--output", help="Bestand om naar te schrijven (standaard stdout).")

    def handle(self, *args, **options):
        try:
            on = parse_cli_date(options["date"], "--date") or timezone.localdate()
            network = resolve_network(options["network"])
            gemeente = None
            if options["gemeente"]:
                gemeente = selectors.gemeente_matcher().match(options["gemeente"])
                if gemeente is None:
                    raise CommandError(f"De gemeente '{options['gemeente']}' is niet bekend.")
        except CommandError as exc:
            self.stderr.write(str(exc))
            sys.exit(2)
        fmt = options["format"]
        memberships = selectors.memberships_for_export(on=on, network=network, gemeente=gemeente)
        without_role = None if network or gemeente else selectors.contacts_without_active_role(on=on)
        export_logged(
            actor=None,
            list_name="Contactpersonen en rollen",
            rows=memberships.count() + (without_role.count() if without_role is not None else 0),
            format=fmt,
            door="command",
            filters={"network": options["network"], "gemeente": options["gemeente"], "date": on.isoformat()},
        )
        if without_role is None:
            data = export_memberships(memberships, fmt)
        else:
            data = export_registry(memberships=memberships, contacts_without_role=without_role, fmt=fmt)
        if options["output"]:
            try:
                with open(options["output"], "wb") as handle:
                    handle.write(data)
            except OSError as exc:
                self.stderr.write(f"Kan niet schrijven naar {options['output']}: {exc.strerror}.")
                sys.exit(2)
            self.stderr.write(f"Geëxporteerd naar {options['output']}.")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
