"""Production settings pass Django's deployment checklist, and every response carries the security headers."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_on_production_settings_has_no_warnings(tmp_path):
    # The browser tests allow async-unsafe calls in this process; a production server never has that set.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "p6Jx9-vQ2mTr8LzWc4Ny7Hb3Kd5Fs1Ga0Ue6Io2Ps9Rt4Yw8Qe3Zx7Cv1Bn5Mk",
        "DJANGO_ALLOWED_HOSTS": "netwerkregister.var.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", "DJANGO_ALLOWED_HOSTS": "x.example"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_content_security_policy_allows_no_inline_scripts(client, db):
    policy = client.get("/health/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


def test_no_template_of_the_project_has_an_inline_script_or_event_handler():
    """CSP blocks them, so one would be a broken page: scripts live in static files."""
    template_dirs = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    template_dirs += [p for p in ROOT.glob("*/templates") if ".venv" not in p.parts]
    offenders = []
    for folder in template_dirs:
        for template in folder.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text):
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_static_files_are_served_by_whitenoise_without_login(client, db):
    response = client.get("/static/admin/css/base.css")
    assert response.status_code == 200
    assert response.streaming  # a WhiteNoise file response, not a Django view
