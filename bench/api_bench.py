"""API benchmark (run by hand, not in the test suite): does the API stay fast as the registry grows?

    .venv/bin/python bench/api_bench.py                    # 1 000 and 100 000 contacts on SQLite
    .venv/bin/python bench/api_bench.py 1000 10000         # chosen sizes
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/var_api_bench .venv/bin/python bench/api_bench.py

Each size runs in a fresh process on a fresh database (SQLite: a temporary file; PostgreSQL: Django's test
database next to the one named, created and dropped here). The dataset: N contacts in 50 organisations, one
role each in ten networks (the three per-gemeente networks and seven others) over the 25 gemeenten of 2021.
Per gemeente and network four roles are current; the rest are history (ended before 2020) — a registry
grows by its history, not by the number of people in a gemeente's current roles. The first 60 contacts
all have their role in the benchmarked gemeente and network, so its contact list fills a page of 50 at
every size. Outreach grows with N (one contactmoment per 20 contacts).

For each call it reports the median and 95th percentile of the server time (the full request through
Django's handler in-process: routing, authentication, permissions, queries, serialization, rendering; no
network) over 40 requests after 5 warm-up requests, and the number of queries of one request.

Targets (issue 4): the same query count at both sizes; at 100 000 contacts every median within 1.5× of
the 1 000 median and under 50 ms, on SQLite and on PostgreSQL.
"""

import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ON = datetime.date(2021, 3, 1)
NETWORKS = [
    "aandachtsfunctionarissen-mensenhandel",
    "accounthouders-ondermijning",
    "hackshield",
    "regionale-werkgroep-cybercrime",
    "regionale-tafel-mensenhandel",
    "drivergroep-huiselijk-geweld",
    "netwerk-jeugd-en-veiligheid",
    "netwerk-veilig-wonen",
    "platform-veilig-ondernemen",
    "regiegroep",
]
CURRENT_PER_GEMEENTE_AND_NETWORK = 4
# The filtered contact list must fill its page of 50 at every size: the first contacts all go to this
# gemeente and NETWORKS[0]; the others are spread evenly.
BENCH_GEMEENTE, BENCH_COMBO_FLOOR = "GM0606", 60
FIRST = ["Anouk", "Bram", "Charlotte", "Daan", "Eva", "Floris", "Gijs", "Hanna", "Iris", "Joost"]
LAST = [("", "Verbeek"), ("van der", "Linden"), ("de", "Graaf"), ("", "Koster"), ("van", "Dijk"), ("ter", "Horst")]
REPEAT, WARMUP = 40, 5


