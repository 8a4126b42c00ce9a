"""python manage.py send_follow_up_digest — the kernteam's weekly mail (DOMAIN.md "Keeping the register current").

Each kernteam member with an e-mail address gets: the follow-ups they planned that fall due this week or are
overdue (no later contactmoment for that gemeente and network), the roles unconfirmed for over a year, and the
open change proposals. Someone for whom all three are empty gets no mail. Run it weekly (docs/deploy.md).
"""

from collections import defaultdict

from django.core.mail import get_connection
from django.core.management.base import BaseCommand
from django.utils import timezone

from network import selectors
from network.mails import render_mail

SHOWN = 20


class Command(BaseCommand):
    help = "Mail elk kernteamlid het wekelijkse overzicht: vervolgacties, onbevestigde rollen, wijzigingsvoorstellen."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon wie een mail zou krijgen; verstuur niets.")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        follow_ups = defaultdict(list)
        for outreach in selectors.overdue_follow_ups(on=today):
            follow_ups[outreach.user_id].append(outreach)
        unverified = list(selectors.unverified_memberships(on=today)[: SHOWN + 1])
        proposals = list(selectors.change_proposal_list())
        connection = None if dry_run else get_connection()
        sent = 0
        for member in selectors.digest_recipients():
            mine = follow_ups.get(member.pk, [])
            if not (mine or unverified or proposals):
                continue
            context = {
                "member": member,
                "today": today,
                "overdue": [o for o in mine if o.follow_up_date < today],
                "this_week": [o for o in mine if o.follow_up_date >= today],
                "unverified": unverified[:SHOWN],
                "unverified_more": len(unverified) > SHOWN,
                "proposals": proposals,
            }
            sent += 1
            if dry_run:
                self.stdout.write(f"zou mailen: {member} <{member.email}>")
                continue
            message = render_mail("follow_up_digest", context, to=member.email)
            message.connection = connection
            message.send()
        verb = "zou versturen" if dry_run else "verstuurd"
        self.stdout.write(self.style.SUCCESS(f"{sent} weekoverzicht(en) {verb}."))
