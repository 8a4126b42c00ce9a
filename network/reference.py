"""Reference data from the VAR annual report 2020 / plan 2021 and the CBS list of gemeenten.

Loaded by a data migration (`load_reference_data`), which is written against historical models so it
keeps working as the models evolve. Running it again updates rows in place and adds nothing twice.
"""

import datetime

from django.utils.text import slugify

REGIONS = [("RR", "Rotterdam-Rijnmond"), ("ZHZ", "Zuid-Holland Zuid")]

# cbs code, name, region, valid_from, valid_to, successor, inhabitants 2021, aliases (as users type them)
GEMEENTEN = [
    ("GM0613", "Albrandswaard", "RR", None, None, None, 25802, []),
    ("GM0489", "Barendrecht", "RR", None, None, None, 48639, []),
    ("GM0501", "Brielle", "RR", None, "2022-12-31", "GM1992", 17459, ["Den Briel"]),
    ("GM0502", "Capelle aan den IJssel", "RR", None, None, None, 67351, ["Capelle a/d IJssel", "Capelle"]),
    ("GM1924", "Goeree-Overflakkee", "RR", "2013-01-01", None, None, 50675, []),
    ("GM0530", "Hellevoetsluis", "RR", None, "2022-12-31", "GM1992", 40309, []),
    ("GM0542", "Krimpen aan den IJssel", "RR", None, None, None, 29380, ["Krimpen a/d IJssel"]),
    ("GM1621", "Lansingerland", "RR", "2007-01-01", None, None, 63439, []),
    ("GM0556", "Maassluis", "RR", None, None, None, 33570, []),
    ("GM1930", "Nissewaard", "RR", "2015-01-01", None, None, 85411, []),
    ("GM0597", "Ridderkerk", "RR", None, None, None, 46673, []),
    ("GM0599", "Rotterdam", "RR", None, None, None, 652413, []),
    ("GM0606", "Schiedam", "RR", None, None, None, 79371, []),
    ("GM0622", "Vlaardingen", "RR", None, None, None, 73982, []),
    ("GM0614", "Westvoorne", "RR", None, "2022-12-31", "GM1992", 14904, []),
    ("GM1992", "Voorne aan Zee", "RR", "2023-01-01", None, None, None, []),
    ("GM0482", "Alblasserdam", "ZHZ", None, None, None, 20134, ["Alblasterdam"]),
    ("GM0505", "Dordrecht", "ZHZ", None, None, None, 119139, []),
    ("GM0512", "Gorinchem", "ZHZ", None, None, None, 37390, []),
    ("GM0523", "Hardinxveld-Giessendam", "ZHZ", None, None, None, 18412, ["Hardinxveld"]),
    ("GM0531", "Hendrik-Ido-Ambacht", "ZHZ", None, None, None, 31243, ["H.I. Ambacht", "HI Ambacht"]),
    ("GM1963", "Hoeksche Waard", "ZHZ", "2019-01-01", None, None, 88065, []),
    ("GM1978", "Molenlanden", "ZHZ", "2019-01-01", None, None, 44157, []),
    ("GM0590", "Papendrecht", "ZHZ", None, None, None, 32171, []),
    ("GM0610", "Sliedrecht", "ZHZ", None, None, None, 25583, []),
    ("GM0642", "Zwijndrecht", "ZHZ", None, None, None, 44735, []),
]

# name, cluster — in the order of the report's table of contents; "Bestuur en regie" holds the VAR's own bodies.
THEMES = [
    ("Bestuur en regie", "algemeen"),
    ("Leerhuis/Carrousel", "algemeen"),
    ("Privacy Platform", "algemeen"),
    ("Monitoring", "algemeen"),
    ("Communicatie", "algemeen"),
    ("Veilig Ondernemen", "veilig_ondernemen"),
    ("Huiselijk Geweld", "maatschappelijke_veiligheid"),
    ("Personen met verward gedrag", "maatschappelijke_veiligheid"),
    ("Jeugd en veiligheid", "maatschappelijke_veiligheid"),
    ("Jeugd, alcohol en drugs", "maatschappelijke_veiligheid"),
    ("Veilig wonen", "maatschappelijke_veiligheid"),
    ("Radicalisering en Polarisatie", "maatschappelijke_veiligheid"),
    ("Cybercriminaliteit", "integriteit_en_veiligheid"),
    ("Ondermijning", "integriteit_en_veiligheid"),
    ("Mensenhandel", "integriteit_en_veiligheid"),
]