class QueryCounter:
    """Counts statements without Django's debug cursor, whose SQL formatting would distort the timing."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def build(size: int):
    from django.contrib.auth.models import Permission
    from rest_framework.authtoken.models import Token

    from accounts.models import User
    from network.models import Contact, Gemeente, Membership, Network, Organisation, Outreach

    user = User.objects.create(username="bench")
    views = Permission.objects.filter(content_type__app_label="network", codename__startswith="view_")
    user.user_permissions.set(views)
    token = Token.objects.create(user=user).key
    gemeenten = list(Gemeente.objects.valid_on(ON).order_by("code"))
    networks = [Network.objects.get(slug=slug) for slug in NETWORKS]
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench-organisatie {n}", slug=f"bench-organisatie-{n}") for n in range(50)]
    )
    combos = len(gemeenten) * len(networks)
    benched = [g.code for g in gemeenten].index(BENCH_GEMEENTE)  # network index 0: NETWORKS[0]
    per_combo = defaultdict(int)
    batch = 5_000
    for offset in range(0, size, batch):
        contacts = []
        for n in range(offset, min(size, offset + batch)):
            tussen, last = LAST[n % len(LAST)]
            contacts.append(
                Contact(
                    first_name=FIRST[n % len(FIRST)],
                    tussenvoegsel=tussen,
                    last_name=f"{last}{n}",
                    email=f"persoon{n}@bench.example",
                    phone=f"010 {n:07d}",
                    job_title="Adviseur",
                    organisation=organisations[n % len(organisations)],
                )
            )
        contacts = Contact.objects.bulk_create(contacts)
        memberships = []
        for contact, n in zip(contacts, range(offset, offset + len(contacts)), strict=True):
            combo = benched if n < BENCH_COMBO_FLOOR else n % combos
            rank = per_combo[combo]
            per_combo[combo] += 1
            gemeente, network = gemeenten[combo % len(gemeenten)], networks[combo // len(gemeenten)]
            if rank < CURRENT_PER_GEMEENTE_AND_NETWORK:
                start, end = datetime.date(2020, 1, 1), None
            else:
                start = datetime.date(1990, 1, 1) + datetime.timedelta(days=(rank * 7) % 10_000)
                end = start + datetime.timedelta(days=30)
            memberships.append(
                Membership(
                    contact=contact,
                    network=network,
                    role=network.default_role,
                    gemeente=gemeente,
                    start_date=start,
                    end_date=end,
                    verified_on=start,
                )
            )
        Membership.objects.bulk_create(memberships)
    Outreach.objects.bulk_create(
        [
            Outreach(
                gemeente=gemeenten[n % len(gemeenten)],
                network=networks[n % len(networks)],
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n % 2_000),
                channel="email",
                user=user,
            )
            for n in range(size // 20)
        ]
    )
    return token


def timed(client, url: str, headers: dict) -> tuple[float, float, float, int]:
    """Median and p95 wall time, median CPU time of this process (ms), and the query count of one request.

    The CPU time leaves out waiting for a busy machine's other processes; on SQLite it is all of the work,
    on PostgreSQL the database server's share is not in it.
    """
    from django.db import connection

    for _ in range(WARMUP):
        assert client.get(url, headers=headers).status_code == 200, url
    wall, cpu = [], []
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url, headers=headers)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        client.get(url, headers=headers)
    wall.sort()
    return statistics.median(wall), wall[int(len(wall) * 0.95) - 1], statistics.median(cpu), counter.count


def measure(size: int) -> dict:
    database = None
    if "DATABASE_URL" not in os.environ:
        database = Path(tempfile.gettempdir()) / f"var_api_bench_{os.getpid()}.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from network.models import Contact, Gemeente

    if database is None:
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        start = time.perf_counter()
        token = build(size)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        build_seconds = time.perf_counter() - start
        client = Client()
        headers = {"Authorization": f"Token {token}"}
        gemeente = Gemeente.objects.get(code=BENCH_GEMEENTE)
        contact = Contact.objects.filter(memberships__gemeente=gemeente).order_by("id").last()
        calls = {
            "contact list (50, gemeente + network)": (
                f"/api/v1/contacts/?gemeente={BENCH_GEMEENTE}&network={NETWORKS[0]}&page_size=50"
            ),
            "gemeente contacts": f"/api/v1/gemeenten/{BENCH_GEMEENTE}/contacts/?date={ON}",
            "coverage": f"/api/v1/networks/{NETWORKS[0]}/coverage/?date={ON}",
            "contact detail": f"/api/v1/contacts/{contact.pk}/",
        }
        results = {name: timed(client, url, headers) for name, url in calls.items()}
    finally:
        if database is None:
            connection.creation.destroy_test_db(test_name, verbosity=0)
        else:
            database.unlink(missing_ok=True)
    return {"size": size, "database": connection.vendor, "build_s": round(build_seconds, 1), "results": results}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    sizes = [int(arg) for arg in argv] or [1_000, 100_000]
    runs = []
    for size in sizes:
        output = subprocess.run(  # noqa: S603 - this script, a fresh process and database per size
            [sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    base = runs[0]
    print(f"database: {base['database']}; build: " + ", ".join(f"{r['size']:,}: {r['build_s']} s" for r in runs))
    header = "| call | " + " | ".join(f"{r['size']:,}: median / p95 (cpu) ms, queries" for r in runs)
    print(header + " | median ratio | cpu ratio |")
    print("|---|" + "---:|" * len(runs) + "---:|---:|")
    for name in base["results"]:
        cells = []
        for r in runs:
            median, p95, cpu, queries = r["results"][name]
            cells.append(f"{median:.1f} / {p95:.1f} ({cpu:.1f}), {queries}")
        last = runs[-1]["results"][name]
        ratio, cpu_ratio = last[0] / base["results"][name][0], last[2] / base["results"][name][2]
        print(f"| {name} | " + " | ".join(cells) + f" | {ratio:.2f}× | {cpu_ratio:.2f}× |")


if __name__ == "__main__":
    main(sys.argv[1:])
