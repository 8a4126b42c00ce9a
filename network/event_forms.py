"""Forms of the events pages: the invitation selection and the attendance upload. Writes are the services'."""

from django import forms

from .choices import Level, Role
from .models import Gemeente, Network, Region, Theme


class InvitationForm(forms.Form):
    """A selection (EVENTS.md): empty criteria mean any; the event's date decides who has an active role."""

    networks = forms.ModelMultipleChoiceField(
        label="Netwerken", queryset=Network.objects.order_by("name"), required=False
    )
    themes = forms.ModelMultipleChoiceField(label="Thema's", queryset=Theme.objects.all(), required=False)
    levels = forms.MultipleChoiceField(label="Niveaus", choices=Level.choices, required=False)
    roles = forms.MultipleChoiceField(label="Rollen", choices=Role.choices, required=False)
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeenten", queryset=Gemeente.objects.order_by("name"), required=False
    )
    regions = forms.ModelMultipleChoiceField(label="Veiligheidsregio's", queryset=Region.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in self.fields):
            raise forms.ValidationError("Kies ten minste één netwerk, thema, niveau, rol, gemeente of regio.")
        return data


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label="Bestand",
        help_text="Aanmeldlijst (.xlsx, .xls, .ods, .csv), Teams-aanwezigheidsrapport of Zoom-rapport (.csv)",
    )
    skip_organisers = forms.BooleanField(label="Organisatoren weglaten", required=False)
