"""One FilterSet per resource, shared by the API and the web pages.

Every foreign-key filter accepts the natural key (CBS code, slug) and `<name>_id`.
"""

import datetime

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.dates import InvalidDate, parse_registry_date

from .choices import Level, NetworkKind, OrganisationKind, OutreachChannel, ParticipationStatus, Role
from .models import (
    Contact,
    Gemeente,
    ImportBatch,
    Membership,
    Network,
    Organisation,
    Outreach,
    Participation,
    Region,
    Theme,
    active_on_q,
)


class RegistryDateFormField(forms.DateField):
    """A date as JJJJ-MM-DD within the registry's years, read by common.dates like every other date a client types."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_registry_date(value)
        except InvalidDate as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class DateFilter(filters.DateFilter):
    field_class = RegistryDateFormField


BOOLEAN_VALUES = {"", "true", "false", "1", "0", "True", "False", "unknown"}


class StrictNullBooleanSelect(forms.NullBooleanSelect):
    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if isinstance(value, str) and value not in BOOLEAN_VALUES:
            return value
        return super().value_from_datadict(data, files, name)


class StrictNullBooleanField(forms.NullBooleanField):
    """Yes, no or empty; anything else is an error rather than silently "no filter"."""

    widget = StrictNullBooleanSelect

    def to_python(self, value):
        if isinstance(value, str) and value not in BOOLEAN_VALUES:
            raise forms.ValidationError(_("Kies true of false."), code="invalid")
        return super().to_python(value)


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictNullBooleanField


class IdFilter(filters.NumberFilter):
    """A database id: a whole number within the range the database can hold (a larger one is an error, not a crash)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


def search_terms(value: str) -> list[str]:
    return [term for term in (value or "").split() if term]


class GemeenteFilterSet(filters.FilterSet):
    region = filters.CharFilter(field_name="region__code", lookup_expr="iexact", label=_("Veiligheidsregio (code)"))
    region_id = IdFilter(field_name="region_id", label=_("Veiligheidsregio (id)"))
    active_on = DateFilter(method="filter_active_on", label=_("Lid op datum"))
    search = filters.CharFilter(method="filter_search", label=_("Zoeken"))

    class Meta:
        model = Gemeente
        fields = ["region", "region_id", "active_on", "search"]

    def filter_active_on(self, queryset, name, value):
        return queryset.valid_on(value)

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(code__icontains=value))


class RegionFilterSet(filters.FilterSet):
    code = filters.CharFilter(field_name="code", lookup_expr="iexact", label=_("Code (RR of ZHZ)"))

    class Meta:
        model = Region
        fields = ["code"]


class ThemeFilterSet(filters.FilterSet):
    cluster = filters.CharFilter(field_name="cluster", label=_("Cluster"))

    class Meta:
        model = Theme
        fields = ["cluster"]


class NetworkFilterSet(filters.FilterSet):
    theme = filters.CharFilter(field_name="theme__slug", label=_("Thema (slug)"))
    theme_id = IdFilter(field_name="theme_id", label=_("Thema (id)"))
    level = filters.ChoiceFilter(choices=Level.choices, label=_("Niveau"))
    kind = filters.ChoiceFilter(choices=NetworkKind.choices, label=_("Soort"))
    per_gemeente = BooleanFilter(label=_("Per gemeente"))
    search = filters.CharFilter(method="filter_search", label=_("Zoeken"))

    class Meta:
        model = Network
        fields = ["theme", "theme_id", "level", "kind", "per_gemeente", "search"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class OrganisationFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=OrganisationKind.choices, label=_("Soort"))
    gemeente = filters.CharFilter(field_name="gemeente__code", lookup_expr="iexact", label=_("Gemeente (CBS-code)"))
    gemeente_id = IdFilter(field_name="gemeente_id", label=_("Gemeente (id)"))
    search = filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))

    class Meta:
        model = Organisation
        fields = ["kind", "gemeente", "gemeente_id", "search"]


class MembershipScopeMixin(filters.FilterSet):
    """Filters on a membership: gemeente, network, theme, level, role, region and the date it is active on."""

    gemeente = filters.CharFilter(method="filter_noop", label=_("Gemeente (CBS-code)"))
    gemeente_id = IdFilter(method="filter_noop", label=_("Gemeente (id)"))
    network = filters.CharFilter(method="filter_noop", label=_("Netwerk (slug)"))
    network_id = IdFilter(method="filter_noop", label=_("Netwerk (id)"))
    theme = filters.CharFilter(method="filter_noop", label=_("Thema (slug)"))
    level = filters.ChoiceFilter(choices=Level.choices, method="filter_noop", label=_("Niveau"))
    role = filters.ChoiceFilter(choices=Role.choices, method="filter_noop", label=_("Rol"))
    region = filters.CharFilter(method="filter_noop", label=_("Veiligheidsregio (code)"))
    active_on = DateFilter(method="filter_noop", label=_("Actief op datum"))

    # Codes are stored in capitals; comparing exactly (after upper-casing the value) lets the database
    # use the unique index on the code instead of testing every membership's gemeente.
    UPPERCASE = {"gemeente", "region"}
    MEMBERSHIP_LOOKUPS = {
        "gemeente": "gemeente__code",
        "gemeente_id": "gemeente_id",
        "network": "network__slug",
        "network_id": "network_id",
        "theme": "network__theme__slug",
        "level": "network__level",
        "role": "role",
        "region": "gemeente__region__code",
    }

    def filter_noop(self, queryset, name, value):
        # Applied together in membership_q(), so that all of them hold for one and the same membership.
        return queryset

    def membership_q(self, prefix: str = "") -> Q | None:
        data = self.form.cleaned_data
        q = Q()
        used = False
        for name, lookup in self.MEMBERSHIP_LOOKUPS.items():
            value = data.get(name)
            if name in self.UPPERCASE and isinstance(value, str):
                value = value.upper()
            if value not in (None, ""):
                q &= Q(**{prefix + lookup: value})
                used = True
        on = data.get("active_on")
        if on:
            q &= active_on_q(on, prefix=prefix)
            used = True
        return q if used else None


