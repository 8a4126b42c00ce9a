"""Fixed vocabularies of the domain (DOMAIN.md); values are English, labels Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cluster(models.TextChoices):
    GENERAL = "algemeen", _("Algemeen")
    SAFE_BUSINESS = "veilig_ondernemen", _("Veilig Ondernemen")
    SOCIAL_SAFETY = "maatschappelijke_veiligheid", _("Maatschappelijke Veiligheid")
    INTEGRITY_AND_SAFETY = "integriteit_en_veiligheid", _("Integriteit en Veiligheid")


class Level(models.TextChoices):
    EXECUTIVE = "bestuurlijk", _("Bestuurlijk")
    CIVIL_SERVICE = "ambtelijk", _("Ambtelijk")
    PUBLIC_PRIVATE = "publiek_privaat", _("Publiek-privaat")


class NetworkKind(models.TextChoices):
    CONSULTATION = "overleg", _("Overleg")
    DRIVER_GROUP = "drivergroep", _("Drivergroep")
    WORKING_GROUP = "werkgroep", _("Werkgroep")
    NETWORK = "netwerk", _("Netwerk")
    PLATFORM = "platform", _("Platform")
    ROUND_TABLE = "tafel", _("Tafel")
    PROGRAMME = "programma", _("Programma")


class Role(models.TextChoices):
    CHAIR = "voorzitter", _("Voorzitter")
    VICE_CHAIR = "vicevoorzitter", _("Vicevoorzitter")
    MEMBER = "lid", _("Lid")
    SECRETARY = "secretaris", _("Secretaris")
    PORTFOLIO_HOLDER = "portefeuillehouder", _("Portefeuillehouder")
    DESIGNATED_OFFICER = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    ACCOUNT_HOLDER = "accounthouder", _("Accounthouder")
    CONTACT_PERSON = "contactpersoon", _("Contactpersoon")
    DEPUTY = "plaatsvervanger", _("Plaatsvervanger")


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    POLICE = "politie", _("Politie")
    JUSTICE = "justitie", _("Justitie")
    PARTNERSHIP = "samenwerkingsverband", _("Samenwerkingsverband")
    CENTRAL_GOVERNMENT = "rijk", _("Rijksoverheid")
    KNOWLEDGE_INSTITUTE = "kennisinstituut", _("Kennisinstituut")
    EDUCATION = "onderwijs", _("Onderwijs en onderzoek")
    CARE = "zorg", _("Zorg en welzijn")
    HOUSING_ASSOCIATION = "woningcorporatie", _("Woningcorporatie")
    TRADE_ASSOCIATION = "brancheorganisatie", _("Brancheorganisatie")
    BUSINESS = "ondernemer", _("Ondernemer")
    OTHER = "overig", _("Overig")


class ParticipationStatus(models.TextChoices):
    NOT_APPROACHED = "niet_benaderd", _("Niet benaderd")
    APPROACHED = "benaderd", _("Benaderd")
    IN_TALKS = "in_gesprek", _("In gesprek")
    PARTICIPANT = "deelnemer", _("Deelnemer")
    DECLINED = "afgewezen", _("Afgewezen")
    STOPPED = "gestopt", _("Gestopt")


class OutreachChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "telefoon", _("Telefoon")
    MEETING = "overleg", _("Overleg")
    EVENT = "bijeenkomst", _("Bijeenkomst")


class CoverageStatus(models.TextChoices):
    COVERED = "covered", _("Gedekt")
    IN_PROGRESS = "in_progress", _("In behandeling")
    DECLINED = "declined", _("Afgewezen")
    TO_APPROACH = "to_approach", _("Nog te benaderen")


class ImportMode(models.TextChoices):
    ADD = "add", _("Toevoegen")
    SYNC = "sync", _("Synchroniseren")


class ImportStatus(models.TextChoices):
    APPLIED = "applied", _("Verwerkt")
    UNDONE = "undone", _("Teruggedraaid")


class LawfulBasis(models.TextChoices):
    """The grounds of article 6 AVG on which a network processes its members' contact details."""

    PUBLIC_INTEREST = "algemeen_belang", _("Taak van algemeen belang / openbaar gezag")
    LEGAL_OBLIGATION = "wettelijke_verplichting", _("Wettelijke verplichting")
    LEGITIMATE_INTEREST = "gerechtvaardigd_belang", _("Gerechtvaardigd belang")
    CONSENT = "toestemming", _("Toestemming")
    CONTRACT = "overeenkomst", _("Uitvoering van een overeenkomst")


class VerificationStatus(models.TextChoices):
    """Where a verification request stands; an open one past its `expires` counts as expired (DOMAIN.md)."""

    OPEN = "open", _("Verstuurd, nog niet beantwoord")
    ANSWERED = "answered", _("Beantwoord")


class ProposalKind(models.TextChoices):
    ROLE_STOPPED = "role_stopped", _("Rol gestopt")
    SUCCESSOR = "successor", _("Opvolger")
    DETAIL_CORRECTION = "detail_correction", _("Correctie werkgegevens")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Overgenomen")
    REJECTED = "rejected", _("Afgewezen")


class EventKind(models.TextChoices):
    CAROUSEL = "carrousel", _("Carrousel")
    LEARNING_HOUSE = "leerhuis", _("Leerhuis")
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training")
    CONFERENCE = "conferentie", _("Conferentie")
    MEETING = "bijeenkomst", _("Bijeenkomst")
    NETWORK_MEETING = "netwerkoverleg", _("Netwerkoverleg")


class EventFormat(models.TextChoices):
    PHYSICAL = "fysiek", _("Fysiek")
    DIGITAL = "digitaal", _("Digitaal")
    HYBRID = "hybride", _("Hybride")


class EventStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    HELD = "gehouden", _("Gehouden")
    CANCELLED = "geannuleerd", _("Geannuleerd")
    MOVED = "verplaatst", _("Verplaatst")


class AttendeeStatus(models.TextChoices):
    INVITED = "uitgenodigd", _("Uitgenodigd")
    REGISTERED = "aangemeld", _("Aangemeld")
    PRESENT = "aanwezig", _("Aanwezig")
    NO_SHOW = "afwezig", _("Afwezig (niet verschenen)")
    CANCELLED = "afgemeld", _("Afgemeld")


class AttendeeRole(models.TextChoices):
    PARTICIPANT = "deelnemer", _("Deelnemer")
    SPEAKER = "spreker", _("Spreker")
    WORKSHOP_LEADER = "workshopleider", _("Workshopleider")
    ORGANISER = "organisator", _("Organisator")
