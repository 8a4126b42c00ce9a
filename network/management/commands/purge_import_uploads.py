"""Remove uploaded lists whose preview was abandoned: older than IMPORT_UPLOAD_MAX_AGE_HOURS (run daily from cron)."""

from django.core.management.base import BaseCommand

from network.uploads import purge_expired_uploads


class Command(BaseCommand):
    help = "Verwijdert geüploade lijsten waarvan het voorbeeld nooit is bevestigd (ouder dan de bewaartijd)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=float, help="Verwijder uploads ouder dan zoveel uur; standaard IMPORT_UPLOAD_MAX_AGE_HOURS."
        )

    def handle(self, *args, hours=None, **options):
        count = purge_expired_uploads(max_age_hours=hours)
        self.stdout.write(self.style.SUCCESS(f"{count} verlopen uploads verwijderd."))
