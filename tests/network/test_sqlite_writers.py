"""SQLite with the project's settings: a second writer waits for the first instead of failing "database is locked"."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite options (transaction_mode, timeout) only apply to SQLite"
)

ALIAS = "second_writer_test"


@pytest.fixture
def file_database(django_db_blocker, tmp_path):
    """A file database (two connections share it, unlike the test's in-memory one) with the default's options.

    Outside the test database and its test case, so that two threads may each open their own connection.
    """
    connections.settings[ALIAS] = {**connections.settings["default"], "NAME": str(tmp_path / "writers.sqlite3")}
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE seen (n integer)")
        yield ALIAS
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def test_two_writers_that_read_first_both_succeed_one_after_the_other(file_database):
    """Deferred transactions that read and then write fail at once ("database is locked": neither can wait for
    the other); the project's transactions take the write lock when they begin, so the second one waits."""
    first_holds_lock = threading.Event()
    outcomes: dict[str, object] = {}

    def writer(name: str, pause: float):
        try:
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM seen")
                seen = cursor.fetchone()[0]
                if name == "first":
                    first_holds_lock.set()
                time.sleep(pause)
                cursor.execute("INSERT INTO seen VALUES (%s)", [seen])
            outcomes[name] = seen
        except Exception as error:  # the assertion below names any failure
            outcomes[name] = error
        finally:
            first_holds_lock.set()
            connections[ALIAS].close()

    first = threading.Thread(target=writer, args=("first", 0.5))
    first.start()
    first_holds_lock.wait(timeout=10)
    second = threading.Thread(target=writer, args=("second", 0))
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)

    # The second writer read only after the first had committed: it saw the first's row.
    assert outcomes == {"first": 0, "second": 1}