# name, theme, level, kind, per_gemeente, default role, description
NETWORKS = [
    ("VAR-bestuur", "Bestuur en regie", "bestuurlijk", "overleg", False, "lid", "Bestuur van de VeiligheidsAlliantie."),
    (
        "Regiegroep",
        "Bestuur en regie",
        "ambtelijk",
        "overleg",
        False,
        "lid",
        "Schakel met de gemeenten en partners; denktank, klankbord en netwerkfunctie.",
    ),
    ("Kernteam", "Bestuur en regie", "ambtelijk", "overleg", False, "lid", "Voert de taken van de VAR uit."),
    ("RVO", "Bestuur en regie", "bestuurlijk", "overleg", False, "lid", "Regionaal Veiligheidsoverleg."),
    ("DB RVO", "Bestuur en regie", "bestuurlijk", "overleg", False, "lid", "Dagelijks bestuur van het RVO."),
    (
        "Portefeuillehouders",
        "Bestuur en regie",
        "bestuurlijk",
        "overleg",
        False,
        "portefeuillehouder",
        "De burgemeesters die een thema van de VAR in portefeuille hebben.",
    ),
    (
        "Regionale werkgroep Cybercrime",
        "Cybercriminaliteit",
        "ambtelijk",
        "werkgroep",
        False,
        "lid",
        "Werkgroep onder voorzitterschap van de VAR.",
    ),
    (
        "Bestuurlijk klankbord Cybercrime",
        "Cybercriminaliteit",
        "bestuurlijk",
        "overleg",
        False,
        "lid",
        "Bestuurlijk klankbord bij de regionale werkgroep Cybercrime.",
    ),
    (
        "HackShield",
        "Cybercriminaliteit",
        "publiek_privaat",
        "programma",
        True,
        "contactpersoon",
        "Online cyberveiligheidsprogramma voor kinderen van 8-12 jaar; gemeenten sluiten zich aan.",
    ),
    (
        "Accounthouders ondermijning",
        "Ondermijning",
        "ambtelijk",
        "netwerk",
        True,
        "accounthouder",
        "Per gemeente een accounthouder ondermijning.",
    ),
    (
        "Regionale Tafel Mensenhandel",
        "Mensenhandel",
        "bestuurlijk",
        "tafel",
        False,
        "lid",
        "Stuurt de ambtelijke werkgroepen mensenhandel aan.",
    ),
    (
        "Ambtelijke werkgroepen mensenhandel",
        "Mensenhandel",
        "ambtelijk",
        "werkgroep",
        False,
        "lid",
        "Werkgroepen onder de Regionale Tafel Mensenhandel (monitor, opleiding, scholen, meldpunt, …).",
    ),
    (
        "Aandachtsfunctionarissen mensenhandel",
        "Mensenhandel",
        "ambtelijk",
        "netwerk",
        True,
        "aandachtsfunctionaris",
        "Per gemeente een aangewezen aandachtsfunctionaris mensenhandel.",
    ),
    (
        "Drivergroep Huiselijk Geweld",
        "Huiselijk Geweld",
        "ambtelijk",
        "drivergroep",
        False,
        "lid",
        "Maandelijks integraal beeld van huiselijk geweld.",
    ),
    (
        "Ambtelijk netwerk WVGZ/PVG",
        "Personen met verward gedrag",
        "ambtelijk",
        "netwerk",
        False,
        "lid",
        "Wet verplichte ggz en personen met verward gedrag.",
    ),
    (
        "Netwerk Jeugd en Veiligheid",
        "Jeugd en veiligheid",
        "ambtelijk",
        "netwerk",
        False,
        "lid",
        "Komt vier keer per jaar bijeen over regionale knelpunten.",
    ),
    (
        "Netwerk Veilig Wonen",
        "Veilig wonen",
        "ambtelijk",
        "netwerk",
        False,
        "lid",
        "Voorheen drivergroep; woonoverlast en de Wet aanpak woonoverlast.",
    ),
    (
        "Privacyplatform Eenheid Rotterdam",
        "Privacy Platform",
        "ambtelijk",
        "platform",
        False,
        "lid",
        "PPER: privacyvraagstukken met politie en partners.",
    ),
    (
        "Platform Veilig Ondernemen",
        "Veilig Ondernemen",
        "publiek_privaat",
        "platform",
        False,
        "lid",
        "Politie, justitie, gemeenten, brancheorganisaties en ondernemers.",
    ),
    (
        "Cybernetwerk ZHE",
        "Veilig Ondernemen",
        "publiek_privaat",
        "netwerk",
        False,
        "lid",
        "Cybercrimenetwerk Zuid-Hollandse Eilanden: publiek-private samenwerking tegen cybercriminaliteit.",
    ),
    (
        "Keurmerk Veilig Ondernemen",
        "Veilig Ondernemen",
        "publiek_privaat",
        "programma",
        False,
        "contactpersoon",
        "KVO-trajecten voor winkelgebieden en bedrijventerreinen.",
    ),
]

