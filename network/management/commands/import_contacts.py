"""python manage.py import_contacts PATH — the command-line contract of IMPORT.md."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from network.importing import ImportFileError, ImportOptions, run_import
from network.management.importing import (
    clean_options,
    parse_cli_date,
    parse_columns,
    print_progress,
    resolve_network,
)


class Command(BaseCommand):
    help = "Importeer een contactlijst (.xlsx, .xls, .ods of .csv)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="Het bestand met de lijst.")
        parser.add_argument("--network", help="Netwerk (slug of naam) voor de hele lijst.")
        parser.add_argument("--sheet", help="Naam van het werkblad (standaard het werkblad waarop het bestand opent).")
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="KOP=veld",
            help="Kolomindeling aanpassen, bijv. --column 'Achternaam partner=negeren' (herhaalbaar). "
            "Velden: voornaam, voorletters, aanhef, tussenvoegsel, achternaam, naam, e-mail, telefoon, mobiel, "
            "organisatie, functie, gemeente, netwerk, rol, startdatum, einddatum, opmerkingen, negeren.",
        )
        parser.add_argument("--as-of", dest="as_of", help="Datum van de lijst (stand per), standaard vandaag.")
        parser.add_argument(
            "--sync", action="store_true", help="De lijst is compleet: rollen die er niet op staan eindigen."
        )
        parser.add_argument("--dry-run", action="store_true", help="Laat zien wat er zou veranderen, schrijf niets.")
        parser.add_argument("--skip-invalid", action="store_true", help="Sla foute rijen over en verwerk de rest.")
        parser.add_argument("--json", action="store_true", help="Schrijf precies één JSON-object naar stdout.")
        parser.add_argument("--user", help="Gebruikersnaam die in de historie komt (standaard geen).")

    def handle(self, *args, **options):
        as_json = options["json"]
        try:
            actor = self._actor(options["user"])
            import_options = ImportOptions(
                network=resolve_network(options["network"]),
                sheet=options["sheet"],
                as_of=parse_cli_date(options["as_of"], "--as-of"),
                sync=options["sync"],
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
                columns=parse_columns(options["column"]),
            )
            clean_options(import_options)
            path = Path(options["path"])
            progress = print_progress if sys.stderr.isatty() else None
            result = run_import(actor=actor, file=path, file_name=path.name, options=import_options, progress=progress)
        except (ImportFileError, CommandError, PermissionDenied) as exc:
            self._fail(str(exc), options["path"], as_json)
        if as_json:
            # A dry run adds the column mapping and each row's detail after the contract's keys.
            self.stdout.write(json.dumps(result.preview, ensure_ascii=False, default=str))
        else:
            self._report(result)
        if result.exit_code:
            sys.exit(result.exit_code)

    def _actor(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"De gebruiker '{username}' bestaat niet.")
        return user

    def _fail(self, message: str, path: str, as_json: bool):
        """Exit 2 with one Dutch sentence (and, for --json, one object saying the same)."""
        self.stderr.write(message)
        if as_json:
            self.stdout.write(json.dumps({"file": Path(path).name, "error": message}, ensure_ascii=False))
        sys.exit(2)

    def _report(self, result) -> None:
        summary = result.summary
        contacts, memberships = summary["contacts"], summary["memberships"]
        prefix = "Proefimport (er is niets opgeslagen)" if result.dry_run else "Import"
        self.stdout.write(f"{prefix} van {summary['file']}: {summary['rows']} rijen.")
        self.stdout.write(
            f"Contactpersonen: {contacts['new']} nieuw, {contacts['updated']} gewijzigd, "
            f"{contacts['unchanged']} ongewijzigd."
        )
        self.stdout.write(
            f"Rollen: {memberships['new']} nieuw, {memberships['unchanged']} ongewijzigd, "
            f"{memberships['ended']} beëindigd."
        )
        if summary["skipped"]:
            self.stdout.write(f"Overgeslagen rijen: {summary['skipped']}.")
        self.stdout.write("Kolommen: " + "; ".join(f"{c['header']} → {c['label']}" for c in result.columns) + ".")
        if summary["ignored_columns"]:
            self.stdout.write("Genegeerde kolommen: " + ", ".join(summary["ignored_columns"]) + ".")
        for warning in summary["warnings"]:
            self.stdout.write(self.style.WARNING(_line("Let op", warning)))
        for error in summary["errors"]:
            self.stderr.write(_line("Fout", error))
        if summary["batch"]:
            self.stdout.write(self.style.SUCCESS(f"Vastgelegd als import #{summary['batch']}."))
        elif result.exit_code:
            self.stderr.write("Er is niets opgeslagen; verbeter de rijen of gebruik --skip-invalid.")


def _line(label: str, item: dict) -> str:
    where = f"rij {item['row']}" if item.get("row") else "bestand"
    if item.get("column"):
        where += f", kolom {item['column']}"
    value = f" ('{item['value']}')" if item.get("value") else ""
    return f"{label} ({where}){value}: {item['message']}"
