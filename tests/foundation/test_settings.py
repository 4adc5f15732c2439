"""Settings read from the environment: fail fast, deploy check, cookies, logging."""

import json
import logging

import pytest

from .conftest import production_env, run_manage, run_python

PRINT_SETTINGS = """
import json
from django.conf import settings
names = %r
print(json.dumps({name: getattr(settings, name) for name in names}, default=str))
"""


def read_settings(env, *names):
    """Import the real settings in a fresh interpreter and return the named values."""
    result = run_python(PRINT_SETTINGS % (names,), env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_missing_secret_key_refuses_to_start():
    """Without SECRET_KEY and without DEBUG, importing the settings fails loudly."""
    result = run_python("import kkn_portal.settings", production_env(SECRET_KEY=None))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_blank_secret_key_refuses_to_start():
    """An empty SECRET_KEY (as in a fresh copy of .env.example) counts as missing."""
    result = run_python("import kkn_portal.settings", production_env(SECRET_KEY=""))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_debug_without_secret_key_gets_a_development_key(tmp_path):
    """With DEBUG=1 the site starts with a generated, clearly marked key."""
    env = production_env(SECRET_KEY=None, DEBUG="1", DEV_SECRET_KEY_FILE=str(tmp_path / "key"))
    values = read_settings(env, "SECRET_KEY", "DEBUG")
    assert values["DEBUG"] is True
    assert values["SECRET_KEY"].startswith("dev-only-")
    assert len(values["SECRET_KEY"]) > 50


def test_development_key_is_the_same_in_every_process(tmp_path):
    """`make run`'s processes share one key, so a link create_editor prints works in runserver."""
    path = tmp_path / "key"
    env = production_env(SECRET_KEY=None, DEBUG="1", DEV_SECRET_KEY_FILE=str(path))
    first, second = (read_settings(env, "SECRET_KEY")["SECRET_KEY"] for _ in range(2))
    assert first == second == path.read_text().strip()
    assert path.stat().st_mode & 0o777 == 0o600
    path.write_text("dev-only-another-key\n")
    assert read_settings(env, "SECRET_KEY")["SECRET_KEY"] == "dev-only-another-key"


def test_debug_is_off_by_default():
    """No DEBUG variable means production behaviour."""
    assert read_settings(production_env(), "DEBUG")["DEBUG"] is False


def test_check_deploy_is_clean_with_production_environment():
    """``check --deploy --fail-level WARNING`` finds nothing with production env (C4.3)."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_catches_a_short_secret_key():
    """The deploy check is really run: a weak key makes it fail."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(SECRET_KEY="short"),
    )
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_production_cookies_are_host_prefixed_and_secure():
    """Production cookies: __Host- names, Secure, HttpOnly session, SameSite=Lax (C4.4)."""
    values = read_settings(
        production_env(),
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        "SESSION_COOKIE_DOMAIN",
        "CSRF_COOKIE_DOMAIN",
        "SESSION_COOKIE_PATH",
        "CSRF_COOKIE_PATH",
        "CSRF_COOKIE_AGE",
    )
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    # The __Host- prefix is only valid with Path=/ and no Domain attribute.
    assert values["SESSION_COOKIE_DOMAIN"] is None
    assert values["CSRF_COOKIE_DOMAIN"] is None
    assert values["SESSION_COOKIE_PATH"] == values["CSRF_COOKIE_PATH"] == "/"
    assert values["CSRF_COOKIE_AGE"] is None


def test_plain_http_trial_drops_the_host_prefix():
    """HTTPS=0 (a local trial) uses plain names, which browsers accept over HTTP."""
    values = read_settings(production_env(HTTPS="0"), "SESSION_COOKIE_NAME", "SECURE_SSL_REDIRECT")
    assert values == {"SESSION_COOKIE_NAME": "sessionid", "SECURE_SSL_REDIRECT": False}


def test_production_https_settings():
    """HTTPS redirect and a year of HSTS with subdomains and preload by default."""
    values = read_settings(
        production_env(),
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_REDIRECT_EXEMPT",
    )
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_REDIRECT_EXEMPT"] == [r"^healthz$"]


def test_proxy_ssl_header_is_configurable():
    """SECURE_PROXY_SSL_HEADER is read as a (header, value) pair."""
    values = read_settings(
        production_env(SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https"),
        "SECURE_PROXY_SSL_HEADER",
    )
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_database_url_configures_postgres_timeouts():
    """A PostgreSQL URL gets persistent, health-checked connections with timeouts."""
    env = production_env(DATABASE_URL="postgres://kkn:secret@db.internal:5432/kkn")
    database = read_settings(env, "DATABASES")["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.internal"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert "statement_timeout=10000" in database["OPTIONS"]["options"]


def test_default_database_is_sqlite_in_the_project_folder():
    """Without DATABASE_URL the site runs on a SQLite file, zero setup."""
    database = read_settings(production_env(), "DATABASES")["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("db.sqlite3")


def test_redis_url_switches_the_shared_cache():
    """REDIS_URL selects Redis; without it the database cache is shared by workers."""
    with_redis = read_settings(production_env(REDIS_URL="redis://cache:6379/0"), "CACHES")
    without = read_settings(production_env(), "CACHES")
    assert with_redis["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert without["CACHES"]["default"]["BACKEND"].endswith("DatabaseCache")


@pytest.mark.parametrize(
    "logger_name", ["django", "django.request", "kkn_portal", "news", "feedback"]
)
def test_logs_go_to_stdout(settings, logger_name):
    """Every log record reaches a handler that writes to stdout."""
    config = settings.LOGGING
    stdout_handlers = {
        name
        for name, handler in config["handlers"].items()
        if handler.get("stream") == "ext://sys.stdout"
    }
    logger = config["loggers"].get(logger_name.split(".")[0], config["root"])
    assert set(logger["handlers"]) & stdout_handlers


def test_disallowed_host_logger_discards_records(settings):
    """The DisallowedHost logger has a NullHandler and does not propagate.

    A logger without any handler would fall back to ``logging.lastResort``,
    which prints the record and its traceback to stderr. (test_production.py
    checks the real server's output.)
    """
    configured = settings.LOGGING["loggers"]["django.security.DisallowedHost"]
    assert configured["propagate"] is False
    assert configured["handlers"]
    for name in configured["handlers"]:
        assert settings.LOGGING["handlers"][name]["class"] == "logging.NullHandler"
    logger = logging.getLogger("django.security.DisallowedHost")
    assert logger.propagate is False
    assert any(type(handler) is logging.NullHandler for handler in logger.handlers)
