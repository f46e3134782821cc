import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_production_import(**env):
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import preventiezoeker.settings.production"],
        cwd=ROOT, env={**base_env, **env}, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("env", "melding"),
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "kort"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_half_configured(env, melding):
    result = run_production_import(**env)
    assert result.returncode != 0
    assert melding in result.stderr


def test_production_starts_when_configured():
    result = run_production_import(
        DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="preventiezoeker.example.org"
    )
    assert result.returncode == 0, result.stderr


def test_base_settings_are_secure_by_default():
    from preventiezoeker.settings import base

    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "nl" and base.TIME_ZONE == "Europe/Brussels"
    assert base.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in base.SQLITE_OPTIONS["init_command"]


def test_another_mail_backend_sends_without_smtp_options():
    """DJANGO_EMAIL_BACKEND=console (a staging server) must send, not refuse host/port."""
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = (
        "import django; django.setup()\n"
        "from django.core.mail import send_mail\n"
        "print('verstuurd', send_mail('Onderwerp', 'Tekst', 'a@example.org', ['b@example.org']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**base_env, "DJANGO_SETTINGS_MODULE": "preventiezoeker.settings.production",
             "DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "preventiezoeker.example.org",
             "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "verstuurd 1" in result.stdout and "Subject: Onderwerp" in result.stdout
