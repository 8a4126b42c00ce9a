"""Examples in the OpenAPI documentation: realistic (fictional) registry data, so the docs read like the real thing."""

from drf_spectacular.utils import OpenApiExample

COVERAGE = OpenApiExample(
    "HackShield op 1 maart 2021",
    response_only=True,
    value={
        "network": {"id": 9, "slug": "hackshield", "name": "HackShield"},
        "date": "2021-03-01",
        "summary": {"covered": 10, "in_progress": 3, "declined": 1, "to_approach": 11},
        "gemeenten": [
            {
                "code": "GM0606",
                "name": "Schiedam",
                "region": "RR",
                "status": "covered",
                "contacts": [
                    {
                        "id": 31,
                        "contact": 17,
                        "full_name": "Anna de Vries",
                        "email": "a.devries@schiedam.example",
                        "phone": "010 246 1234",
                        "role": "contactpersoon",
                        "gemeente": "GM0606",
                        "start_date": "2020-09-01",
                        "end_date": None,
                    }
                ],
                "last_outreach": {
                    "id": 4,
                    "date": "2020-08-14",
                    "channel": "email",
                    "outcome": "Doet mee vanaf september",
                    "follow_up_date": None,
                    "by": {"id": 2, "username": "kim", "full_name": "Kim Kernteam"},
                },
                "next_follow_up": None,
                "leads": [],
            },
            {
                "code": "GM0622",
                "name": "Vlaardingen",
                "region": "RR",
                "status": "to_approach",
                "contacts": [],
                "last_outreach": None,
                "next_follow_up": None,
                "leads": [],
            },
        ],
    },
)

GEMEENTE_CONTACTS = OpenApiExample(
    "Schiedam op 1 maart 2021",
    response_only=True,
    value={
        "gemeente": {"id": 13, "code": "GM0606", "name": "Schiedam"},
        "date": "2021-03-01",
        "themes": [
            {
                "theme": {
                    "id": 15,
                    "slug": "mensenhandel",
                    "name": "Mensenhandel",
                    "cluster": "integriteit_en_veiligheid",
                },
                "networks": [
                    {
                        "network": {
                            "id": 1,
                            "slug": "aandachtsfunctionarissen-mensenhandel",
                            "name": "Aandachtsfunctionarissen mensenhandel",
                        },
                        "memberships": [
                            {
                                "id": 58,
                                "role": "aandachtsfunctionaris",
                                "start_date": "2019-05-01",
                                "end_date": None,
                                "verified_on": "2021-03-01",
                                "contact": {
                                    "id": 17,
                                    "first_name": "Jan",
                                    "tussenvoegsel": "van der",
                                    "last_name": "Berg",
                                    "full_name": "Jan van der Berg",
                                    "email": "j.vanderberg@schiedam.example",
                                    "phone": "010 246 5678",
                                    "mobile": "",
                                    "job_title": "Adviseur openbare orde en veiligheid",
                                    "organisation": {
                                        "id": 40,
                                        "slug": "gemeente-schiedam",
                                        "name": "Gemeente Schiedam",
                                    },
                                },
                            }
                        ],
                    }
                ],
            }
        ],
    },
)

CONTACT_CREATE = OpenApiExample(
    "Nieuwe contactpersoon",
    request_only=True,
    value={
        "first_name": "Jan",
        "tussenvoegsel": "van der",
        "last_name": "Berg",
        "email": "j.vanderberg@schiedam.example",
        "phone": "010 246 5678",
        "job_title": "Adviseur openbare orde en veiligheid",
        "organisation": "gemeente-schiedam",
    },
)

MEMBERSHIP_CREATE = OpenApiExample(
    "Aandachtsfunctionaris voor Schiedam",
    request_only=True,
    value={
        "contact": 17,
        "network": "aandachtsfunctionarissen-mensenhandel",
        "role": "aandachtsfunctionaris",
        "gemeente": "GM0606",
        "start_date": "2021-03-01",
    },
)

OUTREACH_CREATE = OpenApiExample(
    "Gebeld over HackShield",
    request_only=True,
    value={
        "gemeente": "GM0622",
        "network": "hackshield",
        "date": "2021-03-04",
        "channel": "telefoon",
        "outcome": "Interesse; stuurt voor 1 april een reactie",
        "follow_up_date": "2021-04-01",
    },
)

PARTICIPATION_CREATE = OpenApiExample(
    "Vlaardingen benaderd",
    request_only=True,
    value={"gemeente": "GM0622", "network": "hackshield", "status": "benaderd", "date": "2021-03-04", "note": ""},
)
