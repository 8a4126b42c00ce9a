"""Serialising writes that must not interleave: imports, and role changes in the same network.

Every writer that creates or ends roles locks the rows of the networks it touches (PostgreSQL: `SELECT … FOR
UPDATE`, held until the transaction ends), always in id order so two writers never wait for each other in a
circle. An import locks every network: the contacts it creates are shared by all networks, so two imports of the
same people into different networks must not both create them. On SQLite the transaction itself is the lock: it
begins IMMEDIATE (settings), so a second writer waits for the first to commit and then reads what it wrote.
"""

from collections.abc import Iterable

from django.db import transaction

from ..models import Network

CONCURRENT_CHANGE = "Iemand anders wijzigde deze gegevens tegelijk; er is niets opgeslagen. Probeer het opnieuw."


def networks_lock(*, network_ids: Iterable[int] | None = None) -> None:
    """Lock the networks (all of them when `network_ids` is None) until the current transaction ends.

    Returns None; one query. Must run inside a transaction (`transaction.atomic`); raises
    `TransactionManagementError` outside one.
    """
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("networks_lock() hoort binnen een transactie.")
    networks = Network.objects.select_for_update().order_by("pk")
    if network_ids is not None:
        networks = networks.filter(pk__in=sorted(set(network_ids)))
    list(networks.values_list("pk", flat=True))
