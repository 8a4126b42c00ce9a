"""Undo benchmark (run by hand, not in the test suite): undo of an import against the import it reverts.

    .venv/bin/python bench/undo_bench.py                # 20 000 rows on a fresh SQLite database
    .venv/bin/python bench/undo_bench.py 5000           # another size
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/var_undo_bench .venv/bin/python bench/undo_bench.py

Two cases, each timed import and undo (best of three on SQLite; the script migrates an empty database):
- new: a list of only new people (contacts, organisations and roles created; undo deletes them all);
- verify: the same list imported again on a later date with another job title, so every contact changes
  and every role is re-verified (undo puts 20 000 contacts and roles back from their history).
Target (issue 11): undo in a fixed number of queries and never slower than the import it reverts.
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = 3


def make_csv(rows: int, job_title: str) -> bytes:
    lines = ["Voornaam;Achternaam;E-mail;Organisatie;Functie;Gemeente"]
    gemeenten = ["Rotterdam", "Schiedam", "Vlaardingen", "Dordrecht", "Ridderkerk"]
    for n in range(rows):
        lines.append(f"Voor{n};Achter{n};persoon{n}@bench.example;Organisatie {n % 50};{job_title};{gemeenten[n % 5]}")
    return ("\r\n".join(lines) + "\r\n").encode()


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv else 20_000
    if "DATABASE_URL" not in os.environ:
        database = Path(tempfile.gettempdir()) / "var_undo_bench.sqlite3"
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["IMPORT_MAX_FILE_BYTES"] = str(200 * 1024 * 1024)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from network import services
    from network.importing import ImportOptions, run_import
    from network.models import Contact, Network

    call_command("migrate", verbosity=0)
    if Contact.objects.exists():
        raise SystemExit("De benchmark heeft een database zonder contactpersonen nodig.")
    network = Network.objects.get(slug="accounthouders-ondermijning")

    def timed(function):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            value = function()
            return value, time.perf_counter() - start, len(captured.captured_queries)

    def do_import(data: bytes, as_of: datetime.date):
        options = ImportOptions(network=network, as_of=as_of)
        result = run_import(actor=None, file=data, file_name="bench.csv", options=options)
        assert result.exit_code == 0, result.summary["errors"][:3]
        return result.batch

    repeats = 1 if connection.vendor == "postgresql" else REPEATS
    first, later = make_csv(rows, "Adviseur"), make_csv(rows, "Senior adviseur")
    print(f"{rows} rijen op {connection.vendor}, beste van {repeats}")
    print("| case | import | undo | undo / import | queries (import, undo) |")
    print("|---|---:|---:|---:|---|")
    cases = {"new": [], "verify": []}
    for _ in range(repeats):
        batch, import_s, import_q = timed(lambda: do_import(first, datetime.date(2021, 3, 1)))
        _, undo_s, undo_q = timed(lambda batch=batch: services.import_undo(actor=None, batch=batch))
        assert not Contact.objects.exists()
        cases["new"].append((import_s, undo_s, import_q, undo_q))
        base = do_import(first, datetime.date(2021, 3, 1))
        batch, import_s, import_q = timed(lambda: do_import(later, datetime.date(2021, 9, 1)))
        _, undo_s, undo_q = timed(lambda batch=batch: services.import_undo(actor=None, batch=batch))
        assert not Contact.objects.exclude(job_title="Adviseur").exists()
        cases["verify"].append((import_s, undo_s, import_q, undo_q))
        services.import_undo(actor=None, batch=base)
    for case, runs in cases.items():
        import_s = min(run[0] for run in runs)
        undo_s = min(run[1] for run in runs)
        print(
            f"| {case} | {import_s:.2f} s | {undo_s:.2f} s | {undo_s / import_s:.2f} | {runs[0][2]}, {runs[0][3]} |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
