"""Everything the registry holds about one person, as JSON and xlsx, for an inzageverzoek (AVG art. 15)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from openpyxl import Workbook

from accounts.services import export_logged
from network.management.commands.avg_erase import find_contact
from network.selectors import contact_subject_access

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A spreadsheet cell that shows text as text: never a formula (see IMPORT.md, Export)."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_workbook(data: dict, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Contactpersoon"
    sheet.append(["Gegeven", "Waarde"])
    for key, value in data["contactpersoon"].items():
        sheet.append([key, _cell(value)])
    for title, rows in (
        ("Rollen", data["rollen"]),
        ("Contactmomenten", data["contactmomenten"]),
        ("Historie contactpersoon", data["historie contactpersoon"]),
        ("Historie rollen", data["historie rollen"]),
    ):
        sheet = workbook.create_sheet(title[:31])
        if not rows:
            sheet.append(["(geen)"])
            continue
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append([_cell(value) for value in row.values()])
    workbook.save(path)


class Command(BaseCommand):
    help = "Schrijft alles wat het register over één persoon bevat (met historie) als JSON en xlsx (inzageverzoek)."

    def add_arguments(self, parser):
        parser.add_argument("contact", help="E-mailadres of id van de contactpersoon.")
        parser.add_argument("--output-dir", default=".", help="Map voor de bestanden; standaard de huidige map.")

    def handle(self, *args, contact, output_dir, **options):
        found = find_contact(contact)
        data = contact_subject_access(contact=found)
        folder = Path(output_dir)
        folder.mkdir(parents=True, exist_ok=True)
        json_path = folder / f"inzage-contactpersoon-{found.pk}.json"
        xlsx_path = folder / f"inzage-contactpersoon-{found.pk}.xlsx"
        rows = 1 + len(data["rollen"]) + len(data["contactmomenten"])
        export_logged(
            actor=None,
            list_name="Inzageverzoek contactpersoon",
            rows=rows,
            format="json+xlsx",
            door="command",
            filters={"contactpersoon": found.pk},
        )
        json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        write_workbook(data, xlsx_path)
        self.stdout.write(self.style.SUCCESS(f"Geschreven: {json_path} en {xlsx_path}"))
