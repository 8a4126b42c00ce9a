"""The token endpoint: partners' systems and scripts trade a username and password for an API token.

A user who must confirm logins with a code (their role needs the second factor under `OTP_REQUIRED_FOR_ROLES`,
or they linked an authenticator app) also sends the current TOTP code in `otp`: a token opens the same
data as a login, so it asks for the same proof. A wrong code counts as a failed login (django-axes).
"""

from django.contrib.auth.signals import user_login_failed
from django_otp import match_token
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from accounts.middleware import needs_second_factor

from ..schema import ERRORS, PublicAutoSchema
from ..serializers.strict import StrictJSONSerializer

OTP_MISSING = (
    "Uw account vraagt tweestapsverificatie: stuur ook de code uit uw authenticator-app mee in het veld `otp`. "
    "Nog geen app gekoppeld? Log eerst in op de website om er een in te stellen."
)
OTP_WRONG = "De verificatiecode klopt niet of is verlopen."


class TokenRequestSerializer(StrictJSONSerializer, AuthTokenSerializer):
    otp = serializers.CharField(
        required=False,
        max_length=16,
        help_text="Verificatiecode (6 cijfers) uit de authenticator-app; verplicht voor wie met een code inlogt "
        "(in productie beheerder en kernteam)",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = attrs["user"]
        if not needs_second_factor(user):
            return attrs
        code = attrs.get("otp", "").strip()
        if not code:
            raise serializers.ValidationError({"otp": [OTP_MISSING]}, code="otp_required")
        if match_token(user, code) is None:
            request = self.context.get("request")
            user_login_failed.send(sender=type(self), credentials={"username": attrs["username"]}, request=request)
            raise serializers.ValidationError({"otp": [OTP_WRONG]}, code="otp_wrong")
        return attrs


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True, help_text="Stuur mee als `Authorization: Token <token>`")


class ObtainTokenView(ObtainAuthToken):
    schema = PublicAutoSchema()
    serializer_class = TokenRequestSerializer

    @extend_schema(
        summary="API-token ophalen",
        description="Geeft het API-token van de gebruiker (en maakt het aan als het er nog niet is). Wie met een "
        "verificatiecode inlogt (in productie beheerder en kernteam) stuurt de actuele code mee in `otp`. "
        "Onjuiste gegevens of een ontbrekende of onjuiste code geven 400; na te veel mislukte pogingen is het "
        "account een tijd geblokkeerd (429).",
        auth=[],
        responses={
            200: TokenSerializer,
            400: ERRORS["400"],
            429: OpenApiResponse(ERRORS["400"].response, description="Te veel mislukte inlogpogingen"),
        },
        examples=[
            OpenApiExample("Inloggen", value={"username": "kernteamlid", "password": "…"}, request_only=True),
            OpenApiExample(
                "Inloggen met code",
                value={"username": "kernteamlid", "password": "…", "otp": "123456"},
                request_only=True,
            ),
            OpenApiExample("Token", value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"}, response_only=True),
        ],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
