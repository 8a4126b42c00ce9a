"""Reading one row: its cells as the registry's values, each checked; a row's errors name their column.

Nothing is matched or planned here (see planning.py); the parser only knows the file's columns, the
list's network and the registry's gemeenten and networks, to name them.
"""

import datetime

from ..choices import Role
from ..models import Contact, Network, Organisation
from ..names import normalise_initials, split_filing_last_name, split_name, split_titles
from .columns import NAME_FIELDS, ColumnMap, header_key
from .contact_values import parse_email, parse_phone
from .readers import UncachedFormula, clip, column_letters
from .registry import Registry
from .values import cell_text, parse_date

CONTACT_TEXT_FIELDS = (
    "titles",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "email",
    "phone",
    "mobile",
    "job_title",
    "notes",
)
FIELD_LABELS = {
    "titles": "aanhef/titulatuur",
    "first_name": "voornaam",
    "tussenvoegsel": "tussenvoegsel",
    "last_name": "achternaam",
    "email": "e-mailadres",
    "phone": "telefoon",
    "mobile": "mobiel",
    "job_title": "functie",
    "organisation": "organisatie",
    "notes": "opmerkingen",
}

ROLE_BY_KEY = {}
for _value, _label in Role.choices:
    ROLE_BY_KEY[header_key(_value)] = _value
    ROLE_BY_KEY[header_key(_label)] = _value


class ParsedRow:
    """One parsed row, read as a mapping (`parsed["values"]`); slotted, because a list of 100 000 rows
    holds every one of them between the two passes (a dict per row took some 250 bytes more)."""

    __slots__ = ("end", "errors", "gemeente", "network", "organisation", "role", "start", "values", "warnings")

    def __init__(self, values, organisation, gemeente, network, role, start, end, errors, warnings):
        self.values, self.organisation, self.gemeente, self.network = values, organisation, gemeente, network
        self.role, self.start, self.end, self.errors, self.warnings = role, start, end, errors, warnings

    def __getitem__(self, key: str):
        return getattr(self, key)


