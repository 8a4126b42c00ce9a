"""Import benchmark (run by hand, not in the test suite): how an import scales with the list's length.

    .venv/bin/python bench/import_bench.py                 # 1 000, 10 000 and 100 000 rows on SQLite
    .venv/bin/python bench/import_bench.py 1000 10000      # chosen sizes
    .venv/bin/python bench/import_bench.py --process 10000 # whole processes: import_contacts vs openpyxl read
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/var_bench .venv/bin/python bench/import_bench.py

For each size it writes an .xlsx list (cached in the temp folder) and then, in a fresh process on an
empty database, measures: reading the file with openpyxl in read-only mode (the yardstick), importing
it (committed), importing the same file again (everything unchanged), the ratio import / openpyxl read,
the peak memory of each import (ru_maxrss, which includes Django and calamine's native memory; the read,
the import and the re-import each run in a fresh process), and the number of queries each import made.

On SQLite every measurement is repeated three times in fresh processes and the fastest run counts
(peak memory: the highest); on PostgreSQL the script runs once, on a database without contacts.

Targets (issue 3, on the 2-core machines): a 10 000-row import within 3x the openpyxl read; 100 000 rows
under 500 MB peak; queries per import independent of the row count.

    .venv/bin/python bench/import_bench.py --full-registry 100000 100000

Issue 10: memory bounded by the file, not by the registry. A fresh process fills a database with a registry
of N contacts (half of them with a role in the list's network; the other half of the list's people are
already in it), then the whole `manage.py import_contacts` process imports the M-row list into it; its peak
resident memory (ru_maxrss of that one child process: Python, Django, the reader and the importer) must stay
under 300 MB.
"""

import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Telefoon", "Organisatie", "Functie", "Gemeente", "Rol",
          "Startdatum"]  # fmt: skip
GEMEENTEN = ["Rotterdam", "Schiedam", "Vlaardingen", "Capelle a/d IJssel", "Dordrecht", "Zwijndrecht", "GM0489",
             "Ridderkerk", "Maassluis", "Gem. Papendrecht"]  # fmt: skip
FIRST = ["Anouk", "Bram", "Charlotte", "Daan", "Eva", "Floris", "Gijs", "Hanna", "Iris", "Joost"]
LAST = [("", "Verbeek"), ("van der", "Linden"), ("de", "Graaf"), ("", "Koster"), ("van", "Dijk"), ("ter", "Horst")]
AS_OF = datetime.date(2021, 3, 1)
REPEATS = 3


def make_list(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"var_import_bench_{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Lijst")
    sheet.append(HEADER)
    for n in range(rows):
        tussen, last = LAST[n % len(LAST)]
        sheet.append([
            FIRST[n % len(FIRST)], tussen, f"{last}{n}", f"persoon{n}@bench.example", f"010 {n:07d}",
            f"Organisatie {n % 50}", "Adviseur", GEMEENTEN[n % len(GEMEENTEN)], "", datetime.date(2020, 1, 1 + n % 28),
        ])  # fmt: skip
    workbook.save(path)
    return path


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    count = sum(1 for _ in workbook.active.iter_rows(values_only=True))
    workbook.close()
    return count


def measure(rows: int, *, again: bool) -> dict:
    """One import of one size in this (fresh) process: the first on an empty database, or the repeat."""
    path = make_list(rows)
    database = Path(tempfile.gettempdir()) / f"var_import_bench_{rows}.sqlite3"
    if "DATABASE_URL" not in os.environ:
        if not again:
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

    from network.importing import ImportOptions, run_import
    from network.models import Contact, Network

    if not again:
        call_command("migrate", verbosity=0)
        if Contact.objects.exists():
            raise SystemExit("De benchmark heeft een database zonder contactpersonen nodig.")
    network = Network.objects.get(slug="accounthouders-ondermijning")
    # Django's query log (as django_assert_num_queries uses it) also sees PostgreSQL's COPY statements.
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        result = run_import(
            actor=None, file=path, file_name=path.name, options=ImportOptions(network=network, as_of=AS_OF)
        )
        seconds = time.perf_counter() - start
    summary = result.summary
    if again:
        assert summary["contacts"]["unchanged"] == rows and summary["memberships"]["unchanged"] == rows, summary
    else:
        assert summary["contacts"]["new"] == rows, summary["errors"][:3]
    return {
        "seconds": seconds,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "queries": len(captured.captured_queries),
        "database": connection.vendor,
    }


