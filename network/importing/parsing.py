"""Reading one row: its cells as the registry's values, each checked; a row's errors name their column.

Nothing is matched or planned here (see planning.py); the parser only knows the file's columns, the
list's network and the registry's gemeenten and networks, to name them.
"""

import datetime

from ..choices import Role
from ..models import CONTACT_TEXT_FIELDS, Contact, Network, Organisation
from ..names import normalise_initials, split_filing_last_name, split_name, split_titles
from .columns import NAME_FIELDS, ColumnMap, header_key
from .contact_values import parse_email, parse_phone
from .readers import UncachedFormula, clip, column_letters, filled_indices
from .registry import Registry
from .values import cell_text, parse_date

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


# Values that repeat down a list (first names, tussenvoegsels, job titles, organisations, dates) are kept once, up to
# this many different ones: a list of 100 000 rows holds every parsed row between the two passes.
SHARED_VALUES = 20_000


class ContactValues:
    """A row's contact fields (CONTACT_TEXT_FIELDS), read as a mapping (`values["email"]`): slotted, some
    300 bytes less than a dict per row."""

    __slots__ = CONTACT_TEXT_FIELDS

    def __init__(self, **values: str):
        for name in CONTACT_TEXT_FIELDS:
            setattr(self, name, values[name])

    def __getitem__(self, key: str) -> str:
        return getattr(self, key)

    def __setitem__(self, key: str, value: str) -> None:
        setattr(self, key, value)


class ParsedRow:
    """One parsed row, read as a mapping (`parsed["values"]`); slotted, because a list of 100 000 rows
    holds every one of them between the two passes (a dict per row took some 250 bytes more). `errors` and
    `warnings` are tuples when empty."""

    __slots__ = ("end", "errors", "gemeente", "network", "number", "organisation", "role", "start", "values",
                 "warnings")  # fmt: skip

    def __init__(self, number, values, organisation, gemeente, network, role, start, end, errors, warnings):
        self.number = number  # the spreadsheet's row number
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
        self._shared: dict = {}
        self._texts_of, self._texts = None, {}  # the row whose texts `_texts` holds

    def _share(self, value):
        """`value` (text or a date), as the one copy of an equal value seen before (see SHARED_VALUES)."""
        if len(self._shared) < SHARED_VALUES:
            return self._shared.setdefault(value, value)
        return self._shared.get(value, value)

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
        """The text of field `name` in the row being parsed (`cells`), as `cell_text` gives it ("" if unmapped)."""
        if self._texts_of is not cells:
            self._texts_of, self._texts = cells, self._row_texts(cells)
        return self._texts.get(name, "")

    def _row_texts(self, cells: list) -> dict[str, str]:
        """Every mapped field's text, each cell read once (a field several columns fill: the first non-empty)."""
        texts = {}
        count = len(cells)
        for name, index in self.cmap.columns.items():
            text = cell_text(cells[index]) if index < count else ""
            for other in self.cmap.fallbacks.get(name, ()):
                if text or other >= count:
                    break
                text = cell_text(cells[other])
            texts[name] = text
        return texts

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
            if last:
                tussen, last = split_filing_last_name(last, tussen)
        first = normalise_initials(first or self._text(cells, "initials"))
        titles.append(self._text(cells, "titles_after"))
        return " ".join(t for t in titles if t), first, tussen, last

    def _date(self, cells: list, name: str, row: int, errors: list) -> datetime.date | None:
        raw = self._cell(cells, name)
        if raw is None or (isinstance(raw, str) and cell_text(raw) == ""):  # a real date is never empty text
            return None
        try:
            return self._share(parse_date(raw))
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
        if not errors and not any(cell_text(cells[index]) for index in filled_indices(cells)):
            return None
        warnings: list[tuple[str, str]] = []  # (field, message)
        titles, first, tussen, last = self._names(cells)
        email, warning, error = parse_email(self._text(cells, "email"))
        if error:
            self.error(errors, number, "email", self._cell(cells, "email"), error)
        elif warning:
            warnings.append(("email", warning))
        share = self._share
        values = ContactValues(
            titles=share(titles),
            first_name=share(first),
            tussenvoegsel=share(tussen),
            last_name=last,
            email=email,
            phone="",
            mobile="",
            job_title=share(self._text(cells, "job_title")),
            notes=self._text(cells, "notes"),
        )
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
        organisation_name = share(" ".join(self._text(cells, "organisation").split()))
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
        errors, warnings = errors or (), warnings or ()
        return ParsedRow(number, values, organisation_name, gemeente, network, role, start, end, errors, warnings)