class ContactFilterSet(MembershipScopeMixin):
    organisation = filters.CharFilter(field_name="organisation__slug", label=_("Organisatie (slug)"))
    organisation_id = IdFilter(field_name="organisation_id", label=_("Organisatie (id)"))
    email = filters.CharFilter(field_name="email", lookup_expr="iexact", label=_("E-mailadres"))
    search = filters.CharFilter(method="filter_search", label=_("Zoeken (naam, e-mail, organisatie)"))

    class Meta:
        model = Contact
        fields = ["organisation", "organisation_id", "email", "search"]

    def filter_search(self, queryset, name, value):
        for term in search_terms(value):
            queryset = queryset.filter(
                Q(first_name__icontains=term)
                | Q(tussenvoegsel__icontains=term)
                | Q(last_name__icontains=term)
                | Q(email__icontains=term)
                | Q(job_title__icontains=term)
                | Q(organisation__name__icontains=term)
                | Q(pk__in=self.contacts_by_role_search(term))
            )
        return queryset

    @staticmethod
    def contacts_by_role_search(term: str):
        """Contacts found by a role they hold or held: "aandachtsfunctionaris Schiedam" finds the person."""
        return Membership.objects.filter(
            Q(gemeente__name__icontains=term) | Q(network__name__icontains=term) | Q(role__icontains=term)
        ).values("contact_id")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        q = self.membership_q()
        if q is not None:
            queryset = queryset.filter(pk__in=Membership.objects.filter(q).values("contact_id"))
        return queryset


class MembershipFilterSet(MembershipScopeMixin):
    contact_id = IdFilter(field_name="contact_id", label=_("Contactpersoon (id)"))
    organisation = filters.CharFilter(field_name="contact__organisation__slug", label=_("Organisatie (slug)"))
    active = BooleanFilter(method="filter_active", label=_("Nu actief"))
    search = filters.CharFilter(method="filter_search", label=_("Zoeken"))

    class Meta:
        model = Membership
        fields = ["contact_id", "organisation", "active", "search"]

    def filter_active(self, queryset, name, value):
        from django.utils import timezone

        today = timezone.localdate()
        return queryset.active_on(today) if value else queryset.exclude(pk__in=queryset.active_on(today).values("pk"))

    def filter_search(self, queryset, name, value):
        for term in search_terms(value):
            queryset = queryset.filter(
                Q(contact__first_name__icontains=term)
                | Q(contact__last_name__icontains=term)
                | Q(contact__email__icontains=term)
                | Q(network__name__icontains=term)
                | Q(gemeente__name__icontains=term)
            )
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        q = self.membership_q()
        return queryset.filter(q) if q is not None else queryset


class ParticipationFilterSet(filters.FilterSet):
    gemeente = filters.CharFilter(field_name="gemeente__code", lookup_expr="iexact", label=_("Gemeente (CBS-code)"))
    gemeente_id = IdFilter(field_name="gemeente_id", label=_("Gemeente (id)"))
    network = filters.CharFilter(field_name="network__slug", label=_("Netwerk (slug)"))
    network_id = IdFilter(field_name="network_id", label=_("Netwerk (id)"))
    region = filters.CharFilter(field_name="gemeente__region__code", lookup_expr="iexact", label=_("Regio"))
    status = filters.ChoiceFilter(choices=ParticipationStatus.choices, label=_("Status"))

    class Meta:
        model = Participation
        fields = ["gemeente", "gemeente_id", "network", "network_id", "region", "status"]


class OutreachFilterSet(filters.FilterSet):
    gemeente = filters.CharFilter(field_name="gemeente__code", lookup_expr="iexact", label=_("Gemeente (CBS-code)"))
    gemeente_id = IdFilter(field_name="gemeente_id", label=_("Gemeente (id)"))
    network = filters.CharFilter(field_name="network__slug", label=_("Netwerk (slug)"))
    network_id = IdFilter(field_name="network_id", label=_("Netwerk (id)"))
    region = filters.CharFilter(field_name="gemeente__region__code", lookup_expr="iexact", label=_("Regio"))
    channel = filters.ChoiceFilter(choices=OutreachChannel.choices, label=_("Kanaal"))
    user = filters.CharFilter(field_name="user__username", label=_("Door (gebruikersnaam)"))
    date_from = DateFilter(field_name="date", lookup_expr="gte", label=_("Vanaf datum"))
    date_to = DateFilter(field_name="date", lookup_expr="lte", label=_("Tot en met datum"))

    class Meta:
        model = Outreach
        fields = [
            "gemeente",
            "gemeente_id",
            "network",
            "network_id",
            "region",
            "channel",
            "user",
            "date_from",
            "date_to",
        ]


class ImportBatchFilterSet(filters.FilterSet):
    network = filters.CharFilter(field_name="network__slug", label=_("Netwerk (slug)"))
    network_id = IdFilter(field_name="network_id", label=_("Netwerk (id)"))
    user = filters.CharFilter(field_name="user__username", label=_("Door (gebruikersnaam)"))

    class Meta:
        model = ImportBatch
        fields = ["network", "network_id", "user", "status", "mode"]
