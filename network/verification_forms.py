"""Forms of the personal verification page and the review queue. They parse input; the services write."""

from dataclasses import dataclass

from django import forms

from .forms import DateInput
from .models import Contact, Membership
from .services import RoleAnswer

OK, STOPPED = "ok", "stopped"


@dataclass(frozen=True)
class RoleRow:
    """One role on the page with its four fields, for the template."""

    membership: Membership
    answer: forms.BoundField
    end: forms.BoundField
    successor_name: forms.BoundField
    successor_email: forms.BoundField


class VerificationForm(forms.Form):
    """Per active role "klopt" or "klopt niet meer" (with a date and optionally a successor), and the person's
    work details, prefilled with what the register holds."""

    job_title = forms.CharField(label="Functie", required=False, max_length=200)
    organisation = forms.CharField(label="Organisatie", required=False, max_length=200)
    phone = forms.CharField(label="Telefoon", required=False, max_length=40)
    mobile = forms.CharField(label="Mobiel", required=False, max_length=40)

    def __init__(self, *args, contact: Contact, roles: list[Membership], **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "job_title": contact.job_title,
                "organisation": contact.organisation.name if contact.organisation_id else "",
                "phone": contact.phone,
                "mobile": contact.mobile,
            },
        )
        super().__init__(*args, **kwargs)
        self.roles = roles
        for m in roles:
            self.fields[f"answer_{m.pk}"] = forms.ChoiceField(
                label=f"{m.get_role_display()} in {m.network}",
                choices=[(OK, "Klopt"), (STOPPED, "Klopt niet meer")],
                widget=forms.RadioSelect,
                initial=OK,
            )
            self.fields[f"end_{m.pk}"] = forms.DateField(label="Gestopt op", required=False, widget=DateInput())
            self.fields[f"successor_name_{m.pk}"] = forms.CharField(
                label="Naam van uw opvolger (als u die weet)", required=False, max_length=200
            )
            self.fields[f"successor_email_{m.pk}"] = forms.EmailField(
                label="E-mailadres van uw opvolger", required=False
            )

    @property
    def role_rows(self) -> list[RoleRow]:
        return [
            RoleRow(
                m,
                self[f"answer_{m.pk}"],
                self[f"end_{m.pk}"],
                self[f"successor_name_{m.pk}"],
                self[f"successor_email_{m.pk}"],
            )
            for m in self.roles
        ]

    def clean(self):
        data = super().clean()
        for m in self.roles:
            if data.get(f"answer_{m.pk}") == STOPPED and not data.get(f"end_{m.pk}"):
                self.add_error(f"end_{m.pk}", "Geef de datum waarop u met deze rol gestopt bent.")
        return data

    def role_answers(self) -> list[RoleAnswer]:
        data = self.cleaned_data
        return [
            RoleAnswer(
                membership=m,
                ok=data[f"answer_{m.pk}"] == OK,
                end_date=data.get(f"end_{m.pk}"),
                successor_name=data.get(f"successor_name_{m.pk}", ""),
                successor_email=data.get(f"successor_email_{m.pk}", ""),
            )
            for m in self.roles
        ]

    def details(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in ("job_title", "organisation", "phone", "mobile")}


class RejectForm(forms.Form):
    reason = forms.CharField(label="Reden van afwijzing", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