class RowParser:
    """Turns a row's cells into checked values; `parse` returns them with the row's errors."""

    def __init__(self, *, cmap: ColumnMap, network: Network | None, registry: Registry):
        self.cmap = cmap
        self.network = network
        self.registry = registry

    def _cell(self, cells: list, name: str):
        """The cell of field `name`; for a field several columns fill, the first that is not empty."""
        index = self.cmap.columns.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        for other in self.cmap.fallbacks.get(name, ()):
            if cell_text(value) or other >= len(cells):
                break
            value = cells[other]
        return value

    def _text(self, cells: list, name: str) -> str:
        return cell_text(self._cell(cells, name))

    def error(self, errors: list, row: int, name: str | None, value, message: str) -> None:
        """Add one error to `errors`, naming the file's header of column `name` (None: the whole row)."""
        column = self.cmap.headers.get(name, "") if name else ""
        errors.append({"row": row, "column": clip(column), "value": clip(cell_text(value)), "message": message})

    def formula_errors(self, number: int, cells: list) -> list[dict]:
        """An error per cell of the list's columns holding a formula without a stored value (IMPORT.md)."""
        errors: list[dict] = []
        for name, index in self.cmap.columns.items():
            if index < len(cells) and isinstance(cells[index], UncachedFormula):
                cell = f"{column_letters(index)}{number}"
                self.error(
                    errors,
                    number,
                    name,
                    "",
                    f"Cel {cell} bevat een formule zonder berekende waarde; open en bewaar het bestand in Excel "
                    "(of LibreOffice) en importeer het opnieuw.",
                )
        return errors

    def _names(self, cells: list) -> tuple[str, str, str, str]:
        """(titles, first name, tussenvoegsel, last name): titles apart, initials in one form (IMPORT.md)."""
        titles = [self._text(cells, "titles")]
        first, tussen, last = (self._text(cells, name) for name in ("first_name", "tussenvoegsel", "last_name"))
        full = self._text(cells, "full_name")
        if not last and full:
            found, full = split_titles(full)
            titles.append(found)
            parts = split_name(full)
            first, tussen, last = first or parts.first_name, tussen or parts.tussenvoegsel, parts.last_name
        else:
            found, first = split_titles(first) if first else ("", first)
            titles.append(found)
            if last:
                found, last = split_titles(last)
                titles.append(found)
            if last and not tussen:
                tussen, last = split_filing_last_name(last)
        first = normalise_initials(first or self._text(cells, "initials"))
        titles.append(self._text(cells, "titles_after"))
        return " ".join(t for t in titles if t), first, tussen, last

    def _date(self, cells: list, name: str, row: int, errors: list) -> datetime.date | None:
        raw = self._cell(cells, name)
        if raw is None or cell_text(raw) == "":
            return None
        try:
            return parse_date(raw)
        except (ValueError, OverflowError):
            self.error(
                errors,
                row,
                name,
                raw,
                f"'{clip(cell_text(raw))}' is geen datum (gebruik bijvoorbeeld 1-3-2021 of 2021-03-01).",
            )
            return None

    def parse(self, number: int, cells: list) -> ParsedRow | None:
        """The row's values, checked; None for an empty row.

        Returns a ParsedRow, read as a mapping: "values" (the contact's text fields), "organisation" (its
        name), "gemeente", "network", "role", "start", "end" (dates, first and last day inclusive), "errors"
        (list of error dicts), "warnings" (list of (field, Dutch message)).
        """
        errors = self.formula_errors(number, cells)
        if not errors and not any(cell_text(cell) for cell in cells):
            return None
        warnings: list[tuple[str, str]] = []  # (field, message)
        titles, first, tussen, last = self._names(cells)
        email, warning, error = parse_email(self._text(cells, "email"))
        if error:
            self.error(errors, number, "email", self._cell(cells, "email"), error)
        elif warning:
            warnings.append(("email", warning))
        values = {
            "titles": titles,
            "first_name": first,
            "tussenvoegsel": tussen,
            "last_name": last,
            "email": email,
            "phone": "",
            "mobile": "",
            "job_title": self._text(cells, "job_title"),
            "notes": self._text(cells, "notes"),
        }
        for name in ("phone", "mobile"):
            values[name], warning, error = parse_phone(self._text(cells, name))
            if error:
                self.error(errors, number, name, self._cell(cells, name), error)
            elif warning:
                warnings.append((name, warning))
        for name in CONTACT_TEXT_FIELDS:
            limit = Contact._meta.get_field(name).max_length
            if limit and len(values[name]) > limit:
                column = (
                    name
                    if name in self.cmap.columns
                    else next((n for n in NAME_FIELDS if n in self.cmap.columns), name)
                )
                self.error(
                    errors,
                    number,
                    column,
                    values[name],
                    f"De {FIELD_LABELS[name]} is te lang (hoogstens {limit} tekens).",
                )
        organisation_name = " ".join(self._text(cells, "organisation").split())
        if len(organisation_name) > Organisation._meta.get_field("name").max_length:
            self.error(errors, number, "organisation", organisation_name, "De organisatienaam is te lang.")
            organisation_name = ""
        gemeente = None
        gemeente_text = self._text(cells, "gemeente")
        if gemeente_text:
            gemeente = self.registry.gemeenten.match(gemeente_text)
            if gemeente is None:
                self.error(
                    errors,
                    number,
                    "gemeente",
                    gemeente_text,
                    f"De gemeente '{clip(gemeente_text)}' is niet bekend in het register.",
                )
        network = self.network
        network_text = self._text(cells, "network")
        if network_text:
            network = self.registry.network(network_text)
            if network is None:
                self.error(errors, number, "network", network_text, f"Het netwerk '{clip(network_text)}' bestaat niet.")
        role = None
        role_text = self._text(cells, "role")
        if role_text:
            role = ROLE_BY_KEY.get(header_key(role_text))
            if role is None:
                allowed = ", ".join(str(label).lower() for label in Role.labels)
                message = f"De rol '{clip(role_text)}' bestaat niet (wel: {allowed})."
                self.error(errors, number, "role", role_text, message)
        start = self._date(cells, "start_date", number, errors)
        end = self._date(cells, "end_date", number, errors)
        if start and end and end < start:
            self.error(
                errors, number, "end_date", self._cell(cells, "end_date"), "De einddatum ligt voor de startdatum."
            )
        if not self._text(cells, "email") and not values["last_name"]:
            self.error(errors, number, None, "", "Deze rij heeft geen naam en geen e-mailadres.")
        return ParsedRow(values, organisation_name, gemeente, network, role, start, end, errors, warnings)
