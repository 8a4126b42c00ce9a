"""Server time per web page on the demo data plus 10 000 extra contacts (issue 5: within 150 ms each).

Run by hand (not in the test suite):

    .venv/bin/python bench/web_bench.py                      # a fresh SQLite file in /tmp
    .venv/bin/python bench/web_bench.py export               # only the pages whose name says "export"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/var_bench .venv/bin/python bench/web_bench.py

It migrates, loads the demo, adds the extra contacts (each with a role, some ended), then requests every
page through Django's test client as the logged-in demo user: the time is the whole server side (URL
routing, middleware, view, queries, template) without network or browser. Prints a Markdown table.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'var_web_bench.sqlite3'}")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from network.demo import demo_user, load_demo  # noqa: E402
from network.models import Contact, Gemeente, Membership, Network, Organisation  # noqa: E402
from network.reference import load_reference_data  # noqa: E402

EXTRA_CONTACTS = 10_000
RUNS = 15
BUDGET_MS = 150


def prepare() -> None:
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    # A flush also empties the reference data the migration loaded; loading it again changes nothing otherwise.
    load_reference_data(apps)
    load_demo()
    rng = random.Random(5)
    organisations = list(Organisation.objects.all())
    gemeenten = list(Gemeente.objects.filter(valid_to__isnull=True))
    networks = list(Network.objects.all())
    contacts = Contact.objects.bulk_create(
        Contact(
            first_name=f"Voornaam{i}",
            tussenvoegsel=rng.choice(["", "", "van", "de", "van der"]),
            last_name=f"Achternaam{i % 2500}",
            email=f"extra{i}@bench.example",
            phone=f"010 {i:07d}",
            job_title="Beleidsadviseur",
            organisation=rng.choice(organisations),
        )
        for i in range(EXTRA_CONTACTS)
    )
    memberships = []
    for i, contact in enumerate(contacts):
        network = rng.choice(networks)
        start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(1800))
        end = start + datetime.timedelta(days=rng.randrange(30, 900)) if i % 3 == 0 else None
        memberships.append(
            Membership(
                contact=contact,
                network=network,
                role=network.default_role,
                gemeente=rng.choice(gemeenten),
                start_date=start,
                end_date=end,
                verified_on=start,
            )
        )
    Membership.objects.bulk_create(memberships)


def measure(client: Client, url: str) -> tuple[float, float, int]:
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), max(times), len(queries)


def main() -> None:
    setup_test_environment()
    prepare()
    client = Client()
    client.force_login(demo_user())
    contact = Contact.objects.filter(is_demo=True).order_by("pk").first()
    pages = [
        ("Overzicht", "/"),
        ("Gemeenten", "/gemeenten/"),
        ("Gemeente Rotterdam (vandaag)", "/gemeenten/GM0599/"),
        ("Gemeente Schiedam op 1-3-2021", "/gemeenten/GM0606/?date=2021-03-01"),
        ("Netwerken", "/netwerken/"),
        ("Netwerk aandachtsfunctionarissen", "/netwerken/aandachtsfunctionarissen-mensenhandel/"),
        ("Netwerk VAR-bestuur", "/netwerken/var-bestuur/"),
        ("Dekking", "/dekking/"),
        ("Dekking ZHZ op 1-3-2021", "/dekking/?region=ZHZ&date=2021-03-01&network=hackshield"),
        ("Contactpersonen", "/contactpersonen/"),
        ("Contactpersonen zoeken", "/contactpersonen/?search=achternaam12&network=hackshield"),
        ("Zoeken 'aandachtsfunctionaris Schiedam'", "/zoeken/?q=aandachtsfunctionaris+Schiedam"),
        ("Contactpersoon", f"/contactpersonen/{contact.pk}/"),
        ("Contactpersonen op organisatie gesorteerd", "/contactpersonen/?sort=organisatie"),
        ("Netwerk HackShield, nog te benaderen", "/netwerken/hackshield/?status=to_approach&sort=laatste_contact"),
        ("Export gemeente (xlsx)", "/gemeenten/GM0599/export.xlsx"),
        ("Export dekking (xlsx)", "/dekking/export.xlsx"),
        (
            "Export netwerk aandachtsfunctionarissen (xlsx)",
            "/netwerken/aandachtsfunctionarissen-mensenhandel/export.xlsx",
        ),
        ("Export contactpersonen zoeken (xlsx)", "/contactpersonen/export.xlsx?search=achternaam12&network=hackshield"),
        ("Importeren", "/import/"),
    ]
    # `web_bench.py export` measures only the pages whose name contains "export" (case-insensitive).
    only = " ".join(sys.argv[1:]).lower()
    pages = [(name, url) for name, url in pages if only in name.lower()]
    vendor = connection.vendor
    print(f"{vendor}, {Contact.objects.count()} contacts, {Membership.objects.count()} roles, median of {RUNS} runs\n")
    print("| page | median ms | max ms | queries | median / 150 ms budget |")
    print("|---|---:|---:|---:|---:|")
    for name, url in pages:
        median, worst, queries = measure(client, url)
        print(f"| {name} | {median:.1f} | {worst:.1f} | {queries} | {median / BUDGET_MS:.2f} |")


if __name__ == "__main__":
    main()
