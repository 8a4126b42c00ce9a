"""Regenerate the office files the import tests read (run by hand; the outputs are committed).

    python tests/data/make_files.py      # needs LibreOffice: apt-get install libreoffice-calc-nogui

Spreadsheets are drafted with openpyxl and then opened and saved by LibreOffice (soffice --convert-to),
so the committed .xlsx, .xls, .ods and Dutch CSV are what LibreOffice writes, not what openpyxl writes.
LibreOffice on Linux ends CSV lines with LF; Dutch Excel writes CRLF, so the Dutch CSV's line ends are
rewritten, and "CSV UTF-8" gets the byte order mark Excel puts in front. The Outlook and Google Contacts
files are written the way those programs export (their column sets, quoting and encodings).
All people are fictional.
"""

import csv
import datetime
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
D = datetime.date

AFM_TITLE = "Aandachtsfunctionarissen mensenhandel – stand per 1 maart 2021"
AFM_HEADER = [
    "Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoon", "Organisatie",
    "Gemeente", "Rol", "Startdatum", "Opmerkingen", "Verjaardag",
]  # fmt: skip
AFM_ROWS = [
    ["Anouk", "", "Verbeek", "anouk.verbeek@schiedam.example", "010 123 4567", "Gemeente Schiedam",
     "Schiedam", "Aandachtsfunctionaris", D(2021, 1, 15), "", D(1980, 5, 12)],
    ["Bram", "van der", "Linden", "Bram.vanderLinden@Vlaardingen.example", "+31 10 765 4321",
     "Gemeente Vlaardingen", "Vlaardingen", "", None, "Vervangt per maart een collega", None],
    ["Charlotte", "de", "Graaf", "c.degraaf@capelle.example", "", "Gemeente Capelle aan den IJssel",
     "Capelle a/d IJssel", "aandachtsfunctionaris", D(2020, 9, 1), "", None],
    ["Daan", "", "Koster", "", "", "Politie Eenheid Rotterdam", "Rotterdam", "plaatsvervanger", None, "", None],
    ["Eva", "van", "Dijk", "eva.vandijk@hia.example", "", "Gemeente Hendrik-Ido-Ambacht", "H.I. Ambacht",
     "", None, "", None],
]  # fmt: skip

HACKSHIELD_HEADER = ["Naam", "E-mail", "Gemeente", "Netwerk", "Rol", "Vanaf", "Tot"]
HACKSHIELD_ROWS = [
    ["Floris Bakker", "floris.bakker@dordrecht.example", "Dordrecht", "HackShield", "Contactpersoon",
     D(2020, 3, 1), None],
    ["Gijs ter Horst", "g.terhorst@zwijndrecht.example", "GM0642", "hackshield", "", D(2020, 6, 15),
     D(2020, 12, 31)],
    ["Hanna van den Heuvel", "hanna.vandenheuvel@papendrecht.example", "Papendrecht", "HackShield",
     "contactpersoon", D(2021, 2, 1), None],
]  # fmt: skip

ACCOUNTHOUDERS_HEADER = ["Naam", "Functie", "Organisatie", "Namens gemeente", "Ingangsdatum", "E-mail", "Netwerk"]
ACCOUNTHOUDERS_ROWS = [
    ["Smit, Iris", "Accounthouder ondermijning", "Gemeente Ridderkerk", "Ridderkerk", "1 maart 2021",
     "iris.smit@ridderkerk.example", "Accounthouders ondermijning"],
    ["Wit, Joost de", "Beleidsadviseur OOV", "Gemeente Barendrecht", "Gem. Barendrecht", D(2021, 2, 15),
     "joost.dewit@barendrecht.example", "accounthouders-ondermijning"],
    ["J.P. van 't Hof", "Adviseur veiligheid", "Gemeente Maassluis", "0556", "01-02-2021", "",
     "Accounthouders ondermijning"],
]  # fmt: skip

