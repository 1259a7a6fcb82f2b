import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "shop.settings.production",
    "SECRET_KEY": "q8#Zt1-vX9@pLw3!mN7^rB2&kY5*eH0(uJ4)sD6_fG8+cV1=aQ3~oI9",
    "ALLOWED_HOSTS": "ocop.example.vn",
    "DATABASE_URL": "sqlite:///:memory:",
    "OCOP_OPERATOR_TAX_CODE": "0109999999",
    "OCOP_OPERATOR_ADDRESS": "Số 1 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai",
}


def _manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.django_db
def test_tests_run_against_postgresql():
    assert connection.vendor == "postgresql"


def test_system_check_passes():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, interactive=False)


def test_production_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "operator, expected",
    [
        ({"OCOP_OPERATOR_TAX_CODE": ""}, "ocop.W001"),
        ({"OCOP_OPERATOR_TAX_CODE": "01-0999"}, "ocop.E001"),
        ({"OCOP_OPERATOR_ADDRESS": ""}, "ocop.W002"),
    ],
)
def test_check_deploy_asks_for_the_platform_operators_tax_identity(operator, expected):
    """Vouchers and the withholding declaration carry the operator's tax code and address (Decree 117/2025)."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION_ENV, **operator})
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


def test_production_refuses_debug():
    result = _manage("check", **{**PRODUCTION_ENV, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


@pytest.mark.parametrize("secret", ["", "insecure-dev-key-do-not-use-in-production", "short-key"])
def test_production_refuses_insecure_secret_keys(secret):
    result = _manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_requires_allowed_hosts():
    result = _manage("check", **{**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_server_error_mails_go_to_the_administrators_named_in_the_environment():
    env = {**PRODUCTION_ENV, "OCOP_ADMINS": "Quản trị <qt@example.vn>, b@example.vn, ,"}
    result = _manage("shell", "-c", "from django.conf import settings; print(settings.ADMINS)", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[('Quản trị', 'qt@example.vn'), ('', 'b@example.vn')]"
