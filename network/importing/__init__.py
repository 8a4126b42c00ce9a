"""Importing contact lists (xlsx, xls, ods, csv) as partners send them: read → map → validate → match → apply.

    from network.importing import ImportOptions, run_import
    result = run_import(actor=user, file=path_or_file, file_name="lijst.xlsx", options=ImportOptions(dry_run=True))

See ../shared IMPORT.md for the contract: header synonyms, matching, sync mode, the JSON summary.
"""

from .errors import ImportFileError
from .options import ImportOptions
from .pipeline import run_import
from .results import ImportResult, RowResult

__all__ = ["ImportFileError", "ImportOptions", "ImportResult", "RowResult", "run_import"]
