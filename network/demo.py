"""Fictional demo data that reproduces the state of the annual report 2020 (HackShield: 10 of 25 take part).

Every demo contact is marked `is_demo` and has an address at demo.example; none is a real person.
Loading twice changes nothing: each object is looked up before it is made.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from . import services
from .choices import OutreachChannel, ParticipationStatus
from .demo_events import load_demo_events
from .models import Contact, Gemeente, Membership, Network, Organisation, Outreach, ParticipationStatusChange

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-kernteam-2021"  # noqa: S105 - printed by make run; a local demo login

FIRST_NAMES = [
    "Anouk", "Bram", "Charlotte", "Daan", "Eva", "Floris", "Gijs", "Hanna", "Iris", "Joost",
    "Karin", "Lars", "Maaike", "Niels", "Olga", "Pieter", "Quinten", "Roos", "Sander", "Tessa",
    "Ufuk", "Vera", "Wouter", "Xandra", "Yara", "Zeynep", "Bas", "Lotte", "Mehmet", "Sanne",
]  # fmt: skip
LAST_NAMES = [
    ("", "Verbeek"), ("van der", "Linden"), ("de", "Graaf"), ("", "Koster"), ("van", "Dijk"),
    ("", "Bakker"), ("ter", "Horst"), ("van den", "Heuvel"), ("", "Smit"), ("de", "Wit"),
    ("", "Mulder"), ("van 't", "Hof"), ("", "Yilmaz"), ("", "Jansen"), ("van", "Leeuwen"),
    ("", "Brouwer"), ("de", "Boer"), ("", "Kok"), ("van", "Wijk"), ("", "Dekker"),
    ("", "Peeters"), ("in 't", "Veld"), ("", "Bos"), ("van der", "Meer"), ("", "Hendriks"),
    ("", "Vos"), ("de", "Jong"), ("", "El Amrani"), ("", "Visser"), ("van", "Beek"),
]  # fmt: skip

# The ten gemeenten that joined HackShield in 2020 (none of them merged in 2023).
HACKSHIELD_PARTICIPANTS = [
    "GM0599", "GM0606", "GM0622", "GM0489", "GM0597", "GM0505", "GM0642", "GM0590", "GM1963", "GM0556",
]  # fmt: skip

START_2020 = datetime.date(2020, 1, 1)


def _person(index: int) -> tuple[str, str, str]:
    tussen, last = LAST_NAMES[index % len(LAST_NAMES)]
    return FIRST_NAMES[(index * 7) % len(FIRST_NAMES)], tussen, last


def demo_user():
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(
            username=DEMO_USERNAME,
            email="demo@demo.example",
            password=DEMO_PASSWORD,
            first_name="Demo",
            last_name="Kernteam",
        )
    return user


class DemoLoader:
    def __init__(self, actor):
        self.actor = actor
        self.counter = 0
        self.created = 0

    def contact(self, *, organisation: Organisation, job_title: str) -> Contact:
        index = self.counter
        self.counter += 1
        first, tussen, last = _person(index)
        email = f"{first}.{tussen.replace(' ', '').replace(chr(39), '')}{last.replace(' ', '')}.{index}@demo.example"
        email = email.lower().replace("..", ".")
        existing = Contact.objects.filter(email=email).first()
        if existing:
            return existing
        self.created += 1
        return services.contact_create(
            actor=self.actor,
            first_name=first,
            tussenvoegsel=tussen,
            last_name=last,
            email=email,
            phone=f"010 {400 + index:03d} {1000 + index * 37 % 9000:04d}",
            job_title=job_title,
            organisation=organisation,
            notes="Fictief demo-contact.",
            is_demo=True,
        )

    def role(self, *, contact, network, gemeente=None, role=None, start=START_2020, end=None) -> Membership:
        role = role or network.default_role
        existing = Membership.objects.filter(
            contact=contact, network=network, gemeente=gemeente, role=role, start_date=start
        ).first()
        if existing:
            return existing
        return services.membership_start(
            actor=self.actor, contact=contact, network=network, role=role, gemeente=gemeente, start=start, end=end
        )

    def status(self, *, gemeente, network, status, on, note=""):
        if not ParticipationStatusChange.objects.filter(
            participation__gemeente=gemeente, participation__network=network, status=status, date=on
        ).exists():
            services.participation_set_status(
                actor=self.actor, gemeente=gemeente, network=network, status=status, on=on, note=note
            )

    def outreach(self, *, gemeente, network, on, channel, outcome, follow_up=None):
        if not Outreach.objects.filter(gemeente=gemeente, network=network, outcome=outcome).exists():
            services.outreach_log(
                actor=self.actor,
                gemeente=gemeente,
                network=network,
                date=on,
                channel=channel,
                outcome=outcome,
                follow_up_date=follow_up,
            )


@transaction.atomic
def load_demo(*, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    actor = demo_user()
    loader = DemoLoader(actor)
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    networks = {n.slug: n for n in Network.objects.all()}
    own_org = {o.gemeente_id: o for o in Organisation.objects.filter(kind="gemeente")}
    members_2021 = [g for g in gemeenten.values() if g.is_valid_on(datetime.date(2021, 3, 1))]
    members_2021.sort(key=lambda g: g.code)

    # Aandachtsfunctionarissen mensenhandel: 18 gemeenten, with a handover in Schiedam and Dordrecht.
    afm = networks["aandachtsfunctionarissen-mensenhandel"]
    for gemeente in members_2021[:18]:
        org = own_org[gemeente.id]
        first = loader.contact(organisation=org, job_title="Adviseur openbare orde en veiligheid")
        loader.role(
            contact=first, network=afm, gemeente=gemeente, start=datetime.date(2020, 9, 1), end=gemeente.valid_to
        )
    for code, on in (("GM0606", datetime.date(2022, 4, 1)), ("GM0505", datetime.date(2023, 2, 1))):
        gemeente = gemeenten[code]
        current = Membership.objects.filter(network=afm, gemeente=gemeente).order_by("-start_date").first()
        successor = loader.contact(organisation=own_org[gemeente.id], job_title="Beleidsadviseur mensenhandel")
        if current and current.end_date is None and current.contact_id != successor.id:
            services.membership_handover(actor=actor, membership=current, successor=successor, on=on)
        else:
            loader.role(contact=successor, network=afm, gemeente=gemeente, start=on)

    # Accounthouders ondermijning: every 2021 member but four; the merged three ended with their gemeente.
    acc = networks["accounthouders-ondermijning"]
    for gemeente in members_2021[4:]:
        contact = loader.contact(organisation=own_org[gemeente.id], job_title="Accounthouder ondermijning")
        loader.role(
            contact=contact, network=acc, gemeente=gemeente, start=datetime.date(2020, 1, 1), end=gemeente.valid_to
        )

    # HackShield: ten participants in 2020, fifteen still to approach (the report's state).
    hackshield = networks["hackshield"]
    for code in HACKSHIELD_PARTICIPANTS:
        gemeente = gemeenten[code]
        loader.status(
            gemeente=gemeente, network=hackshield, status=ParticipationStatus.APPROACHED, on=datetime.date(2020, 2, 1)
        )
        loader.status(
            gemeente=gemeente,
            network=hackshield,
            status=ParticipationStatus.PARTICIPANT,
            on=datetime.date(2020, 6, 1),
            note="Regionale uitrol HackShield 2020",
        )
        contact = loader.contact(organisation=own_org[gemeente.id], job_title="Projectleider HackShield")
        loader.role(contact=contact, network=hackshield, gemeente=gemeente, start=datetime.date(2020, 6, 1))

    # Outreach in the accounthouders network: one recent (in behandeling), one with a follow-up due soon.
    loader.outreach(
        gemeente=gemeenten["GM0482"],
        network=acc,
        on=today - datetime.timedelta(days=20),
        channel=OutreachChannel.EMAIL,
        outcome="Gevraagd een accounthouder te benoemen.",
        follow_up=today + datetime.timedelta(days=7),
    )
    loader.outreach(
        gemeente=gemeenten["GM0489"],
        network=acc,
        on=datetime.date(2021, 2, 15),
        channel=OutreachChannel.PHONE,
        outcome="Geen reactie.",
    )

    # The bestuurlijk network: a chair and members from police and OM.
    bestuur = networks["var-bestuur"]
    politie = Organisation.objects.get(slug="politie-eenheid-rotterdam")
    om = Organisation.objects.get(slug="openbaar-ministerie")
    chair = loader.contact(organisation=own_org[gemeenten["GM0531"].id], job_title="Burgemeester")
    loader.role(contact=chair, network=bestuur, role="voorzitter")
    loader.role(contact=loader.contact(organisation=politie, job_title="Politiechef"), network=bestuur)
    loader.role(contact=loader.contact(organisation=om, job_title="Hoofdofficier van justitie"), network=bestuur)
    cyber = networks["regionale-werkgroep-cybercrime"]
    for code in ("GM0599", "GM0505", "GM1930"):
        contact = loader.contact(organisation=own_org[gemeenten[code].id], job_title="Adviseur cybercrime")
        loader.role(contact=contact, network=cyber, gemeente=gemeenten[code])
    load_demo_events(actor=actor)
    return {"contacts_created": loader.created, "user": actor.username}
