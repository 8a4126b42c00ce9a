"""The token endpoint: partners' systems and scripts trade a username and password for an API token."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from ..schema import PublicAutoSchema
from ..serializers.strict import StrictJSONSerializer


class TokenRequestSerializer(StrictJSONSerializer, AuthTokenSerializer):
    pass


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True, help_text="Stuur mee als `Authorization: Token <token>`")


class ObtainTokenView(ObtainAuthToken):
    schema = PublicAutoSchema()
    serializer_class = TokenRequestSerializer

    @extend_schema(
        summary="API-token ophalen",
        description="Geeft het API-token van de gebruiker (en maakt het aan als het er nog niet is). Onjuiste "
        "gegevens geven 400.",
        auth=[],
        responses={200: TokenSerializer},
        examples=[
            OpenApiExample("Inloggen", value={"username": "kernteamlid", "password": "…"}, request_only=True),
            OpenApiExample("Token", value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"}, response_only=True),
        ],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
