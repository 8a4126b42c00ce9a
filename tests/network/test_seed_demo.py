from django.core.management import call_command

from network.models import Contact, Membership, Outreach, ParticipationStatusChange


def counts():
    return (
        Contact.objects.count(),
        Contact.history.count(),
        Membership.objects.count(),
        Membership.history.count(),
        ParticipationStatusChange.objects.count(),
        Outreach.objects.count(),
    )


def test_seed_demo_twice_changes_nothing(db, capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first[0] > 40
    assert "gebruikersnaam 'demo'" in capsys.readouterr().out


def test_demo_contacts_are_marked_and_fictional(db):
    call_command("seed_demo")
    assert not Contact.objects.filter(is_demo=False).exists()
    assert all(email.endswith("@demo.example") for email in Contact.objects.values_list("email", flat=True))


def test_demo_login_works(client, db):
    call_command("seed_demo")
    from network.demo import DEMO_PASSWORD, DEMO_USERNAME

    assert client.login(username=DEMO_USERNAME, password=DEMO_PASSWORD)
