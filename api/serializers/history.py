"""The change history of one object, as the history action of a resource returns it."""

from rest_framework import serializers

from network.selectors.history import HISTORY_TYPES


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Naam van het veld, bijv. email")
    label = serializers.CharField(help_text="Naam van het veld zoals een gebruiker die kent, bijv. E-mailadres")
    old = serializers.CharField(allow_null=True, help_text="Waarde vóór de wijziging; null als het veld leeg was")
    new = serializers.CharField(allow_null=True, help_text="Waarde na de wijziging; null als het veld leeg werd")


class HistoryEntrySerializer(serializers.Serializer):
    date = serializers.DateTimeField(help_text="Moment van de wijziging")
    user = serializers.CharField(
        source="username", allow_null=True, help_text="Gebruikersnaam van wie wijzigde; null bij een systeemwijziging"
    )
    type = serializers.ChoiceField(
        choices=HISTORY_TYPES,
        help_text="Soort wijziging: aangemaakt, gewijzigd of verwijderd",
    )
    reason = serializers.CharField(help_text="Reden van de wijziging, leeg als er geen is opgegeven")
    changes = FieldChangeSerializer(
        many=True, help_text="Gewijzigde velden met oude en nieuwe waarde; leeg bij aanmaken en verwijderen"
    )
