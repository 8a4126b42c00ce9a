"""Events, attendees, invitations and the attendance import over the API (EVENTS.md)."""

from rest_framework import serializers

from network import selectors
from network.choices import AttendeeRole, AttendeeStatus, EventFormat, EventKind, EventStatus, Level, Role
from network.models import Attendee, Contact, Event, Gemeente, Network, Region, Theme


class CountsSerializer(serializers.Serializer):
    invited = serializers.IntegerField()
    registered = serializers.IntegerField()
    attended = serializers.IntegerField()
    no_show = serializers.IntegerField()
    cancelled = serializers.IntegerField()


class EventSerializer(serializers.ModelSerializer):
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    networks = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    co_organisers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    moved_to = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    counts = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id", "slug", "title", "kind", "date", "end_date", "start_time", "end_time", "format", "location",
            "status", "moved_to", "anonymous_audience", "themes", "networks", "co_organisers", "notes",
            "recording_url", "counts",
        ]  # fmt: skip

    def get_counts(self, event) -> CountsSerializer:
        return selectors.event_counts(event)


class EventDetailSerializer(EventSerializer):
    gemeenten = serializers.SerializerMethodField(help_text="CBS-codes van de gemeenten van de aanwezigen")

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "gemeenten"]

    def get_gemeenten(self, event) -> list[str]:
        return selectors.event_gemeente_codes(event=event)


class EventInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(EventKind.choices)
    date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)
    start_time = serializers.TimeField(required=False, allow_null=True)
    end_time = serializers.TimeField(required=False, allow_null=True)
    format = serializers.ChoiceField(EventFormat.choices, required=False)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    status = serializers.ChoiceField(EventStatus.choices, required=False)
    moved_to = serializers.SlugRelatedField(
        slug_field="slug", queryset=Event.objects.all(), required=False, allow_null=True
    )
    anonymous_audience = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    recording_url = serializers.URLField(required=False, allow_blank=True)
    themes = serializers.SlugRelatedField(slug_field="slug", queryset=Theme.objects.all(), many=True, required=False)
    networks = serializers.SlugRelatedField(
        slug_field="slug", queryset=Network.objects.all(), many=True, required=False
    )


class AttendeeSerializer(serializers.ModelSerializer):
    contact_name = serializers.CharField(source="contact.full_name", read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    organisation = serializers.StringRelatedField(read_only=True)
    source = serializers.CharField(read_only=True)

    class Meta:
        model = Attendee
        fields = ["id", "contact", "contact_name", "status", "role", "gemeente", "organisation", "minutes", "source"]


class AttendeeInputSerializer(serializers.Serializer):
    contact = serializers.PrimaryKeyRelatedField(queryset=Contact.objects.filter(anonymised_on__isnull=True))
    status = serializers.ChoiceField(AttendeeStatus.choices)
    role = serializers.ChoiceField(AttendeeRole.choices, required=False)


class InvitationInputSerializer(serializers.Serializer):
    networks = serializers.SlugRelatedField(
        slug_field="slug", queryset=Network.objects.all(), many=True, required=False
    )
    themes = serializers.SlugRelatedField(slug_field="slug", queryset=Theme.objects.all(), many=True, required=False)
    levels = serializers.ListField(child=serializers.ChoiceField(Level.choices), required=False)
    roles = serializers.ListField(child=serializers.ChoiceField(Role.choices), required=False)
    gemeenten = serializers.SlugRelatedField(
        slug_field="code", queryset=Gemeente.objects.all(), many=True, required=False
    )
    regions = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all(), many=True, required=False)
    dry_run = serializers.BooleanField(required=False, default=False)


class InvitationResultSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    invitees = serializers.IntegerField(help_text="Mensen in de selectie, ieder één keer, zonder bezwaar")
    added = serializers.IntegerField(help_text="Nieuw als uitgenodigd toegevoegd (bij dry_run: zou toevoegen)")
    objected = serializers.IntegerField(help_text="Weggelaten wegens bezwaar tegen mailings")
    contacts = serializers.ListField(child=serializers.IntegerField())
    bcc = serializers.CharField(help_text="De e-mailadressen gescheiden door '; ' voor BCC in Outlook")


class AttendanceImportRequestSerializer(serializers.Serializer):
    file = serializers.FileField()
    create_missing = serializers.BooleanField(required=False, default=False)
    dry_run = serializers.BooleanField(required=False, default=False)
    skip_organisers = serializers.BooleanField(required=False, default=False)


class AttendanceSummarySerializer(serializers.Serializer):
    file = serializers.CharField()
    event = serializers.CharField()
    dry_run = serializers.BooleanField()
    rows = serializers.IntegerField()
    attendees = serializers.DictField(child=serializers.IntegerField())
    contacts = serializers.DictField(child=serializers.IntegerField())
    unmatched = serializers.ListField(child=serializers.DictField())
    warnings = serializers.ListField(child=serializers.DictField())
    errors = serializers.ListField(child=serializers.DictField())
    batch = serializers.IntegerField(allow_null=True)
