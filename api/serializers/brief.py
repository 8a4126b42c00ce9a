"""Small representations of related objects, nested in the full ones (NetBox's "brief" serializers)."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from network.models import Contact, Gemeente, Network, Organisation, Region, Theme


class BriefRegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name"]


class BriefGemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "code", "name"]


class BriefThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "slug", "name"]


class BriefNetworkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Network
        fields = ["id", "slug", "name"]


class BriefOrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "slug", "name"]


class BriefContactSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True, help_text="Voornaam, tussenvoegsel en achternaam")

    class Meta:
        model = Contact
        fields = ["id", "full_name", "email"]


class BriefUserSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="get_full_name", read_only=True, help_text="Volledige naam")

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "full_name"]
