"""python manage.py import_attendance PATH --event SLUG — the command-line contract of EVENTS.md."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from network import selectors
from network.attendance import AttendanceOptions, run_attendance_import
from network.importing import ImportFileError


class Command(BaseCommand):
    help = "Importeer wie er bij een evenement was: aanmeldlijst, Teams-aanwezigheidsrapport of Zoom-rapport."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het bestand met de lijst of het rapport.")
        parser.add_argument("--event", required=True, help="Het evenement (slug).")
        parser.add_argument(
            "--create-missing", action="store_true", help="Maak onbekende mensen aan als nieuwe contactpersoon."
        )
        parser.add_argument(
            "--skip-organisers", action="store_true", help="Laat de organisatoren van de vergadering weg."
        )
        parser.add_argument("--dry-run", action="store_true", help="Laat zien wat er zou veranderen, schrijf niets.")
        parser.add_argument("--json", action="store_true", help="Schrijf precies één JSON-object naar stdout.")
        parser.add_argument("--user", help="Gebruikersnaam die in de historie komt (standaard geen).")

    def handle(self, *args, **options):
        as_json = options["json"]
        path = Path(options["path"])
        try:
            actor = None
            if options["user"]:
                actor = get_user_model().objects.filter(username=options["user"]).first()
                if actor is None:
                    raise CommandError(f"De gebruiker '{options['user']}' bestaat niet.")
            event = selectors.event_get_or_none(slug=options["event"])
            if event is None:
                raise CommandError(f"Het evenement '{options['event']}' bestaat niet.")
            result = run_attendance_import(
                actor=actor,
                file=path,
                file_name=path.name,
                event=event,
                options=AttendanceOptions(
                    create_missing=options["create_missing"],
                    dry_run=options["dry_run"],
                    skip_organisers=options["skip_organisers"],
                ),
            )
        except (ImportFileError, CommandError, PermissionDenied) as exc:
            self.stderr.write(str(exc))
            if as_json:
                self.stdout.write(json.dumps({"file": path.name, "error": str(exc)}, ensure_ascii=False))
            sys.exit(2)
        summary = result.summary
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, default=str))
        else:
            self._report(summary, result.exit_code)
        if result.exit_code:
            sys.exit(result.exit_code)

    def _report(self, summary: dict, exit_code: int) -> None:
        prefix = "Proefimport (er is niets opgeslagen)" if summary["dry_run"] else "Import"
        attendees, contacts = summary["attendees"], summary["contacts"]
        self.stdout.write(f"{prefix} van {summary['file']} voor {summary['event']}: {summary['rows']} personen.")
        self.stdout.write(
            f"Deelnemers: {attendees['new']} nieuw, {attendees['updated']} gewijzigd, "
            f"{attendees['unchanged']} ongewijzigd."
        )
        self.stdout.write(f"Contactpersonen: {contacts['matched']} herkend, {contacts['new']} nieuw.")
        for person in summary["unmatched"]:
            hint = (
                f" (bedoelt u contactpersoon {', '.join(map(str, person['suggestions']))}?)"
                if person["suggestions"]
                else ""
            )
            self.stdout.write(
                self.style.WARNING(f"Niet herkend (rij {person['row']}): {person['name'] or person['email']}{hint}")
            )
        for warning in summary["warnings"]:
            where = f"rij {warning['row']}" if warning.get("row") else "bestand"
            self.stdout.write(self.style.WARNING(f"Let op ({where}): {warning['message']}"))
        for error in summary["errors"]:
            self.stderr.write(f"Fout (rij {error['row']}): {error['message']}")
        if summary["batch"]:
            self.stdout.write(self.style.SUCCESS(f"Vastgelegd als import #{summary['batch']}."))
        elif exit_code:
            self.stderr.write("Er is niets opgeslagen; verbeter de rijen.")
