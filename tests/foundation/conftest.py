"""Fixtures for the foundation tests: outages, production subprocesses, gunicorn."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.backends.utils import CursorWrapper

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PRODUCTION_HOST = "kkn.example.se"
# Statements a test transaction itself needs; an "outage" leaves them alone
# so pytest-django can still roll back.
_TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def production_env(**extra):
    """A clean environment as a production deployment would have it.

    Nothing leaks in from the developer's shell (no DEBUG, no DATABASE_URL);
    HTTPS is left at its default (on).
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(BASE_DIR),
        "DJANGO_SETTINGS_MODULE": "kkn_portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": PRODUCTION_HOST,
        # As in the Dockerfile: log lines leave the process at once.
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return {key: value for key, value in env.items() if value is not None}


def run_python(code, env, timeout=60):
    """Run Python code in a fresh interpreter of this virtualenv."""
    return subprocess.run(  # noqa: S603 - fixed interpreter, code from the tests
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_manage(*args, env, timeout=120):
    """Run ``manage.py`` in a fresh interpreter with the given environment."""
    return subprocess.run(  # noqa: S603 - fixed interpreter and script
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@contextmanager
def database_down(error="OperationalError", tables=None):
    """Make SQL fail as if the database server were gone.

    Raises the driver's own ``error`` inside Django's error wrapper, so views,
    middleware and handlers see exactly what a lost connection produces
    (``django.db.OperationalError`` / ``InterfaceError``). With ``tables``,
    only statements naming one of them fail (e.g. only the session table).
    """
    original = CursorWrapper._execute

    def failing_execute(self, sql, *args, **kwargs):
        statement = str(sql).lstrip().upper()
        hit = tables is None or any(table.upper() in statement for table in tables)
        if hit and not statement.startswith(_TRANSACTION_CONTROL):
            with self.db.wrap_database_errors:
                raise getattr(self.db.Database, error)("simulated outage")
        return original(self, sql, *args, **kwargs)

    CursorWrapper._execute = failing_execute
    try:
        yield
    finally:
        CursorWrapper._execute = original


def free_port():
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """A gunicorn process serving the site with gunicorn.conf.py."""

    def __init__(self, env, log_path, workers=1):
        self.port = free_port()
        self.env = {
            **env,
            "PORT": str(self.port),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
        }
        self.log_path = log_path
        self._log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - fixed interpreter and module
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_listening()

    def _wait_until_listening(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start:\n{self.log()}")

    def request(self, path, method="GET", headers=None, data=None, https=True):
        """Send one request; return (status, headers, body). Never follows redirects."""
        headers = {"Host": PRODUCTION_HOST, **(headers or {})}
        if https:
            # What the TLS-terminating proxy in front of the app would add.
            headers.setdefault("X-Forwarded-Proto", "https")
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, headers=headers, method=method
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def log(self):
        """Everything gunicorn and Django wrote to stdout and stderr so far."""
        return Path(self.log_path).read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text, seconds=5):
        """The log once it contains ``text`` (gunicorn logs after responding)."""
        deadline = time.monotonic() + seconds
        while text not in self.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.log()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report redirects instead of following them."""

    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """A production deployment in a temporary folder, served by gunicorn.

    Production settings (DEBUG off, HTTPS on, manifest static storage), the
    static files collected and hashed as the Dockerfile does, a migrated
    SQLite database, and a TLS proxy emulated by X-Forwarded-Proto.
    """
    root = tmp_path_factory.mktemp("production")
    env = production_env(
        STATIC_ROOT=str(root / "static"),
        MEDIA_ROOT=str(root / "media"),
        DATABASE_URL=f"sqlite:///{root / 'db.sqlite3'}",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    for command in (("collectstatic", "--noinput"), ("migrate", "--noinput")):
        # Brotli-compressing every static file takes a minute of CPU; a busy
        # machine (a benchmark alongside) can stretch that past two.
        result = run_manage(*command, env=env, timeout=600)
        assert result.returncode == 0, result.stderr
    server = Gunicorn(env, root / "gunicorn.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def broken_database_site(tmp_path_factory, production_site):
    """The same deployment, but its database cannot be opened (an outage)."""
    root = tmp_path_factory.mktemp("outage")
    env = {
        **production_site.env,
        "DATABASE_URL": f"sqlite:///{root / 'missing-folder' / 'db.sqlite3'}",
    }
    for key in ("PORT", "GUNICORN_BIND"):
        env.pop(key)
    server = Gunicorn(env, root / "gunicorn.log")
    yield server
    server.stop()


@pytest.fixture
def seeded(db):
    """The demo content, as ``make run`` loads it."""
    call_command("seed_demo", verbosity=0)
