"""Start and stop a production-like gunicorn for the load and fault scripts.

``Gunicorn(port, **env)`` is a context manager: it prepares the database
named by ``DATABASE_URL`` (migrate, cache table, demo content: all
idempotent), collects the static files into a temporary folder, starts
gunicorn with gunicorn.conf.py (2 workers, DEBUG off, HTTPS off because
nothing terminates TLS on 127.0.0.1; see bench/run.sh), waits for
``/healthz`` and stops it on exit. Only 127.0.0.1 is ever bound.
"""

import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/kkn_bench"


def production_env(port, static_root, **overrides):
    """The environment of a production run on 127.0.0.1:``port``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kkn_portal.settings",
        "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_DATABASE),
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-" + secrets.token_urlsafe(32),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "STATIC_ROOT": str(static_root),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_MAX_REQUESTS": "0",
    }
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def ensure_database(env):
    """Create the PostgreSQL database if missing; migrate and seed (idempotent)."""
    url = env["DATABASE_URL"]
    base, _, name = url.rpartition("/")
    if subprocess.run(["psql", url, "-qc", "SELECT 1"], capture_output=True).returncode:
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True)
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["seed_demo", "-v0"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def get(url, timeout=5):
    """(status, headers, body) of a GET; HTTP errors are answers, not exceptions."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Gunicorn:
    """gunicorn on 127.0.0.1:``port`` with production settings and ``overrides``."""

    def __init__(self, port=8766, **overrides):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._tmp = tempfile.TemporaryDirectory(prefix="kkn-bench-")
        self.env = production_env(port, Path(self._tmp.name) / "static", **overrides)
        self.log = Path(self._tmp.name) / "gunicorn.log"
        self.process = None

    def __enter__(self):
        ensure_database(self.env)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        gunicorn = Path(PYTHON).with_name("gunicorn")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "--config", "gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(self.url + "/healthz", timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not come up; see {self.log}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if exc and exc[0] is not None:
            print(self.log.read_text()[-3000:], file=sys.stderr)
        self._tmp.cleanup()

    def manage(self, *args):
        """Run a manage.py command against the same database and settings."""
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
