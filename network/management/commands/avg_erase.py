"""Erase one person on request (AVG art. 17): the same anonymisation as the retention purge."""

from django.core.management.base import BaseCommand, CommandError

from network.models import Contact
from network.services import ErasureFailed, contact_anonymise


def find_contact(identifier: str) -> Contact:
    """A contact by id or by email address (case-insensitive), or a Dutch error naming what was not found."""
    identifier = identifier.strip()
    if identifier.isdigit():
        contact = Contact.objects.filter(pk=int(identifier)).first()
    else:
        contact = Contact.objects.filter(email__iexact=identifier).first()
    if contact is None:
        raise CommandError(f"Geen contactpersoon gevonden met id of e-mailadres '{identifier}'.")
    return contact


class Command(BaseCommand):
    help = (
        "Anonimiseert één contactpersoon op verzoek (AVG): naam, e-mail, telefoon en opmerkingen, ook in de historie."
    )

    def add_arguments(self, parser):
        parser.add_argument("contact", help="Id of e-mailadres van de contactpersoon.")
        parser.add_argument("--reason", default="verzoek van betrokkene", help="Reden, voor de historie.")

    def handle(self, *args, contact, reason, **options):
        found = find_contact(contact)
        if found.anonymised_on:
            raise CommandError(f"Contactpersoon #{found.pk} is al geanonimiseerd op {found.anonymised_on:%d-%m-%Y}.")
        name = found.full_name
        try:
            contact_anonymise(actor=None, contact=found, reason=reason)
        except ErasureFailed as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{name} (#{found.pk}) is geanonimiseerd; de rollen blijven geteld."))