def _child(mode: str, rows: int) -> dict:
    """Run one measurement in a fresh process, so each peak memory belongs to that measurement alone."""
    done = subprocess.run(  # noqa: S603 - this script with fixed arguments
        [sys.executable, __file__, mode, str(rows)], check=False, capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode:
        raise SystemExit(f"{mode} {rows} faalde:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _setup(database: Path) -> None:
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()


def fill_registry(contacts: int, database: Path) -> None:
    """A registry of `contacts` people: persoon{rows // 2}… (half of a list's people and as many others), half
    of them with a role in the list's network. Bulk inserts, no history: the registry is the backdrop."""
    database.unlink(missing_ok=True)
    _setup(database)
    from django.core.management import call_command

    from network.models import Contact, Membership, Network

    call_command("migrate", verbosity=0)
    network = Network.objects.get(slug="accounthouders-ondermijning")
    start = contacts // 2
    batch = 5_000
    for offset in range(0, contacts, batch):
        people = [
            Contact(
                first_name=FIRST[n % len(FIRST)],
                tussenvoegsel=LAST[n % len(LAST)][0],
                last_name=f"{LAST[n % len(LAST)][1]}{n}",
                email=f"persoon{n}@bench.example",
                job_title="Registratie",
            )
            for n in range(start + offset, start + min(offset + batch, contacts))
        ]
        Contact.objects.bulk_create(people)
        roles = [
            Membership(contact=c, network=network, role=network.default_role, start_date=datetime.date(2019, 1, 1))
            for c in people[::2]
        ]
        Membership.objects.bulk_create(roles)


def full_registry(rows: int, contacts: int) -> None:
    """Import `rows` into a registry of `contacts` with the whole command, and print its peak memory."""
    path = make_list(rows)
    database = Path(tempfile.gettempdir()) / f"var_import_bench_registry_{contacts}.sqlite3"
    filled = subprocess.run(  # noqa: S603 - this script with fixed arguments
        [sys.executable, __file__, "--fill", str(contacts)], check=False, capture_output=True, text=True, cwd=ROOT
    )
    if filled.returncode:
        raise SystemExit(filled.stderr)
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{database}"),
        "DJANGO_DEBUG": "false",
        "IMPORT_MAX_FILE_BYTES": str(200 * 1024 * 1024),
    }
    command = [sys.executable, "manage.py", "import_contacts", str(path), "--network", "accounthouders-ondermijning"]
    command += ["--as-of", AS_OF.isoformat(), "--json"]
    start = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=ROOT, env=env)  # noqa: S603
    seconds = time.perf_counter() - start
    # This process started only the two children; the import is the larger, so the children's peak is its peak.
    peak_mb = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    if done.returncode:
        raise SystemExit(f"import faalde ({done.returncode}):\n{done.stderr[-2000:]}")
    summary = json.loads(done.stdout)
    print("| rows | registry before | contacts new, updated/unchanged | roles new, unchanged | time | peak memory |")
    print("|---:|---:|---|---|---:|---:|")
    found, roles = summary["contacts"], summary["memberships"]

    def n(value: int) -> str:
        return f"{value:,}".replace(",", " ")

    print(
        f"| {n(rows)} | {n(contacts)} | {n(found['new'])}, {n(found['updated'] + found['unchanged'])} "
        f"| {n(roles['new'])}, {n(roles['unchanged'])} | {seconds:.1f} s | {peak_mb} MB |"
    )


# -- whole processes (issue 10): `manage.py import_contacts` against a process that only reads with openpyxl --

READ_ONLY_SCRIPT = (
    "import sys; from openpyxl import load_workbook; "
    "wb = load_workbook(sys.argv[1], read_only=True); print(sum(1 for _ in wb.active.iter_rows(values_only=True)))"
)


def libreoffice_list(rows: int) -> Path:
    """The list as a CSV converted to .xlsx by LibreOffice (`soffice --headless --convert-to xlsx`), cached."""
    import shutil

    folder = Path(tempfile.gettempdir()) / f"var_import_bench_lo_{rows}"
    path = folder / "lijst.xlsx"
    if path.exists():
        return path
    folder.mkdir(exist_ok=True)
    lines = [";".join(HEADER)]
    for n in range(rows):
        tussen, last = LAST[n % len(LAST)]
        lines.append(";".join([
            FIRST[n % len(FIRST)], tussen, f"{last}{n}", f"persoon{n}@bench.example", f"010 {n:07d}",
            f"Organisatie {n % 50}", "Adviseur", GEMEENTEN[n % len(GEMEENTEN)], "", f"{1 + n % 28}-1-2020",
        ]))  # fmt: skip
    (folder / "lijst.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    soffice = shutil.which("soffice") or "soffice"
    profile = f"-env:UserInstallation=file://{folder}/profiel"
    command = [soffice, "--headless", profile, "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir",
               str(folder), str(folder / "lijst.csv")]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed arguments
    return path


def _timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)  # noqa: S603 - fixed arguments
    return time.perf_counter() - start


