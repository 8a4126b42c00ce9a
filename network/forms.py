"""Forms of the web interface. They only parse and check input; the writes are the services'."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .choices import OutreachChannel, ParticipationStatus, Role
from .importing import ImportOptions
from .models import Contact, Gemeente, Network, Organisation
from .services import CONTACT_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's Dutch ValidationError/ConflictError on the form field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            messages = [message for e in errors for message in e.messages]
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ContactChoiceField(forms.ModelChoiceField):
    """A contact picked by id; the page offers a search that fills in the choices."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Contact.objects.select_related("organisation"))
        kwargs.setdefault("error_messages", {"invalid_choice": "Kies een contactpersoon uit de zoekresultaten."})
        super().__init__(**kwargs)


class MembershipAddForm(forms.Form):
    contact = ContactChoiceField(label="Contactpersoon")
    role = forms.ChoiceField(label="Rol", choices=Role.choices)
    gemeente = forms.ModelChoiceField(
        label="Namens gemeente", queryset=Gemeente.objects.order_by("name"), required=False, empty_label="(geen)"
    )
    start = forms.DateField(label="Startdatum", widget=DateInput())

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = network.default_role
        self.fields["start"].initial = timezone.localdate()
        if network.per_gemeente:
            self.fields["gemeente"].required = True


class ContactRoleForm(forms.Form):
    """A role for a known contact: the network is chosen here instead of the person."""

    network = forms.ModelChoiceField(label="Netwerk", queryset=Network.objects.order_by("name"))
    role = forms.ChoiceField(label="Rol", choices=Role.choices)
    gemeente = forms.ModelChoiceField(
        label="Namens gemeente", queryset=Gemeente.objects.order_by("name"), required=False, empty_label="(geen)"
    )
    start = forms.DateField(label="Startdatum", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        network = data.get("network")
        if network and network.per_gemeente and not data.get("gemeente"):
            self.add_error("gemeente", f"In {network} vertegenwoordigt elk lid een gemeente; kies de gemeente.")
        return data


class MembershipEndForm(forms.Form):
    end = forms.DateField(label="Laatste dag in de rol", widget=DateInput())


class HandoverForm(forms.Form):
    successor = ContactChoiceField(label="Opvolger")
    on = forms.DateField(
        label="Overdrachtsdatum",
        widget=DateInput(),
        help_text="De eerste dag van de opvolger; de huidige rolhouder stopt een dag eerder.",
    )


class OutreachForm(forms.Form):
    date = forms.DateField(label="Datum", widget=DateInput())
    channel = forms.ChoiceField(label="Kanaal", choices=OutreachChannel.choices)
    outcome = forms.CharField(label="Uitkomst", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up_date = forms.DateField(label="Vervolgactie op", required=False, widget=DateInput())
    status = forms.ChoiceField(
        label="Deelnamestatus per deze datum",
        required=False,
        choices=[("", "(ongewijzigd)"), *ParticipationStatus.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class ContactForm(forms.Form):
    titles = forms.CharField(
        label="Aanhef/titulatuur", required=False, max_length=100, help_text="Bijv. Mevr. drs., Burgemeester, MSc"
    )
    first_name = forms.CharField(label="Voornaam", required=False, max_length=100)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", required=False, max_length=30)
    last_name = forms.CharField(label="Achternaam", max_length=150)
    email = forms.CharField(label="E-mailadres", required=False, max_length=254)
    phone = forms.CharField(label="Telefoon", required=False, max_length=40)
    mobile = forms.CharField(label="Mobiel", required=False, max_length=40)
    job_title = forms.CharField(label="Functie", required=False, max_length=200)
    organisation = forms.ModelChoiceField(
        label="Organisatie", queryset=Organisation.objects.order_by("name"), required=False, empty_label="(geen)"
    )
    notes = forms.CharField(label="Opmerkingen", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    @classmethod
    def for_contact(cls, contact: Contact, data=None):
        initial = {name: getattr(contact, name) for name in cls.base_fields}
        return cls(data, initial=initial)


# Merging offers a choice for every field a contact has.
MERGE_FIELDS = CONTACT_FIELDS


class MergeForm(forms.Form):
    """Per field, whose value the kept contact gets: its own or the duplicate's."""

    def __init__(self, *args, keep: Contact, duplicate: Contact, **kwargs):
        super().__init__(*args, **kwargs)
        self.keep, self.duplicate = keep, duplicate
        self.rows = []
        for name in MERGE_FIELDS:
            field = Contact._meta.get_field(name)
            mine, theirs = getattr(keep, name), getattr(duplicate, name)
            self.fields[name] = forms.ChoiceField(
                label=str(field.verbose_name).capitalize(),
                choices=[("keep", str(mine or "—")), ("duplicate", str(theirs or "—"))],
                initial="keep" if mine or not theirs else "duplicate",
                widget=forms.RadioSelect,
                # A field the page did not offer (added since it was opened) keeps the kept contact's value.
                required=False,
            )
            self.rows.append((self[name], mine, theirs, mine != theirs))

    def values(self) -> dict:
        return {
            name: getattr(self.duplicate if self.cleaned_data[name] == "duplicate" else self.keep, name)
            for name in MERGE_FIELDS
        }


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Bestand", help_text="Excel (.xlsx, .xls), OpenDocument (.ods) of CSV zoals Excel die opslaat."
    )
    network = forms.ModelChoiceField(
        label="Netwerk",
        queryset=Network.objects.order_by("name"),
        required=False,
        empty_label="(uit de kolom 'netwerk' van het bestand)",
    )
    as_of = forms.DateField(label="Stand per", required=False, widget=DateInput(), help_text="Leeg: vandaag.")
    sheet = forms.CharField(
        label="Werkblad",
        required=False,
        max_length=100,
        help_text="Leeg: het werkblad waarop het bestand opent (of het eerste andere zichtbare met een lijst).",
    )
    sync = forms.BooleanField(
        label="Synchroniseren: rollen in dit netwerk die niet op de lijst staan beëindigen", required=False
    )
    skip_invalid = forms.BooleanField(label="Rijen met fouten overslaan en de rest importeren", required=False)

    def clean(self):
        data = super().clean()
        options = ImportOptions(
            network=data.get("network"),
            as_of=data.get("as_of"),
            sync=bool(data.get("sync")),
            skip_invalid=bool(data.get("skip_invalid")),
        )
        try:
            options.clean(sync_needs_network=True)
        except ValidationError as error:
            add_service_errors(self, error)
        return data
