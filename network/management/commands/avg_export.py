"""Everything the registry holds about one person, as JSON and xlsx, for an inzageverzoek (AVG art. 15)."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.services import export_logged
from network.exporting.subject_access import subject_access_json, subject_access_workbook
from network.management.commands.avg_erase import find_contact
from network.selectors import contact_subject_access

# Personal data: the files are readable by their owner only.
FILE_MODE = 0o600


def _write_private(path: Path, data: bytes) -> None:
    """Create `path` for its owner only; never overwrites (raises FileExistsError)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


class Command(BaseCommand):
    help = (
        "Schrijft alles wat het register over één persoon bevat (met historie) als JSON en xlsx (inzageverzoek). "
        "De bestanden bevatten persoonsgegevens: geef met --output-dir altijd zelf een beveiligde map op. "
        "Er wordt nooit in de huidige map geschreven en nooit een bestaand bestand overschreven; "
        "de bestanden zijn alleen leesbaar voor de eigenaar."
    )

    def add_arguments(self, parser):
        parser.add_argument("contact", help="E-mailadres of id van de contactpersoon.")
        parser.add_argument(
            "--output-dir",
            required=True,
            help="Verplicht: de (beveiligde) map voor de twee bestanden; wordt aangemaakt als hij niet bestaat.",
        )

    def handle(self, *args, contact, output_dir, **options):
        found = find_contact(contact)
        folder = Path(output_dir)
        json_path = folder / f"inzage-contactpersoon-{found.pk}.json"
        xlsx_path = folder / f"inzage-contactpersoon-{found.pk}.xlsx"
        existing = [str(path) for path in (json_path, xlsx_path) if path.exists()]
        if existing:
            raise CommandError(f"Bestaat al, niet overschreven: {', '.join(existing)}.")
        data = contact_subject_access(contact=found)
        folder.mkdir(parents=True, exist_ok=True)
        rows = 1 + len(data["rollen"]) + len(data["contactmomenten"])
        export_logged(
            actor=None,
            list_name="Inzageverzoek contactpersoon",
            rows=rows,
            format="json+xlsx",
            door="command",
            filters={"contactpersoon": found.pk},
        )
        _write_private(json_path, subject_access_json(data).encode("utf-8"))
        _write_private(xlsx_path, subject_access_workbook(data))
        self.stdout.write(self.style.SUCCESS(f"Geschreven: {json_path} en {xlsx_path}"))
