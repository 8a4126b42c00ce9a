"""Pressing "Opslaan" on an admin change page without changing anything writes no history row (issue 11)."""

import pytest
from django.urls import reverse

from network.models import Contact, Membership, Network
from tests.factories import network


def unchanged_post_data(page) -> dict:
    """The change page's form (and inline forms) posted back exactly as shown."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {"_save": "Opslaan"}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)
    return data


@pytest.mark.parametrize(
    ("model", "obj"),
    [
        (Network, lambda jan: network("hackshield")),
        (Contact, lambda jan: jan),
        (Membership, lambda jan: jan.memberships.first()),
    ],
)
def test_an_unchanged_admin_save_writes_no_history(admin_client, registry, model, obj):
    instance = obj(registry)
    url = reverse(f"admin:network_{model._meta.model_name}_change", args=[instance.pk])
    before = model.history.filter(id=instance.pk).count()
    response = admin_client.post(url, unchanged_post_data(admin_client.get(url)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert model.history.filter(id=instance.pk).count() == before
