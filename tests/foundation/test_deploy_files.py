"""Dockerfile, docker-compose.yml, .dockerignore and .env.example, read as text.

No container engine runs in CI, so these tests check the files for the
properties the deployment relies on; test_production.py runs the same
gunicorn configuration and HEALTHCHECK command for real.
"""

import re

import pytest

from .conftest import BASE_DIR

ENV_READ = re.compile(
    r"""(?:env_bool|env_int|env_list|_env_int|os\.environ\.get|os\.environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def instructions(dockerfile):
    """The Dockerfile as (INSTRUCTION, arguments) pairs, continuation lines joined."""
    text = dockerfile.replace("\\\n", " ")
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions."""
    return instructions((BASE_DIR / "Dockerfile").read_text())


def position(steps, keyword, contains=""):
    """Index of the first instruction of that kind whose arguments contain a text."""
    for index, (name, args) in enumerate(steps):
        if name == keyword and contains in args:
            return index
    raise AssertionError(f"no {keyword} {contains!r} in the Dockerfile")


def test_dockerfile_base_and_environment(dockerfile):
    """A slim Python 3.11 base with unbuffered output and no bytecode files."""
    assert dockerfile[0] == ("FROM", "python:3.11-slim")
    env = " ".join(args for name, args in dockerfile if name == "ENV")
    assert "PYTHONDONTWRITEBYTECODE=1" in env
    assert "PYTHONUNBUFFERED=1" in env


def test_dockerfile_installs_requirements_before_the_code(dockerfile):
    """requirements.txt has its own layer, so code changes reuse the installed packages."""
    copy_requirements = position(dockerfile, "COPY", "requirements.txt")
    install = position(dockerfile, "RUN", "pip install")
    copy_code = position(dockerfile, "COPY", ". .")
    assert copy_requirements < install < copy_code
    assert "requirements-dev.txt" not in " ".join(args for _, args in dockerfile)


def test_dockerfile_collects_static_with_a_throwaway_key(dockerfile):
    """collectstatic runs at build time; its SECRET_KEY lives only in that RUN step."""
    step = dockerfile[position(dockerfile, "RUN", "collectstatic")]
    assert "SECRET_KEY=" in step[1]
    assert position(dockerfile, "COPY", ". .") < position(dockerfile, "RUN", "collectstatic")
    env = " ".join(args for name, args in dockerfile if name in ("ENV", "ARG"))
    assert "SECRET_KEY" not in env


def test_dockerfile_runs_as_an_unprivileged_user(dockerfile):
    """The server runs as a non-root user created in the image."""
    user = dockerfile[position(dockerfile, "USER")][1]
    assert user not in ("root", "0")
    assert f"useradd --system --gid {user}" in dockerfile[position(dockerfile, "RUN", "useradd")][1]
    assert position(dockerfile, "USER") < position(dockerfile, "CMD")


def test_dockerfile_serves_with_gunicorn_and_checks_health(dockerfile):
    """gunicorn with gunicorn.conf.py as CMD; HEALTHCHECK on /healthz without curl."""
    assert dockerfile[-1] == ("CMD", '["gunicorn", "--config", "gunicorn.conf.py"]')
    healthcheck = dockerfile[position(dockerfile, "HEALTHCHECK")][1]
    assert "/healthz" in healthcheck
    assert "urllib" in healthcheck
    assert "curl" not in healthcheck


def test_dockerignore_keeps_secrets_and_local_state_out():
    """The build context leaves out .env, the virtualenv, databases and VCS data."""
    ignored = {
        line.strip()
        for line in (BASE_DIR / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".env", ".venv", "db.sqlite3", "staticfiles", "media", "tests"} <= ignored
    assert "locale" not in ignored  # the compiled Swedish catalogue is needed at runtime


@pytest.fixture(scope="module")
def compose():
    """docker-compose.yml as text (no YAML parser is a dependency)."""
    return (BASE_DIR / "docker-compose.yml").read_text()


def service(compose, name):
    """The block of one service: from its name to the next top-level service."""
    match = re.search(rf"^  {name}:\n((?:    .*\n|\n)*)", compose, re.MULTILINE)
    assert match, f"no service {name}"
    return match.group(1)


def test_compose_has_postgres_with_volume_and_healthcheck(compose):
    """PostgreSQL 15 keeps its data on a named volume and reports readiness."""
    db = service(compose, "db")
    assert "image: postgres:15" in db
    assert "pgdata:/var/lib/postgresql/data" in db
    assert "pg_isready" in db
    assert re.search(r"^volumes:\n(  .*\n)*  pgdata:", compose, re.MULTILINE)


def test_compose_has_redis_and_a_one_shot_migrate(compose):
    """Redis for the shared cache, and migrate + createcachetable run once."""
    assert "image: redis:" in service(compose, "redis")
    migrate = service(compose, "migrate")
    assert "manage.py migrate --noinput" in migrate
    assert "manage.py createcachetable" in migrate
    assert 'restart: "no"' in migrate


def test_compose_runs_two_app_containers_after_migrate(compose):
    """web1 and web2 share the app definition, which waits for a finished migrate."""
    web = service(compose, "web1") + service(compose, "web2")
    assert web.count("<<: *web") == 2
    assert "condition: service_completed_successfully" in compose
    assert "REDIS_URL: redis://redis:6379/0" in compose
    assert "DATABASE_URL: postgres://" in compose
    assert "env_file: .env" in compose
    assert compose.count("- media:/app/media") == 1  # one anchor, shared by all


def variables_read_by(path):
    """Names of the environment variables a Python file reads."""
    return set(ENV_READ.findall((BASE_DIR / path).read_text()))


def test_env_reading_pattern_finds_variables():
    """The pattern sees the variables, so the next test cannot pass vacuously."""
    names = variables_read_by("kkn_portal/settings.py")
    assert {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DB_STATEMENT_TIMEOUT_MS"} <= names
    assert {"GUNICORN_TIMEOUT", "PORT", "WEB_CONCURRENCY"} <= variables_read_by("gunicorn.conf.py")


def test_env_example_documents_every_variable():
    """Every variable settings.py and gunicorn.conf.py read appears in .env.example."""
    documented = set(
        re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (BASE_DIR / ".env.example").read_text(), re.M)
    )
    read = (
        variables_read_by("kkn_portal/settings.py")
        | variables_read_by("gunicorn.conf.py")
        | {"DATABASE_URL"}  # read by dj_database_url.config()
    )
    assert read - documented == set()
