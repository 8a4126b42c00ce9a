"""The number of queries an import makes does not grow with the number of rows."""

import datetime

import pytest

from network import services
from network.importing import ImportOptions, run_import
from network.services.imports import RESULT_CHUNK
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from tests.factories import gemeente as gemeente_of
from tests.helpers import csv_bytes

D = datetime.date
GEMEENTEN = ["GM0606", "GM0599", "GM0622", "GM0502", "GM0505"]

# In one transaction (its savepoint and release) under the networks' lock (one): five to load the registry
# (gemeenten, networks, organisations, contacts, roles), one for an earlier import of the same file, one for
# the roles a sync ends (with their contact, for the preview), the batch, new organisations, new contacts
# (insert, read back their ids, copy to history), changed contacts and their history, new roles (the same
# three), verified roles and ended roles (each an update and a history copy), the batch's counts and its result
# rows (one INSERT per RESULT_CHUNK rows, so one for both sizes) — and the two reads of the actor's permissions for
# the import permission check.
PINNED_QUERIES = 28


def mixed_list(size: int, network) -> bytes:
    """Half the rows are people the registry knows (some changed, with a role), half are new."""
    rows = [["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Functie", "Organisatie", "Gemeente", "Startdatum"]]
    organisation = OrganisationFactory(name="Bestaande Organisatie", slug="bestaande-organisatie")
    for n in range(size):
        code = GEMEENTEN[n % len(GEMEENTEN)]
        email = f"persoon{n}@lijst.example"
        if n % 2:
            contact = ContactFactory(first_name=f"Voor{n}", last_name=f"Achter{n}", email=email, job_title="oud")
            if n % 4 == 1:
                MembershipFactory(
                    contact=contact, network=network, gemeente=gemeente_of(code), verified_on=D(2020, 1, 1)
                )
        organisation_name = organisation.name if n % 3 else f"Nieuwe Organisatie {n % 7}"
        rows.append(
            [f"Voor{n}", "van" if n % 5 == 0 else "", f"Achter{n}", email, "nieuw", organisation_name, code, ""]
        )
    for n in range(size // 10):
        MembershipFactory(network=network, contact__email=f"vertrokken{n}@lijst.example")
    return csv_bytes(rows)


@pytest.mark.parametrize("size", [50, 500])
def test_a_50_and_a_500_row_import_make_the_same_number_of_queries(db, afm, actor, size, django_assert_num_queries):
    data = mixed_list(size, afm)
    options = ImportOptions(network=afm, as_of=D(2021, 3, 1), sync=True)

    with django_assert_num_queries(PINNED_QUERIES):
        result = run_import(actor=actor, file=data, file_name="lijst.csv", options=options)

    assert result.exit_code == 0, result.summary["errors"][:3]
    assert result.summary["contacts"]["new"] == size // 2
    assert result.summary["contacts"]["updated"] == size // 2
    assert result.summary["memberships"]["ended"] > 0
    assert result.summary["memberships"]["unchanged"] == len(range(1, size, 4))
    assert result.batch.rows.count() == size < RESULT_CHUNK


# Undo: the networks' lock and the batch (with its savepoint), later batches, the batch's roles (history copy and
# delete), the roles and the contacts it changed (a check for later changes, one UPDATE from history, one history
# copy, each), the contactmomenten of contacts that go, those contacts (history copy and delete), the organisations
# it created and no contact names (one delete), the batch itself — and the two reads of the actor's permissions.
PINNED_UNDO_QUERIES = 20


@pytest.mark.parametrize("size", [10, 100])
def test_undo_of_a_10_and_a_100_row_import_make_the_same_number_of_queries(
    db, afm, actor, size, registry_dump, django_assert_num_queries
):
    data = mixed_list(size, afm)
    before = registry_dump()
    options = ImportOptions(network=afm, as_of=D(2021, 3, 1), sync=True)
    batch = run_import(actor=actor, file=data, file_name="lijst.csv", options=options).batch
    actor = type(actor).objects.get(pk=actor.pk)  # a fresh actor: its permissions are read again

    with django_assert_num_queries(PINNED_UNDO_QUERIES):
        services.import_undo(actor=actor, batch=batch)

    assert registry_dump() == before
