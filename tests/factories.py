"""factory_boy factories. Reference data (regions, gemeenten, themes, networks) comes from the migration."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from accounts.models import NetworkCoordinator
from network.models import Contact, Gemeente, Membership, Network, Organisation, Outreach


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@var.example")
    password = factory.django.Password("geheim-wachtwoord-1")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"persoon{n}@gemeente.example")
    organisation = factory.SubFactory(OrganisationFactory)


def gemeente(code: str) -> Gemeente:
    return Gemeente.objects.get(code=code)


def network(slug: str) -> Network:
    return Network.objects.get(slug=slug)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    contact = factory.SubFactory(ContactFactory)
    network = factory.LazyFunction(lambda: network("aandachtsfunctionarissen-mensenhandel"))
    role = factory.LazyAttribute(lambda m: m.network.default_role)
    gemeente = factory.LazyFunction(lambda: gemeente("GM0606"))
    start_date = datetime.date(2021, 1, 1)
    verified_on = factory.LazyAttribute(lambda m: m.start_date)


class OutreachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outreach

    gemeente = factory.LazyFunction(lambda: gemeente("GM0606"))
    network = factory.LazyFunction(lambda: network("hackshield"))
    date = datetime.date(2021, 2, 1)
    channel = "email"
    outcome = "Gemaild"


def user_with_role(role: str | None, *, networks=(), username: str | None = None, **kwargs):
    """A user in one role group (None: logged in without a role); coordinators get `networks` assigned."""
    user = UserFactory(username=username or f"{(role or 'zonder-rol').replace('ö', 'o')}-gebruiker", **kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    for net in networks:
        NetworkCoordinator.objects.create(user=user, network=net)
    return user


# The network app's models, for granting a permission on each of them.
NETWORK_MODELS = [
    "region",
    "gemeente",
    "theme",
    "network",
    "organisation",
    "contact",
    "membership",
    "participation",
    "outreach",
    "importbatch",
]


def user_with(username: str, codenames: list[str]):
    """A user with exactly these model permissions of the network app (no role group)."""
    user = UserFactory(username=username)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="network", codename__in=codenames))
    return user
