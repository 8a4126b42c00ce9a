"""docs/deploy.md's backup procedure works: pg_dump of a filled registry, pg_restore into an empty database,
the same rows in every table.

Needs a PostgreSQL server: the one DATABASE_URL points at, else 127.0.0.1:5432. Skips with a reason when no
server answers, except under CI=true, where it fails.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import environ
import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


def _server() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        config = environ.Env.db_url_config(url)
        return {
            "host": config.get("HOST") or "127.0.0.1",
            "port": str(config.get("PORT") or 5432),
            "user": config.get("USER") or "postgres",
            "password": config.get("PASSWORD") or "",
        }
    return {"host": "127.0.0.1", "port": "5432", "user": "postgres", "password": ""}


def _connect(server: dict, dbname: str = "postgres"):
    return psycopg.connect(
        host=server["host"],
        port=server["port"],
        user=server["user"],
        password=server["password"] or None,
        dbname=dbname,
        autocommit=True,
        connect_timeout=3,
    )


@pytest.fixture
def postgres():
    server = _server()
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    try:
        _connect(server).close()
        problem = f"{', '.join(missing)} ontbreekt" if missing else None
    except psycopg.OperationalError as exc:
        problem = f"geen PostgreSQL-server op {server['host']}:{server['port']} ({exc.__class__.__name__})"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Back-uptest kan niet draaien: {problem}")
        pytest.skip(f"Back-uptest overgeslagen: {problem}")
    return server


def _url(server: dict, dbname: str) -> str:
    auth = server["user"] + (f":{server['password']}" if server["password"] else "")
    return f"postgres://{auth}@{server['host']}:{server['port']}/{dbname}"


def _row_counts(server: dict, dbname: str) -> dict[str, int]:
    with _connect(server, dbname) as conn:
        tables = [
            row[0]
            for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ]
        count = sql.SQL("SELECT count(*) FROM {}")
        return {table: conn.execute(count.format(sql.Identifier(table))).fetchone()[0] for table in tables}


def test_pg_dump_and_pg_restore_give_back_the_same_registry(postgres, tmp_path):
    suffix = uuid.uuid4().hex[:8]
    source, target = f"var_backup_src_{suffix}", f"var_backup_dst_{suffix}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PGPASSWORD": postgres["password"],
        "PGCONNECT_TIMEOUT": "5",
    }
    pg_args = ["-h", postgres["host"], "-p", postgres["port"], "-U", postgres["user"]]
    with _connect(postgres) as conn:
        for name in (source, target):
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        fill_env = {**env, "DATABASE_URL": _url(postgres, source)}
        for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=fill_env, check=True)  # noqa: S603
        before = _row_counts(postgres, source)
        assert before["network_contact"] > 0
        assert before["network_membership"] > 0

        dump = tmp_path / "register.dump"
        subprocess.run(  # noqa: S603
            [shutil.which("pg_dump"), *pg_args, "--format=custom", "--no-owner", f"--file={dump}", source],
            env=env,
            check=True,
        )
        subprocess.run(  # noqa: S603
            [shutil.which("pg_restore"), *pg_args, "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump)],
            env=env,
            check=True,
        )

        assert _row_counts(postgres, target) == before
        check = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--check"],
            cwd=ROOT,
            env={**env, "DATABASE_URL": _url(postgres, target)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        with _connect(postgres) as conn:
            for name in (source, target):
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