WERKGROEP_NL_HEADER = ["Voornaam", "Tussenvoegsel", "Naam", "E-mail", "Mobiel", "Organisatie", "Functie", "Startdatum"]
WERKGROEP_NL_ROWS = [
    ["Karin", "", "Mulder", "karin.mulder@politie.example", "06 1234 5678", "Politie Eenheid Rotterdam",
     "Teamleider cybercrime", D(2021, 3, 1)],
    ["Lars", "", "Jansen", "lars.jansen@om.example", "", "Openbaar Ministerie", "Officier van justitie",
     D(2021, 3, 1)],
    ["Renée", "de", "Boer", "renee.deboer@riec.example", "", "RIEC Rotterdam", "Analist ondermijning", None],
    ["Zoë", "", "Brouwer", "zoe.brouwer@sdvr.example", "", "Stichting Digitale Veiligheid Rijnmond",
     "Coördinator", None],
]  # fmt: skip

WERKGROEP_UTF8_HEADER = [
    "Volledige naam", "E-mailadres", "Telefoonnummer", "Organisatie", "Functie", "Netwerk", "Rol", "Startdatum",
]  # fmt: skip
WERKGROEP_UTF8_ROWS = [
    ["Şükrü Yılmaz", "sukru.yilmaz@rotterdam.example", "010 267 1111", "Gemeente Rotterdam", "Strategisch adviseur",
     "Regionale werkgroep Cybercrime", "Voorzitter", D(2021, 3, 1)],
    ["Zeynep van Beek", "zeynep.vanbeek@lansingerland.example", "", "Gemeente Lansingerland", "Beleidsmedewerker",
     "Regionale werkgroep Cybercrime", "Lid", D(2021, 3, 1)],
]  # fmt: skip

OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business City", "Business Postal Code", "Business Phone", "Mobile Phone",
    "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Birthday", "Categories", "Notes",
]  # fmt: skip
OUTLOOK_ROWS = [
    ["Mevr.", "Maaike", "", "Smit", "", "Gemeente Schiedam", "Openbare Orde en Veiligheid", "Adviseur OOV",
     "Stadserf 1", "Schiedam", "3112 DZ", "010 246 9999", "06 2222 3333", "maaike.smit@schiedam.example", "SMTP",
     "Maaike Smit (maaike.smit@schiedam.example)", "", "0/0/00", "VAR", "Aanspreekpunt HackShield"],
    ["Dhr.", "Niels", "de", "Jong", "", "Gemeente Vlaardingen", "", "Beleidsadviseur veiligheid",
     "", "", "", "010 248 0000", "", "niels.dejong@vlaardingen.example", "SMTP",
     "Niels de Jong (niels.dejong@vlaardingen.example)", "", "0/0/00", "VAR", ""],
]  # fmt: skip

GOOGLE_HEADER = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name",
    "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title",
    "Organization Department", "Birthday", "Notes", "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
    "Phone 1 - Label", "Phone 1 - Value",
]  # fmt: skip
GOOGLE_ROWS = [
    ["Olga", "", "Visser", "", "", "", "", "", "", "", "Gemeente Sliedrecht", "Regisseur veiligheid", "", "",
     "", "", "* myContacts", "Werk", "olga.visser@sliedrecht.example", "Werk", "0184 495 555"],
    ["Pieter", "van", "Leeuwen", "", "", "", "", "", "", "", "Gemeente Gorinchem", "AOV'er", "", "1975-04-02",
     "Via regiegroep", "", "* myContacts", "Werk", "Pieter.vanLeeuwen@Gorinchem.example", "Mobiel", "06 4444 5555"],
]  # fmt: skip

