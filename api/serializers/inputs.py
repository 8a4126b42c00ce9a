"""What clients send: plain serializers whose validated data is passed to a service as keyword arguments.

Related objects are named by their natural key (CBS code, slug) or, for contacts, by id.
"""

from rest_framework import serializers

from network.choices import OrganisationKind, OutreachChannel, ParticipationStatus, Role
from network.models import Contact, Gemeente, Network, Organisation

from .strict import RegistryDateField, StrictJSONSerializer


def gemeente_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Gemeente.objects.all(), help_text="CBS-code van de gemeente, bijv. GM0599", **kwargs
    )


def network_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=Network.objects.all(), help_text="Slug van het netwerk, bijv. hackshield", **kwargs
    )


def contact_field(**kwargs):
    return serializers.PrimaryKeyRelatedField(queryset=Contact.objects.all(), **kwargs)


class ContactInputSerializer(StrictJSONSerializer):
    titles = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text="Aanhef/titulatuur, bijv. Mevr. drs. of Burgemeester",
    )
    first_name = serializers.CharField(max_length=100, required=False, allow_blank=True, help_text="Voornaam")
    tussenvoegsel = serializers.CharField(
        max_length=30, required=False, allow_blank=True, help_text="Tussenvoegsel, bijv. van der"
    )
    last_name = serializers.CharField(max_length=150, help_text="Achternaam (verplicht)")
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, help_text="Zakelijk e-mailadres")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="Telefoonnummer")
    mobile = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="Mobiel nummer")
    job_title = serializers.CharField(max_length=200, required=False, allow_blank=True, help_text="Functie")
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug van de organisatie",
    )
    notes = serializers.CharField(required=False, allow_blank=True, help_text="Opmerkingen")


class MembershipCreateSerializer(StrictJSONSerializer):
    contact = contact_field(help_text="Id van de contactpersoon")
    network = network_field()
    role = serializers.ChoiceField(
        choices=Role.choices, required=False, help_text="Rol; leeg: de standaardrol van het netwerk"
    )
    gemeente = gemeente_field(required=False, allow_null=True)
    start_date = RegistryDateField(help_text="Eerste dag in de rol")
    end_date = RegistryDateField(required=False, allow_null=True, help_text="Laatste dag in de rol, als bekend")
    notes = serializers.CharField(required=False, allow_blank=True, help_text="Opmerkingen")


class MembershipUpdateSerializer(StrictJSONSerializer):
    role = serializers.ChoiceField(choices=Role.choices, required=False, help_text="Rol")
    gemeente = gemeente_field(required=False, allow_null=True)
    start_date = RegistryDateField(required=False, help_text="Eerste dag in de rol")
    end_date = RegistryDateField(required=False, allow_null=True, help_text="Laatste dag in de rol")
    notes = serializers.CharField(required=False, allow_blank=True, help_text="Opmerkingen")


class MembershipEndSerializer(StrictJSONSerializer):
    end_date = RegistryDateField(help_text="Laatste dag in de rol")


class MembershipHandoverSerializer(StrictJSONSerializer):
    successor = contact_field(help_text="Id van de contactpersoon die de rol overneemt")
    date = RegistryDateField(help_text="Eerste dag van de opvolger; de huidige rolhouder stopt de dag ervoor")
    role = serializers.ChoiceField(
        choices=Role.choices, required=False, help_text="Rol van de opvolger; leeg: dezelfde rol"
    )


class ParticipationStatusSerializer(StrictJSONSerializer):
    status = serializers.ChoiceField(choices=ParticipationStatus.choices, help_text="Nieuwe status")
    date = RegistryDateField(help_text="Datum van de statuswijziging")
    note = serializers.CharField(required=False, allow_blank=True, help_text="Toelichting")


class ParticipationCreateSerializer(ParticipationStatusSerializer):
    gemeente = gemeente_field()
    network = network_field()


class OutreachInputSerializer(StrictJSONSerializer):
    gemeente = gemeente_field()
    network = network_field()
    date = RegistryDateField(help_text="Datum van het contactmoment")
    channel = serializers.ChoiceField(choices=OutreachChannel.choices, help_text="Kanaal")
    outcome = serializers.CharField(required=False, allow_blank=True, help_text="Uitkomst")
    follow_up_date = RegistryDateField(required=False, allow_null=True, help_text="Datum van de vervolgactie")
    contact = contact_field(required=False, allow_null=True, help_text="Id van de contactpersoon die is gesproken")
    status = serializers.ChoiceField(
        choices=ParticipationStatus.choices,
        required=False,
        allow_blank=True,
        help_text="Deelnamestatus waartoe het contact leidde; samen met het contactmoment vastgelegd (optioneel)",
    )


class OrganisationInputSerializer(StrictJSONSerializer):
    name = serializers.CharField(max_length=200, help_text="Naam van de organisatie")
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, required=False, help_text="Soort organisatie")
    gemeente = gemeente_field(required=False, allow_null=True)