def process_ratio(rows: int) -> dict:
    """Best of REPEATS wall-clock seconds of each whole process; every import into a fresh migrated SQLite db."""
    import hashlib
    import shutil

    path = libreoffice_list(rows)
    # A template per state of the migrations: after a new migration the next run migrates a new one.
    migrations = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(ROOT.glob("*/migrations/0*.py"))))
    template = Path(tempfile.gettempdir()) / f"var_import_bench_template_{migrations.hexdigest()[:12]}.sqlite3"
    database = Path(tempfile.gettempdir()) / "var_import_bench_process.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "false",
           "DJANGO_SETTINGS_MODULE": "config.settings.base"}  # fmt: skip
    if not template.exists():
        database.unlink(missing_ok=True)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, cwd=ROOT, env=env)
        shutil.copy(database, template)
    command = [sys.executable, "manage.py", "import_contacts", str(path), "--network", "accounthouders-ondermijning",
               "--as-of", AS_OF.isoformat(), "--json"]  # fmt: skip
    reads, imports = [], []
    for _ in range(REPEATS):
        reads.append(_timed([sys.executable, "-c", READ_ONLY_SCRIPT, str(path)], env))
        shutil.copy(template, database)
        imports.append(_timed(command, env))
    return {"rows": rows, "read_s": min(reads), "import_s": min(imports), "ratio": min(imports) / min(reads)}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--process"]:
        for rows in [int(arg) for arg in argv[1:]] or [10_000]:
            r = process_ratio(rows)
            print(f"| {rows:,} (LibreOffice xlsx) | {r['read_s']:.2f} s | {r['import_s']:.2f} s | {r['ratio']:.2f}× |")
        return
    if argv[:1] == ["--fill"]:
        fill_registry(int(argv[1]), Path(tempfile.gettempdir()) / f"var_import_bench_registry_{argv[1]}.sqlite3")
        return
    if argv[:1] == ["--full-registry"]:
        full_registry(int(argv[1]), int(argv[2]))
        return
    if argv[:1] in (["--import"], ["--again"]):
        print(json.dumps(measure(int(argv[1]), again=argv[0] == "--again")))
        return
    if argv[:1] == ["--read"]:
        start = time.perf_counter()
        count = openpyxl_read(make_list(int(argv[1])))
        print(json.dumps({"openpyxl_read_s": time.perf_counter() - start, "read_rows": count}))
        return
    # Best of REPEATS: the machines are shared, and the fastest run is the one least disturbed by others.
    repeats = 1 if "DATABASE_URL" in os.environ else REPEATS
    sizes = [int(arg) for arg in argv] or [1_000, 10_000, 100_000]
    print(
        "| rows | openpyxl read | import | re-import | import / read | re-import / read "
        "| peak memory (import, re-import) | queries (import, re-import) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for rows in sizes:
        make_list(rows)
        reads, firsts, agains = [], [], []
        for _ in range(repeats):
            reads.append(_child("--read", rows)["openpyxl_read_s"])
            firsts.append(_child("--import", rows))
            agains.append(_child("--again", rows))
        read = min(reads)
        first = min(firsts, key=lambda run: run["seconds"])
        again = min(agains, key=lambda run: run["seconds"])
        first["peak_mb"] = max(run["peak_mb"] for run in firsts)
        again["peak_mb"] = max(run["peak_mb"] for run in agains)
        r = {
            "rows": rows,
            "openpyxl_read_s": round(read, 2),
            "import_s": round(first["seconds"], 2),
            "reimport_s": round(again["seconds"], 2),
            "ratio_import_to_read": round(first["seconds"] / read, 2),
            "ratio_reimport_to_read": round(again["seconds"] / read, 2),
            "peak_mb": f"{first['peak_mb']}, {again['peak_mb']}",
            "queries_import": first["queries"],
            "queries_reimport": again["queries"],
            "database": first["database"],
        }
        print(
            f"| {r['rows']:,} | {r['openpyxl_read_s']} s | {r['import_s']} s | {r['reimport_s']} s "
            f"| {r['ratio_import_to_read']}× | {r['ratio_reimport_to_read']}× | {r['peak_mb']} MB "
            f"| {r['queries_import']}, {r['queries_reimport']} ({r['database']}) |".replace(",", " ", 1),
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
