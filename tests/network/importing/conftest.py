import datetime
from pathlib import Path

import pytest

from network.importing import ImportOptions, run_import

DATA = Path(__file__).resolve().parents[2] / "data"


def data_file(name: str) -> Path:
    return DATA / name


@pytest.fixture
def do_import(db, actor):
    """Import a committed test file (or bytes) as the kernteam member would."""

    def _import(name_or_bytes, file_name=None, **options):
        options.setdefault("as_of", datetime.date(2021, 3, 1))
        if isinstance(name_or_bytes, bytes):
            file = name_or_bytes
        else:
            file = data_file(name_or_bytes)
            file_name = file_name or name_or_bytes
        return run_import(actor=actor, file=file, file_name=file_name, options=ImportOptions(**options))

    return _import
