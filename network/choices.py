"""Fixed vocabularies of the domain (DOMAIN.md); values are English, labels Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cluster(models.TextChoices):
    ALGEMEEN = "algemeen", _("Algemeen")
    VEILIG_ONDERNEMEN = "veilig_ondernemen", _("Veilig Ondernemen")
    MAATSCHAPPELIJKE_VEILIGHEID = "maatschappelijke_veiligheid", _("Maatschappelijke Veiligheid")
    INTEGRITEIT_EN_VEILIGHEID = "integriteit_en_veiligheid", _("Integriteit en Veiligheid")


class Level(models.TextChoices):
    BESTUURLIJK = "bestuurlijk", _("Bestuurlijk")
    AMBTELIJK = "ambtelijk", _("Ambtelijk")
    PUBLIEK_PRIVAAT = "publiek_privaat", _("Publiek-privaat")


class NetworkKind(models.TextChoices):
    OVERLEG = "overleg", _("Overleg")
    DRIVERGROEP = "drivergroep", _("Drivergroep")
    WERKGROEP = "werkgroep", _("Werkgroep")
    NETWERK = "netwerk", _("Netwerk")
    PLATFORM = "platform", _("Platform")
    TAFEL = "tafel", _("Tafel")
    PROGRAMMA = "programma", _("Programma")


class Role(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter")
    VICEVOORZITTER = "vicevoorzitter", _("Vicevoorzitter")
    LID = "lid", _("Lid")
    SECRETARIS = "secretaris", _("Secretaris")
    PORTEFEUILLEHOUDER = "portefeuillehouder", _("Portefeuillehouder")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    ACCOUNTHOUDER = "accounthouder", _("Accounthouder")
    CONTACTPERSOON = "contactpersoon", _("Contactpersoon")
    PLAATSVERVANGER = "plaatsvervanger", _("Plaatsvervanger")


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    POLITIE = "politie", _("Politie")
    JUSTITIE = "justitie", _("Justitie")
    SAMENWERKINGSVERBAND = "samenwerkingsverband", _("Samenwerkingsverband")
    RIJK = "rijk", _("Rijksoverheid")
    KENNISINSTITUUT = "kennisinstituut", _("Kennisinstituut")
    ONDERWIJS = "onderwijs", _("Onderwijs en onderzoek")
    ZORG = "zorg", _("Zorg en welzijn")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    BRANCHEORGANISATIE = "brancheorganisatie", _("Brancheorganisatie")
    ONDERNEMER = "ondernemer", _("Ondernemer")
    OVERIG = "overig", _("Overig")


class ParticipationStatus(models.TextChoices):
    NIET_BENADERD = "niet_benaderd", _("Niet benaderd")
    BENADERD = "benaderd", _("Benaderd")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    DEELNEMER = "deelnemer", _("Deelnemer")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    GESTOPT = "gestopt", _("Gestopt")


class OutreachChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    TELEFOON = "telefoon", _("Telefoon")
    OVERLEG = "overleg", _("Overleg")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")


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

    ALGEMEEN_BELANG = "algemeen_belang", _("Taak van algemeen belang / openbaar gezag")
    WETTELIJKE_VERPLICHTING = "wettelijke_verplichting", _("Wettelijke verplichting")
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang", _("Gerechtvaardigd belang")
    TOESTEMMING = "toestemming", _("Toestemming")
    OVEREENKOMST = "overeenkomst", _("Uitvoering van een overeenkomst")