GOOGLE_OLD_HEADER = [
    "Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Birthday", "Notes", "Group Membership",
    "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Type",
    "Organization 1 - Name", "Organization 1 - Title",
]  # fmt: skip
GOOGLE_OLD_ROWS = [
    ["Quinten Dekker", "Quinten", "", "Dekker", "", "", "", "* myContacts", "* Work",
     "quinten.dekker@nissewaard.example", "Work", "0181 111 222", "", "Gemeente Nissewaard", "Adviseur OOV"],
]  # fmt: skip


def _draft(path: Path, header, rows, title: str | None = None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lijst"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD-MM-YYYY"
    workbook.save(path)


def _libreoffice(source: Path, target_ext: str, out_dir: Path, filter_name: str | None = None) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice ontbreekt: apt-get install libreoffice-calc-nogui")
    convert = f"{target_ext}:{filter_name}" if filter_name else target_ext
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(  # noqa: S603 - fixed arguments, run by hand
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", convert,
             "--outdir", str(out_dir), str(source)],
            check=True,
            capture_output=True,
        )  # fmt: skip
    return out_dir / f"{source.stem}.{target_ext}"


def _csv(rows, *, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)

        _draft(tmp / "afm_titel.xlsx", AFM_HEADER, AFM_ROWS, title=AFM_TITLE)
        (tmp / "out").mkdir()
        saved = _libreoffice(tmp / "afm_titel.xlsx", "xlsx", tmp / "out", "Calc MS Excel 2007 XML")
        shutil.copy(saved, HERE / "afm_titel.xlsx")

        _draft(tmp / "hackshield.xlsx", HACKSHIELD_HEADER, HACKSHIELD_ROWS)
        shutil.copy(_libreoffice(tmp / "hackshield.xlsx", "xls", tmp, "MS Excel 97"), HERE / "hackshield.xls")

        _draft(tmp / "accounthouders.xlsx", ACCOUNTHOUDERS_HEADER, ACCOUNTHOUDERS_ROWS)
        shutil.copy(_libreoffice(tmp / "accounthouders.xlsx", "ods", tmp, "calc8"), HERE / "accounthouders.ods")

        # Dutch Excel "CSV (gescheiden door lijstscheidingsteken)": ';', Windows-1252 (LibreOffice charset 1), CRLF.
        _draft(tmp / "werkgroep_excel_nl.xlsx", WERKGROEP_NL_HEADER, WERKGROEP_NL_ROWS)
        saved = _libreoffice(tmp / "werkgroep_excel_nl.xlsx", "csv", tmp, "Text - txt - csv (StarCalc):59,34,1,1")
        data = saved.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        (HERE / "werkgroep_excel_nl.csv").write_bytes(data)

        # Excel "CSV UTF-8 (door komma's gescheiden)": ',', UTF-8 (LibreOffice charset 76) with a byte order mark.
        _draft(tmp / "werkgroep_utf8_bom.xlsx", WERKGROEP_UTF8_HEADER, WERKGROEP_UTF8_ROWS)
        saved = _libreoffice(tmp / "werkgroep_utf8_bom.xlsx", "csv", tmp, "Text - txt - csv (StarCalc):44,34,76,1")
        data = saved.read_bytes()
        (HERE / "werkgroep_utf8_bom.csv").write_bytes(
            data if data.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + data
        )

    # Outlook (Bestand > Openen en exporteren > Exporteren naar een bestand): every field quoted, Windows-1252.
    (HERE / "outlook_export.csv").write_bytes(
        _csv([OUTLOOK_HEADER, *OUTLOOK_ROWS], encoding="cp1252", quoting=csv.QUOTE_ALL)
    )
    # Google Contacts "Google CSV", the current and the older column set: UTF-8 without BOM.
    (HERE / "google_contacts.csv").write_bytes(_csv([GOOGLE_HEADER, *GOOGLE_ROWS]))
    (HERE / "google_contacts_oud.csv").write_bytes(_csv([GOOGLE_OLD_HEADER, *GOOGLE_OLD_ROWS]))


if __name__ == "__main__":
    main()
