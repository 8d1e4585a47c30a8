import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from samskap.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_content_security_policy_forbids_inline_scripts_and_styles(client):
    csp = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in csp
    assert directives["frame-ancestors"] == "'none'"


def test_pages_carry_the_security_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_contain_no_inline_script_or_style():
    for template in list(ROOT.glob("templates/**/*.html")) + list(ROOT.glob("samskap/*/templates/**/*.html")):
        text = template.read_text()
        for line in text.splitlines():
            if "<script" in line:
                assert 'src="' in line, f"inline script in {template}"
        assert " style=" not in text, f"inline style in {template}"
        assert "onclick=" not in text and "onchange=" not in text, f"inline handler in {template}"


def test_passwords_are_hashed_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_forms_are_refused_without_a_csrf_token(member):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 403


def test_repeated_failed_log_ins_to_one_account_are_throttled(client, member):
    for _attempt in range(5):
        response = client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
        assert response.status_code == 200
    # Even the right password is refused until the lock-out has passed.
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_ups_from_one_address_are_throttled(client):
    for n in range(10):
        client.post(reverse("account_signup"), {"email": f"new{n}@example.org", "password1": "a-long-Passphrase-9",
                                                "password2": "a-long-Passphrase-9"})
    response = client.post(reverse("account_signup"), {"email": "eleventh@example.org", "password1": "a-long-Passphrase-9",
                                                      "password2": "a-long-Passphrase-9"})
    assert response.status_code == 429


def test_deploy_check_passes_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATA_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "samskap.example.org",
    }
    env.pop("HTTPS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_settings_generate_a_secret_key_once_and_keep_it(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DATA_DIR": str(tmp_path), "HTTPS": "false"}
    env.pop("SECRET_KEY", None)
    command = [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    assert first == second and len(first.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_data_dir_holds_the_sqlite_database_and_uploads(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['NAME']); print(settings.MEDIA_ROOT)")
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True).stdout.split()
    assert output == [str(tmp_path / "samskap.sqlite3"), str(tmp_path / "media")]


def test_the_admin_has_no_log_in_form_of_its_own(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_health_check_answers_head_requests(client):
    assert client.head("/healthz").status_code == 200


def test_production_without_redis_shares_the_cache_between_workers(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DATA_DIR": str(tmp_path), "HTTPS": "false"}
    env.pop("REDIS_URL", None)
    code = "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    backend = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60, check=True).stdout.strip()
    assert backend == "django.core.cache.backends.filebased.FileBasedCache"


def test_static_files_collect_under_production_settings(tmp_path):
    """The manifest storage refuses a CSS or JS file that points at a missing file: `make serve` would not start."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DATA_DIR": str(tmp_path), "HTTPS": "false"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()