# name, kind — the partners the report names; every gemeente also gets its own organisation.
ORGANISATIONS = [
    ("VeiligheidsAlliantie regio Rotterdam", "samenwerkingsverband"),
    ("Politie Eenheid Rotterdam", "politie"),
    ("Openbaar Ministerie", "justitie"),
    ("RIEC Rotterdam", "samenwerkingsverband"),
    ("Zorg- en Veiligheidshuis Rotterdam-Rijnmond", "samenwerkingsverband"),
    ("Zorg- en Veiligheidshuis Zuid-Holland Zuid", "samenwerkingsverband"),
    ("Ministerie van Justitie en Veiligheid", "rijk"),
    ("NCTV", "rijk"),
    ("CCV", "kennisinstituut"),
    ("Trimbos-instituut", "kennisinstituut"),
    ("Halt", "zorg"),
    ("HackShield", "ondernemer"),
    ("Erasmus Universiteit Rotterdam", "onderwijs"),
    ("De Haagse Hogeschool", "onderwijs"),
    ("Hogeschool Saxion", "onderwijs"),
    ("BeHr-groep", "ondernemer"),
    ("Oumnia", "zorg"),
    ("Aedes (woningcorporaties)", "woningcorporatie"),
    ("Koninklijke Horeca Nederland", "brancheorganisatie"),
    ("MKB-Nederland", "brancheorganisatie"),
]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load_reference_data(apps) -> None:
    Region = apps.get_model("network", "Region")
    Gemeente = apps.get_model("network", "Gemeente")
    Theme = apps.get_model("network", "Theme")
    Network = apps.get_model("network", "Network")
    Organisation = apps.get_model("network", "Organisation")

    regions = {}
    for code, name in REGIONS:
        regions[code], _ = Region.objects.update_or_create(code=code, defaults={"name": name})

    gemeenten = {}
    for code, name, region, valid_from, valid_to, _successor, inhabitants, aliases in GEMEENTEN:
        gemeenten[code], _ = Gemeente.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "slug": slugify(name),
                "region": regions[region],
                "valid_from": _date(valid_from),
                "valid_to": _date(valid_to),
                "inhabitants": inhabitants,
                "aliases": aliases,
            },
        )
    for code, *_rest in GEMEENTEN:
        successor = _rest[4]
        if successor:
            Gemeente.objects.filter(code=code).update(successor=gemeenten[successor])

    themes = {}
    for position, (name, cluster) in enumerate(THEMES, start=1):
        themes[name], _ = Theme.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "cluster": cluster, "position": position}
        )

    for name, theme, level, kind, per_gemeente, default_role, description in NETWORKS:
        Network.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "theme": themes[theme],
                "level": level,
                "kind": kind,
                "per_gemeente": per_gemeente,
                "default_role": default_role,
                "description": description,
            },
        )

    for name, kind in ORGANISATIONS:
        Organisation.objects.update_or_create(slug=slugify(name), defaults={"name": name, "kind": kind})
    for gemeente in gemeenten.values():
        name = f"Gemeente {gemeente.name}"
        Organisation.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "kind": "gemeente", "gemeente": gemeente}
        )
