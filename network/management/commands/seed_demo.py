from django.core.management.base import BaseCommand

from network.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = "Laadt fictieve democontacten (gemarkeerd als demo) en een demologin. Twee keer draaien verandert niets."

    def handle(self, *args, **options):
        result = load_demo()
        self.stdout.write(f"Democontacten aangemaakt: {result['contacts_created']}")
        self.stdout.write(
            self.style.SUCCESS(f"Demologin: gebruikersnaam '{DEMO_USERNAME}', wachtwoord '{DEMO_PASSWORD}'")
        )
