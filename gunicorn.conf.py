"""Gunicorn configuration for KKN-portalen, read from the environment.

``gunicorn`` reads ./gunicorn.conf.py by default, so ``gunicorn`` alone in the
project folder (the Dockerfile's CMD) serves the site. Every value below can be
changed per deployment without rebuilding the image; see .env.example.
"""

import os


def _env_int(name, default):
    """An integer from the environment, or the default when unset or blank."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cpu_count():
    """CPUs this process may run on (respects a container's cpuset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


wsgi_app = "kkn_portal.wsgi:application"

# Listen on all interfaces inside the container; the platform maps the port.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_env_int('PORT', 8000)}"

# Processes x threads = concurrent requests per container. Each thread keeps
# its own PostgreSQL connection (CONN_MAX_AGE), so containers x workers x
# threads + a reserve for migrations and admin shells must stay below the
# server's max_connections (100 by default).
workers = _env_int("GUNICORN_WORKERS", _env_int("WEB_CONCURRENCY", min(2 * _cpu_count() + 1, 8)))
# Two threads (gthread worker) keep a worker responsive while one request
# waits on the database or on a slow client behind the proxy.
threads = _env_int("GUNICORN_THREADS", 2)

# Why 30 s: the slowest request makes at most one captcha verification
# (RECAPTCHA_VERIFY_REQUEST_TIMEOUT, 5 s) and one SMTP notification
# (EMAIL_TIMEOUT, 5 s), plus a database connect (DB_CONNECT_TIMEOUT, 3 s) and
# one statement (DB_STATEMENT_TIMEOUT_MS, 10 s). 23 s plus a 5 s margin stays
# below the timeout, so a hung dependency fails that one request with a clear
# error before gunicorn (sync workers) or the proxy gives up on it, which
# would be a bare 502 with the visitor's input lost. A gthread worker is only
# killed when its main loop stalls, but the proxy's read timeout should be
# this value too. tests/foundation/test_timeouts.py keeps the sum below it.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# On deploy or restart, requests in flight get this long to finish. The
# container's stop grace period (docker-compose.yml) must be longer.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Seconds an idle keep-alive connection stays open. Behind a load balancer,
# set it above the balancer's idle timeout, so the balancer closes first and
# never reuses a connection gunicorn has just closed.
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then, so a slow leak cannot grow without bound; the
# jitter keeps all workers from restarting at once.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# No gunicornc control socket: nothing here uses it, it would need a
# writable $HOME (the container's file system is read-only), and two servers
# on one machine would share its default path.
control_socket_disable = True

# The heartbeat file on tmpfs: on an overlay filesystem a slow disk write can
# make a healthy worker look silent.
_HEARTBEAT_DIR = "/dev/shm"  # noqa: S108 - gunicorn's advice for containers; only heartbeats
if os.path.isdir(_HEARTBEAT_DIR):
    worker_tmp_dir = _HEARTBEAT_DIR

# Access log to stdout, error log to stderr: the container runtime collects
# both. The default format leaves out the client IP, user agent and query
# string (data minimisation: a comment's sender must not be traceable through
# the log); the reverse proxy keeps what security monitoring needs.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = os.environ.get(
    "GUNICORN_ACCESS_LOG_FORMAT", '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
)
