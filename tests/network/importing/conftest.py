import datetime

import pytest

from network.importing import ImportOptions, run_import
from tests.helpers import data_file


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


@pytest.fixture
def registry_dump(db):
    """The registry's contacts, organisations and roles as dumpdata writes them (history and batches left out)."""

    def _dump():
        import io
        import json

        from django.core.management import call_command

        out = io.StringIO()
        call_command("dumpdata", "network.contact", "network.organisation", "network.membership", stdout=out)
        return sorted(json.loads(out.getvalue()), key=lambda obj: (obj["model"], obj["pk"]))

    return _dump


@pytest.fixture(autouse=True)
def _forget_content_types():
    """Leave Django's ContentType cache as these tests found it.

    The admin pages visited here cache content types; the admin's pinned query counts elsewhere are
    measured with a cold cache, and must not depend on whether these tests ran first.
    """
    yield
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
