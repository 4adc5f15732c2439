"""Outbound timeouts fit inside gunicorn's request budget (RULES C6.5)."""

import json
import re
import runpy

import pytest

from .conftest import BASE_DIR, production_env, run_python

GUNICORN_CONF = BASE_DIR / "gunicorn.conf.py"
GUNICORN_VARIABLES = (
    "PORT",
    "GUNICORN_BIND",
    "GUNICORN_WORKERS",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "GUNICORN_KEEPALIVE",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "GUNICORN_LOG_LEVEL",
    "GUNICORN_ACCESS_LOG_FORMAT",
)
# Time for everything in a request that is not waiting on another server.
MARGIN_SECONDS = 5

PRINT_TIMEOUTS = """
import json
from django.conf import settings
options = settings.DATABASES["default"]["OPTIONS"]
print(json.dumps({
    "email": settings.EMAIL_TIMEOUT,
    "captcha": settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT,
    "db_connect": options["connect_timeout"],
    "db_statement_ms": int(options["options"].split("statement_timeout=")[1]),
}))
"""


@pytest.fixture
def gunicorn_config(monkeypatch):
    """Load gunicorn.conf.py the way gunicorn does, under a chosen environment."""
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def load(**env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(GUNICORN_CONF))

    return load


def production_timeouts():
    """The outbound timeouts of a production PostgreSQL deployment."""
    env = production_env(DATABASE_URL="postgres://kkn@db.internal:5432/kkn")
    result = run_python(PRINT_TIMEOUTS, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_outbound_timeouts_plus_margin_stay_below_gunicorn_timeout(gunicorn_config):
    """Captcha verify + SMTP + DB connect + one statement + margin < gunicorn timeout."""
    timeouts = production_timeouts()
    config = gunicorn_config()
    worst_case = (
        timeouts["captcha"]
        + timeouts["email"]
        + timeouts["db_connect"]
        + timeouts["db_statement_ms"] / 1000
    )
    assert worst_case + MARGIN_SECONDS < config["timeout"]


def test_each_outbound_timeout_is_short():
    """Neither SMTP nor captcha verification may wait more than 5 s (C3.7, C6.4)."""
    timeouts = production_timeouts()
    assert 0 < timeouts["email"] <= 5
    assert 0 < timeouts["captcha"] <= 5


def test_gunicorn_defaults(gunicorn_config):
    """Defaults: port 8000, threads, 30 s timeout, access log to stdout."""
    config = gunicorn_config()
    assert config["wsgi_app"] == "kkn_portal.wsgi:application"
    assert config["bind"] == "0.0.0.0:8000"
    assert 1 <= config["workers"] <= 8
    assert config["threads"] == 2
    assert config["timeout"] == 30
    assert config["graceful_timeout"] == 30
    assert config["accesslog"] == "-"
    assert "%(h)s" not in config["access_log_format"]  # no client IP by default


def test_gunicorn_reads_the_environment(gunicorn_config):
    """Every tunable comes from the environment."""
    config = gunicorn_config(
        PORT="9000",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="60",
        GUNICORN_GRACEFUL_TIMEOUT="20",
        GUNICORN_KEEPALIVE="75",
        GUNICORN_MAX_REQUESTS="0",
    )
    assert config["bind"] == "0.0.0.0:9000"
    assert config["workers"] == 3
    assert config["threads"] == 4
    assert config["timeout"] == 60
    assert config["graceful_timeout"] == 20
    assert config["keepalive"] == 75
    assert config["max_requests"] == 0


def test_gunicorn_workers_wins_over_web_concurrency(gunicorn_config):
    """GUNICORN_WORKERS is the project's own name and takes precedence."""
    config = gunicorn_config(GUNICORN_WORKERS="2", WEB_CONCURRENCY="6", GUNICORN_BIND="[::]:80")
    assert config["workers"] == 2
    assert config["bind"] == "[::]:80"


def test_container_stop_grace_outlasts_graceful_timeout(gunicorn_config):
    """Docker must not SIGKILL app containers before gunicorn's graceful shutdown ends."""
    compose = (BASE_DIR / "docker-compose.yml").read_text()
    grace = re.search(r"stop_grace_period:\s*(\d+)s", compose)
    assert grace, "docker-compose.yml sets no stop_grace_period"
    assert int(grace.group(1)) > gunicorn_config()["graceful_timeout"]
